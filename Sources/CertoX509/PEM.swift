// PEM (RFC 7468) and raw DER input: finds every "-----BEGIN CERTIFICATE-----" block, ignores text
// between blocks and blocks of other types, tolerates RFC 1421 headers and CRLF, and decodes base64
// strictly (only the alphabet, whitespace and correct padding). A file that does not look like PEM is DER.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    /// Every PEM block in `bytes`, in order. Lines are scanned in place and a block's base64 is decoded
    /// straight from the text (line breaks and blanks are white space to the decoder): a bundle of
    /// thousands of certificates is megabytes of text, and nothing of it is copied.
    public static func blocks(_ bytes: [UInt8]) throws(CertificateError) -> [Block] {
        var result: [Block] = []
        var lineNumber = 0
        var open: (label: ArraySlice<UInt8>, line: Int)? = nil
        var bodyStart: Int? = nil
        var position = 0
        while position < bytes.count {
            lineNumber += 1
            let (start, end, next) = bytes.withUnsafeBufferPointer { line(in: $0, from: position) }
            position = next
            if let (isBegin, label) = try boundary(bytes[start..<end], lineNumber) {
                if isBegin {
                    guard open == nil else { throw .invalidPEM(line: lineNumber, problem: .unterminatedBlock) }
                    open = (label, lineNumber)
                    bodyStart = nil
                } else {
                    guard let current = open else { throw .invalidPEM(line: lineNumber, problem: .malformedBoundary) }
                    guard current.label == label else { throw .invalidPEM(line: lineNumber, problem: .mismatchedEnd) }
                    guard let der = Base64.decode(bytes[(bodyStart ?? start)..<start]) else {
                        throw .invalidPEM(line: current.line, problem: .invalidBase64)
                    }
                    result.append(Block(label: String(decoding: label, as: UTF8.self), line: current.line, der: der))
                    open = nil
                }
                continue
            }
            // RFC 1421 headers ("Proc-Type: ...", continuation lines) precede a blank line; skip them.
            guard open != nil, bodyStart == nil else { continue }
            let first = start < end ? bytes[start] : 0
            if start == end || first == 0x20 || first == 0x09 || bytes[start..<end].contains(0x3a) { continue }
            bodyStart = start
        }
        if let current = open { throw .invalidPEM(line: current.line, problem: .unterminatedBlock) }
        return result
    }

    /// The line starting at `start`: its content without the line break, a carriage return before it
    /// and trailing blanks, and where the next line starts.
    private static func line(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (start: Int, end: Int, next: Int) {
        var end = bytes.count
        if let found = memchr(bytes.baseAddress! + start, 0x0a, bytes.count - start) {
            end = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
        let next = end + 1
        if end > start && bytes[end - 1] == 0x0d { end -= 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return (start, end, next)
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

    static func decode(_ text: [UInt8]) -> [UInt8]? { decode(text[...]) }

    static func decode(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        let capacity = text.count / 4 * 3 + 4  // one spare byte: groups are stored four bytes at a time
        var failed = false
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            let written = table.withUnsafeBufferPointer { table in
                text.withUnsafeBufferPointer { input in decode(input, table: table, into: buffer.baseAddress!) }
            }
            if let written { count = written } else { count = 0; failed = true }
        }
        return failed ? nil : output
    }

    /// Decodes `input` into `output` (room for `input.count / 4 * 3 + 4` bytes); the byte count, or nil.
    private static func decode(_ input: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>,
                               into output: UnsafeMutablePointer<UInt8>) -> Int? {
        var accumulator: UInt32 = 0
        var pending = 0
        var padding = 0
        var written = 0
        var index = 0
        let count = input.count
        while index < count {
            // Four alphabet characters with nothing pending (nearly every group): three bytes at once.
            if pending == 0 && index + 4 <= count {
                let a = table[Int(input[index])], b = table[Int(input[index + 1])]
                let c = table[Int(input[index + 2])], d = table[Int(input[index + 3])]
                if (a | b | c | d) < 64 {
                    if padding != 0 { return nil }  // data after '='
                    // The 24 bits, stored as a big-endian word whose last byte the next group overwrites.
                    let group = UInt32(a) << 26 | UInt32(b) << 20 | UInt32(c) << 14 | UInt32(d) << 8
                    UnsafeMutableRawPointer(output + written).storeBytes(of: group.bigEndian, as: UInt32.self)
                    written &+= 3
                    index &+= 4
                    continue
                }
            }
            let value = table[Int(input[index])]
            index += 1
            if value < 64 {
                if padding != 0 { return nil }  // data after '='
                accumulator = accumulator << 6 | UInt32(value)
                pending += 1
                if pending == 4 {
                    output[written] = UInt8(truncatingIfNeeded: accumulator >> 16)
                    output[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 8)
                    output[written + 2] = UInt8(truncatingIfNeeded: accumulator)
                    written += 3
                    accumulator = 0
                    pending = 0
                }
            } else if value == 64 {
                padding += 1
            } else if value != 65 {
                return nil
            }
        }
        switch (pending, padding) {
        case (0, 0):
            return written
        case (2, 2) where accumulator & 0x0f == 0:
            output[written] = UInt8(truncatingIfNeeded: accumulator >> 4)
            return written + 1
        case (3, 1) where accumulator & 0x03 == 0:
            output[written] = UInt8(truncatingIfNeeded: accumulator >> 10)
            output[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 2)
            return written + 2
        default:
            return nil
        }
    }
}
