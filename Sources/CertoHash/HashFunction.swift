// The streaming-hash shape shared by every Certo hash, modelled on swift-crypto's HashFunction:
// `SHA256.hash(data:)` one-shot, or `var h = SHA256(); h.update(data:); h.finalize()`.
// Deliberately Foundation-free: callers pass any sequence of bytes or a raw buffer.

/// A fixed-size digest value: compares, hashes and prints (lowercase hex) like its bytes.
public protocol HashDigest: Hashable, Sendable, Sequence, CustomStringConvertible where Element == UInt8 {
    /// Digest length in bytes.
    static var byteCount: Int { get }
    /// The digest as an array of bytes (allocates; prefer `withUnsafeBytes` in hot code).
    var bytes: [UInt8] { get }
    /// Calls `body` with the digest's bytes, without allocating.
    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R
}

extension HashDigest {
    public var bytes: [UInt8] { withUnsafeBytes { Array($0) } }

    public func makeIterator() -> IndexingIterator<[UInt8]> { bytes.makeIterator() }

    public var underestimatedCount: Int { Self.byteCount }

    /// Lowercase hex, as `sha256sum` prints it.
    public var description: String { withUnsafeBytes { hexString($0) } }
}

public protocol HashFunction: Sendable {
    associatedtype Digest: HashDigest
    /// Bytes consumed per compression-function call.
    static var blockByteCount: Int { get }
    init()
    mutating func update(bufferPointer: UnsafeRawBufferPointer)
    /// Returns the digest of everything passed to `update` so far; the hasher itself is unchanged,
    /// so a caller may finalize a prefix and keep going.
    func finalize() -> Digest
}

extension HashFunction {
    public static var byteCount: Int { Digest.byteCount }

    @inlinable
    public mutating func update<Bytes: Sequence>(data: Bytes) where Bytes.Element == UInt8 {
        let handled: Void? = data.withContiguousStorageIfAvailable { buffer in
            self.update(bufferPointer: UnsafeRawBufferPointer(buffer))
        }
        if handled == nil {
            let copy = Array(data)
            copy.withUnsafeBytes { self.update(bufferPointer: $0) }
        }
    }

    @inlinable
    public static func hash<Bytes: Sequence>(data: Bytes) -> Digest where Bytes.Element == UInt8 {
        var hasher = Self()
        hasher.update(data: data)
        return hasher.finalize()
    }

    public static func hash(bufferPointer: UnsafeRawBufferPointer) -> Digest {
        var hasher = Self()
        hasher.update(bufferPointer: bufferPointer)
        return hasher.finalize()
    }
}

/// Lowercase hex of `bytes`.
public func hexString<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    let digits: StaticString = "0123456789abcdef"
    var out: [UInt8] = []
    out.reserveCapacity(bytes.underestimatedCount * 2)
    digits.withUTF8Buffer { hex in
        for byte in bytes {
            out.append(hex[Int(byte &>> 4)])
            out.append(hex[Int(byte & 0x0f)])
        }
    }
    return String(decoding: out, as: UTF8.self)
}
