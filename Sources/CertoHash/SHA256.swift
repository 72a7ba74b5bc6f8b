// SHA-256 and SHA-224 (FIPS 180-4 §6.2, §6.3): the public hashers and their fixed-size digests.
// SHA-224 is SHA-256 with other initial values, truncated to 28 bytes. The engine is SHA256Core.

/// A SHA-256 digest: 32 bytes held inline.
public struct SHA256Digest: HashDigest {
    public static let byteCount = 32
    // The digest bytes in order, eight per word as laid out in memory.
    let w0, w1, w2, w3: UInt64

    init(_ s: SHA256Core) {
        w0 = packBigEndian(s.h0, s.h1)
        w1 = packBigEndian(s.h2, s.h3)
        w2 = packBigEndian(s.h4, s.h5)
        w3 = packBigEndian(s.h6, s.h7)
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: (w0, w1, w2, w3)) { try body($0) }
    }
}

/// A SHA-224 digest: 28 bytes held inline (the last four bytes of the storage are zero).
public struct SHA224Digest: HashDigest {
    public static let byteCount = 28
    let w0, w1, w2, w3: UInt64

    init(_ s: SHA256Core) {
        w0 = packBigEndian(s.h0, s.h1)
        w1 = packBigEndian(s.h2, s.h3)
        w2 = packBigEndian(s.h4, s.h5)
        w3 = packBigEndian(s.h6, 0)
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: (w0, w1, w2, w3)) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<28])) }
    }
}

public struct SHA256: HashFunction {
    public typealias Digest = SHA256Digest
    public static let blockByteCount = 64
    var core = SHA256Core(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)

    public init() {}

    public mutating func update(bufferPointer: UnsafeRawBufferPointer) { core.absorb(bufferPointer) }

    public func finalize() -> SHA256Digest { SHA256Digest(core.padded()) }
}

public struct SHA224: HashFunction {
    public typealias Digest = SHA224Digest
    public static let blockByteCount = 64
    var core = SHA256Core(0xc1059ed8, 0x367cd507, 0x3070dd17, 0xf70e5939, 0xffc00b31, 0x68581511, 0x64f98fa7, 0xbefa4fa4)

    public init() {}

    public mutating func update(bufferPointer: UnsafeRawBufferPointer) { core.absorb(bufferPointer) }

    public func finalize() -> SHA224Digest { SHA224Digest(core.padded()) }
}

/// Two 32-bit words as one 64-bit word whose in-memory bytes are `high` then `low`, big-endian.
@inline(__always)
func packBigEndian(_ high: UInt32, _ low: UInt32) -> UInt64 {
    ((UInt64(high) &<< 32) | UInt64(low)).bigEndian
}
