// A cursor over one fuzz input, for targets that carve the bytes into a mode, lengths and pieces.
// Reads past the end give zeros or short pieces rather than failing, so every input means something
// and small mutations keep their meaning.

public struct FuzzInput {
    public let bytes: [UInt8]
    public private(set) var offset = 0

    public init(_ data: UnsafePointer<UInt8>?, _ size: Int) {
        bytes = size > 0 && data != nil ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    }

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var isAtEnd: Bool { offset >= bytes.count }
    public var remainingCount: Int { max(0, bytes.count - offset) }

    /// The next byte, or 0 at the end.
    public mutating func byte() -> UInt8 {
        guard offset < bytes.count else { return 0 }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// A big-endian 16-bit value (missing bytes read as 0).
    public mutating func uint16() -> Int { Int(byte()) << 8 | Int(byte()) }

    /// Up to `count` bytes (fewer at the end).
    public mutating func bytes(_ count: Int) -> [UInt8] {
        let end = min(bytes.count, offset + max(0, count))
        defer { offset = end }
        return Array(bytes[min(offset, end)..<end])
    }

    /// Exactly `count` bytes, zero-padded at the end of the input.
    public mutating func paddedBytes(_ count: Int) -> [UInt8] {
        let taken = bytes(count)
        return taken + [UInt8](repeating: 0, count: count - taken.count)
    }

    /// A piece behind a 16-bit big-endian length (short when the input ends first).
    public mutating func chunk() -> [UInt8] { bytes(uint16()) }

    /// Everything not read yet.
    public mutating func rest() -> [UInt8] { bytes(remainingCount) }
}
