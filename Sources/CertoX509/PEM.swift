// PEM (RFC 7468) and raw DER input: finds every "-----BEGIN CERTIFICATE-----" block, ignores text
// between blocks and blocks of other types, tolerates RFC 1421 headers and CRLF, and decodes base64
// strictly (only the alphabet, whitespace and correct padding). A file that does not look like PEM is DER.

extension Certificate {
    /// Input larger than this is refused (the system bundle is about 200 KiB).
    public static let maximumInputByteCount = 64 << 20

    /// PEM with any number of CERTIFICATE blocks (text between them ignored, CRLF and headers tolerated),
    /// or exactly one DER certificate. Throws `.noCertificates` when PEM input holds none.
    /// The DER of every certificate in `bytes` without parsing them: the CERTIFICATE blocks of PEM
    /// input, or the input itself when it is DER. Throws only for PEM that cannot be read at all.
    public static func encodedCertificates(_ bytes: [UInt8]) throws(CertificateError) -> [[UInt8]] {
        guard bytes.count <= maximumInputByteCount else {
            throw .inputTooLarge(byteCount: bytes.count, limit: maximumInputByteCount)
        }
        if looksLikeDER(bytes) { return [bytes] }
        let blocks = try PEM.blocks(bytes)
        if blocks.isEmpty && bytes.first == 0x30 { return [bytes] }
        let encoded = blocks.filter { $0.label == "CERTIFICATE" }.map(\.der)
        if encoded.isEmpty { throw .noCertificates }
        return encoded
    }

    public static func parseAll(_ bytes: [UInt8]) throws(CertificateError) -> [Certificate] {
        guard bytes.count <= maximumInputByteCount else {
            throw .inputTooLarge(byteCount: bytes.count, limit: maximumInputByteCount)
        }
        if looksLikeDER(bytes) { return [try Certificate(derEncoded: bytes)] }
        let blocks = try PEM.blocks(bytes)
        // Not PEM at all but starting like DER: parse it as DER for a precise error (truncation, ...).
        if blocks.isEmpty && bytes.first == 0x30 { return [try Certificate(derEncoded: bytes)] }
        var certificates: [Certificate] = []
        for block in blocks where block.label == "CERTIFICATE" {
            do {
                certificates.append(try Certificate(derEncoded: block.der))
            } catch {
                throw .inPEMBlock(index: certificates.count + 1, line: block.line, error: error)
            }
        }
        guard !certificates.isEmpty else { throw .noCertificates }
        return certificates
    }
}

extension Certificate {
    /// A SEQUENCE header whose length covers exactly the input: DER, not text (text can start with '0' = 0x30).
    static func looksLikeDER(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2, bytes[0] == 0x30 else { return false }
        let first = Int(bytes[1])
        if first < 0x80 { return first + 2 == bytes.count }
        let count = first & 0x7f
        guard count >= 1, count <= 4, bytes.count >= 2 + count else { return false }
        var length = 0
        for index in 0..<count { length = length << 8 | Int(bytes[2 + index]) }
        return 2 + count + length == bytes.count
    }
}

public enum PEM {
    public struct Block: Sendable, Hashable {
        /// The label after BEGIN, e.g. "CERTIFICATE".
        public let label: String
        /// 1-based line of the BEGIN line.
        public let line: Int
        public let der: [UInt8]
    }

    /// Every PEM block in `bytes`, in order.
    public static func blocks(_ bytes: [UInt8]) throws(CertificateError) -> [Block] {
        var result: [Block] = []
        var lineNumber = 0
        var position = 0
        var open: (label: ArraySlice<UInt8>, line: Int)? = nil
        var body: [UInt8] = []
        var sawBodyLine = false
        while position < bytes.count {
            lineNumber += 1
            var end = position
            while end < bytes.count && bytes[end] != 0x0a { end += 1 }
            var line = bytes[position..<end]
            position = end + 1
            if line.last == 0x0d { line = line.dropLast() }
            line = trimmed(line)
            if let (isBegin, label) = try boundary(line, lineNumber) {
                if isBegin {
                    guard open == nil else { throw .invalidPEM(line: lineNumber, problem: .unterminatedBlock) }
                    open = (label, lineNumber)
                    body = []
                    sawBodyLine = false
                } else {
                    guard let current = open else { throw .invalidPEM(line: lineNumber, problem: .malformedBoundary) }
                    guard current.label == label else { throw .invalidPEM(line: lineNumber, problem: .mismatchedEnd) }
                    guard let der = Base64.decode(body) else { throw .invalidPEM(line: current.line, problem: .invalidBase64) }
                    result.append(Block(label: String(decoding: label, as: UTF8.self), line: current.line, der: der))
                    open = nil
                }
                continue
            }
            guard open != nil else { continue }
            // RFC 1421 headers ("Proc-Type: ...", continuation lines) precede a blank line; skip them.
            if !sawBodyLine && (line.contains(0x3a) || line.isEmpty || line.first == 0x20 || line.first == 0x09) {
                continue
            }
            sawBodyLine = true
            body.append(contentsOf: line)
        }
        if let current = open { throw .invalidPEM(line: current.line, problem: .unterminatedBlock) }
        return result
    }

    private static let beginPrefix = Array("-----BEGIN ".utf8)
    private static let endPrefix = Array("-----END ".utf8)
    private static let dashes = Array("-----".utf8)

    /// (true, label) for a BEGIN line, (false, label) for an END line, nil for any other line.
    private static func boundary(_ line: ArraySlice<UInt8>, _ number: Int) throws(CertificateError) -> (Bool, ArraySlice<UInt8>)? {
        guard line.count >= 5, line.starts(with: dashes) else { return nil }
        let isBegin: Bool
        if line.starts(with: beginPrefix) { isBegin = true } else if line.starts(with: endPrefix) { isBegin = false } else { return nil }
        let rest = line.dropFirst(isBegin ? beginPrefix.count : endPrefix.count)
        guard rest.count >= 5, rest.suffix(5).elementsEqual(dashes) else {
            throw .invalidPEM(line: number, problem: .malformedBoundary)
        }
        return (isBegin, rest.dropLast(5))
    }

    private static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var result = line
        while let last = result.last, last == 0x20 || last == 0x09 { result = result.dropLast() }
        return result
    }
}

/// Strict base64 (RFC 4648 §4): whitespace between characters is ignored, anything else outside the
/// alphabet is an error, padding must be correct and the unused bits of the last group zero.
enum Base64 {
    /// 0...63 for alphabet characters, 64 for '=', 65 for whitespace, 255 for anything else.
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(index)
        }
        table[Int(UInt8(ascii: "="))] = 64
        for space in [0x20, 0x09, 0x0d, 0x0a] { table[space] = 65 }
        return table
    }()

    static func decode(_ text: [UInt8]) -> [UInt8]? {
        let capacity = text.count / 4 * 3 + 3
        var failed = false
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            table.withUnsafeBufferPointer { table in
                text.withUnsafeBufferPointer { input in
                    var accumulator: UInt32 = 0
                    var pending = 0
                    var padding = 0
                    var written = 0
                    for byte in input {
                        let value = table[Int(byte)]
                        if value < 64 {
                            guard padding == 0 else { failed = true; return }  // data after '='
                            accumulator = accumulator << 6 | UInt32(value)
                            pending += 1
                            if pending == 4 {
                                buffer[written] = UInt8(truncatingIfNeeded: accumulator >> 16)
                                buffer[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 8)
                                buffer[written + 2] = UInt8(truncatingIfNeeded: accumulator)
                                written += 3
                                accumulator = 0
                                pending = 0
                            }
                        } else if value == 64 {
                            padding += 1
                        } else if value != 65 {
                            failed = true
                            return
                        }
                    }
                    switch (pending, padding) {
                    case (0, 0): break
                    case (2, 2) where accumulator & 0x0f == 0:
                        buffer[written] = UInt8(truncatingIfNeeded: accumulator >> 4)
                        written += 1
                    case (3, 1) where accumulator & 0x03 == 0:
                        buffer[written] = UInt8(truncatingIfNeeded: accumulator >> 10)
                        buffer[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 2)
                        written += 2
                    default:
                        failed = true
                    }
                    count = written
                }
            }
        }
        return failed ? nil : output
    }
}
