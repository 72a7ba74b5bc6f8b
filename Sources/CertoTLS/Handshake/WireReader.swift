// A bounds-checked cursor over bytes received from the network. Every read names the message and
// field being parsed so a truncated or overlong field reports exactly where it went wrong.

struct WireReader {
    let bytes: [UInt8]
    private(set) var offset: Int
    let end: Int
    /// The message being parsed, for error text ("ServerHello").
    let message: String

    init(_ bytes: [UInt8], message: String) {
        self.bytes = bytes
        self.offset = 0
        self.end = bytes.count
        self.message = message
    }

    private init(bytes: [UInt8], offset: Int, end: Int, message: String) {
        self.bytes = bytes
        self.offset = offset
        self.end = end
        self.message = message
    }

    var remaining: Int { end - offset }
    var isAtEnd: Bool { offset == end }

    func failure(_ reason: String) -> TLSError {
        .malformedHandshake(message: message, reason: "\(reason) at byte \(offset)")
    }

    mutating func readUInt8(_ field: String) throws -> UInt8 {
        guard remaining >= 1 else { throw failure("truncated \(field)") }
        defer { offset += 1 }
        return bytes[offset]
    }

    mutating func readUInt16(_ field: String) throws -> UInt16 {
        guard remaining >= 2 else { throw failure("truncated \(field)") }
        defer { offset += 2 }
        return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    mutating func readUInt24(_ field: String) throws -> Int {
        guard remaining >= 3 else { throw failure("truncated \(field)") }
        defer { offset += 3 }
        return Int(bytes[offset]) << 16 | Int(bytes[offset + 1]) << 8 | Int(bytes[offset + 2])
    }

    mutating func readBytes(_ count: Int, _ field: String) throws -> [UInt8] {
        guard count >= 0, remaining >= count else {
            throw failure("\(field) of \(count) bytes overruns its container (\(remaining) left)")
        }
        defer { offset += count }
        return Array(bytes[offset..<(offset + count)])
    }

    /// A sub-reader over the next `count` bytes (a length-prefixed vector's body).
    mutating func readSubReader(_ count: Int, _ field: String) throws -> WireReader {
        guard count >= 0, remaining >= count else {
            throw failure("\(field) of \(count) bytes overruns its container (\(remaining) left)")
        }
        let sub = WireReader(bytes: bytes, offset: offset, end: offset + count, message: message)
        offset += count
        return sub
    }

    /// Reads a vector with a 1-, 2- or 3-byte length prefix.
    mutating func readVector(lengthBytes: Int, _ field: String) throws -> [UInt8] {
        let count: Int
        switch lengthBytes {
        case 1: count = Int(try readUInt8("\(field) length"))
        case 2: count = Int(try readUInt16("\(field) length"))
        default: count = try readUInt24("\(field) length")
        }
        return try readBytes(count, field)
    }

    func expectEnd(_ what: String) throws {
        guard isAtEnd else { throw failure("\(remaining) trailing bytes after \(what)") }
    }
}

/// Appends TLS wire encodings to a byte array.
struct WireWriter {
    var bytes: [UInt8] = []

    mutating func uint8(_ value: UInt8) { bytes.append(value) }

    mutating func uint16(_ value: UInt16) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xff))
    }

    mutating func append(_ data: [UInt8]) { bytes += data }

    /// Writes `body` produced by the closure behind a big-endian length prefix of `lengthBytes` bytes.
    mutating func vector(lengthBytes: Int, _ body: (inout WireWriter) -> Void) {
        var inner = WireWriter()
        body(&inner)
        let count = inner.bytes.count
        precondition(count < 1 << (8 * lengthBytes), "TLS vector too long for its length prefix")
        for shift in stride(from: 8 * (lengthBytes - 1), through: 0, by: -8) {
            bytes.append(UInt8((count >> shift) & 0xff))
        }
        bytes += inner.bytes
    }
}
