// PEM (RFC 7468): every "-----BEGIN label-----" block of a text, in order, with its label, its line
// and its decoded DER; and the block for a DER value. Text between blocks is ignored, RFC 1421 headers and CRLF are tolerated, and the
// base64 is decoded strictly (Base64.swift).
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A PEM problem at `line` (1-based) of the input.
public struct PEMError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let problem: PEMProblem

    public init(line: Int, problem: PEMProblem) {
        self.line = line
        self.problem = problem
    }

    public var description: String { "line \(line): \(problem.rawValue)" }
}

public enum PEMProblem: String, Sendable, Equatable {
    case unterminatedBlock = "BEGIN line without a matching END line"
    case mismatchedEnd = "END label does not match BEGIN label"
    case invalidBase64 = "invalid base64"
    case malformedBoundary = "malformed BEGIN/END line"
}

public enum PEM {
    public struct Block: Sendable, Hashable {
        /// The label after BEGIN, e.g. "CERTIFICATE".
        public let label: String
        /// 1-based line of the BEGIN line.
        public let line: Int
        public let der: [UInt8]
    }

    /// Whether a block with this label holds a certificate: "CERTIFICATE" (RFC 7468 §5.1), or the
    /// historical "X509 CERTIFICATE" and "X.509 CERTIFICATE" that §5.1 mentions and old OpenSSL wrote.
    /// OpenSSL's "TRUSTED CERTIFICATE" is not one: its DER carries trust settings after the certificate.
    public static func isCertificateLabel(_ label: String) -> Bool {
        label == "CERTIFICATE" || label == "X509 CERTIFICATE" || label == "X.509 CERTIFICATE"
    }

    /// Every PEM block in `bytes`, in order. Lines are scanned in place and a block's base64 is decoded
    /// straight from the text (line breaks and blanks are white space to the decoder): a bundle of
    /// thousands of certificates is megabytes of text, and nothing of it is copied.
    public static func blocks(_ bytes: [UInt8]) throws(PEMError) -> [Block] {
        try blocks(bytes, skippingMalformed: false)
    }

    /// Every well-formed PEM block in `bytes`, in order; a malformed one (bad boundary, no END line,
    /// bad base64) is left out instead of failing the whole text. For large bundles of independent
    /// entries, such as a system trust store, where one damaged entry must not hide the others.
    public static func wellFormedBlocks(_ bytes: [UInt8]) -> [Block] {
        (try? blocks(bytes, skippingMalformed: true)) ?? []
    }

    private static func blocks(_ bytes: [UInt8], skippingMalformed: Bool) throws(PEMError) -> [Block] {
        // A problem either ends the parse or, when skipping, drops the block being read.
        var open: (label: ArraySlice<UInt8>, line: Int)? = nil
        func refuse(_ error: PEMError) throws(PEMError) {
            guard skippingMalformed else { throw error }
            open = nil
        }
        var result: [Block] = []
        var lineNumber = 0
        var bodyStart: Int? = nil
        var position = 0
        while position < bytes.count {
            lineNumber += 1
            let (start, end, next) = bytes.withUnsafeBufferPointer { line(in: $0, from: position) }
            position = next
            let found: (isBegin: Bool, label: ArraySlice<UInt8>)?
            do {
                found = try boundary(bytes[start..<end], lineNumber)
            } catch {
                try refuse(error)
                continue
            }
            if let (isBegin, label) = found {
                if isBegin {
                    if open != nil { try refuse(PEMError(line: lineNumber, problem: .unterminatedBlock)) }
                    open = (label, lineNumber)
                    bodyStart = nil
                } else if let current = open {
                    if current.label != label {
                        try refuse(PEMError(line: lineNumber, problem: .mismatchedEnd))
                    } else if let der = Base64.decode(bytes[(bodyStart ?? start)..<start]) {
                        result.append(Block(label: String(decoding: label, as: UTF8.self), line: current.line, der: der))
                        open = nil
                    } else {
                        try refuse(PEMError(line: current.line, problem: .invalidBase64))
                    }
                } else {
                    try refuse(PEMError(line: lineNumber, problem: .malformedBoundary))
                }
                continue
            }
            // RFC 1421 headers ("Proc-Type: ...", continuation lines) precede a blank line; skip them.
            guard open != nil, bodyStart == nil else { continue }
            let first = start < end ? bytes[start] : 0
            if start == end || first == 0x20 || first == 0x09 || bytes[start..<end].contains(0x3a) { continue }
            bodyStart = start
        }
        if let current = open { try refuse(PEMError(line: current.line, problem: .unterminatedBlock)) }
        return result
    }

    /// One PEM block (RFC 7468 §2): "-----BEGIN label-----", the base64 of `der` in lines of 64
    /// characters, "-----END label-----", each line ended by a newline.
    public static func encode(label: String, der: [UInt8]) -> String {
        let encoded = Base64.encode(der)
        var text = "-----BEGIN \(label)-----\n"
        var offset = 0
        while offset < encoded.count {
            let end = min(offset + 64, encoded.count)
            text += String(decoding: encoded[offset..<end], as: UTF8.self) + "\n"
            offset = end
        }
        return text + "-----END \(label)-----\n"
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
    private static func boundary(_ line: ArraySlice<UInt8>, _ number: Int) throws(PEMError) -> (Bool, ArraySlice<UInt8>)? {
        guard line.count >= 5, line.starts(with: dashes) else { return nil }
        let isBegin: Bool
        if line.starts(with: beginPrefix) { isBegin = true } else if line.starts(with: endPrefix) { isBegin = false } else { return nil }
        let rest = line.dropFirst(isBegin ? beginPrefix.count : endPrefix.count)
        guard rest.count >= 5, rest.suffix(5).elementsEqual(dashes) else {
            throw PEMError(line: number, problem: .malformedBoundary)
        }
        return (isBegin, rest.dropLast(5))
    }

}
