// The streaming-hash shape shared by every Certo hash, modelled on swift-crypto's HashFunction:
// `SHA256.hash(data:)` one-shot, or `var h = SHA256(); h.update(data:); h.finalize()`.
// Deliberately Foundation-free: callers pass any Collection of bytes or a raw buffer.

public protocol HashDigest: Hashable, Sendable, Sequence, CustomStringConvertible where Element == UInt8 {
    /// Digest length in bytes.
    static var byteCount: Int { get }
    /// The digest as an array of bytes.
    var bytes: [UInt8] { get }
}

extension HashDigest {
    public func makeIterator() -> IndexingIterator<[UInt8]> { bytes.makeIterator() }

    /// Lowercase hex, as `sha256sum` prints it.
    public var description: String { hexString(bytes) }
}

public protocol HashFunction: Sendable {
    associatedtype Digest: HashDigest
    /// Bytes consumed per compression-function call.
    static var blockByteCount: Int { get }
    init()
    mutating func update(bufferPointer: UnsafeRawBufferPointer)
    /// Returns the digest of everything passed to `update` so far; the hasher itself is unchanged.
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

private let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

/// Lowercase hex of `bytes`.
public func hexString<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.underestimatedCount * 2)
    for byte in bytes {
        out.append(hexDigits[Int(byte >> 4)])
        out.append(hexDigits[Int(byte & 0x0f)])
    }
    return String(decoding: out, as: UTF8.self)
}
