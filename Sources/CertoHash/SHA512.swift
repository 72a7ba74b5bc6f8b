// SHA-512 and SHA-384 (FIPS 180-4 §6.4, §6.5): the public hashers and their fixed-size digests.
// SHA-384 is SHA-512 with other initial values, truncated to 48 bytes. The engine is SHA512Core.

/// A SHA-512 digest: 64 bytes held inline.
public struct SHA512Digest: HashDigest {
    public static let byteCount = 64
    // The digest bytes in order, eight per word as laid out in memory.
    let w0, w1, w2, w3, w4, w5, w6, w7: UInt64

    init(_ s: SHA512Core) {
        (w0, w1, w2, w3) = (s.h0.bigEndian, s.h1.bigEndian, s.h2.bigEndian, s.h3.bigEndian)
        (w4, w5, w6, w7) = (s.h4.bigEndian, s.h5.bigEndian, s.h6.bigEndian, s.h7.bigEndian)
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: (w0, w1, w2, w3, w4, w5, w6, w7)) { try body($0) }
    }
}

/// A SHA-384 digest: 48 bytes held inline.
public struct SHA384Digest: HashDigest {
    public static let byteCount = 48
    let w0, w1, w2, w3, w4, w5: UInt64

    init(_ s: SHA512Core) {
        (w0, w1, w2) = (s.h0.bigEndian, s.h1.bigEndian, s.h2.bigEndian)
        (w3, w4, w5) = (s.h3.bigEndian, s.h4.bigEndian, s.h5.bigEndian)
    }

    public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try Swift.withUnsafeBytes(of: (w0, w1, w2, w3, w4, w5)) { try body($0) }
    }
}

public struct SHA512: HashFunction {
    public typealias Digest = SHA512Digest
    public static let blockByteCount = 128
    var core = SHA512Core(0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                          0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179)

    public init() {}

    public mutating func update(bufferPointer: UnsafeRawBufferPointer) { core.absorb(bufferPointer) }

    public func finalize() -> SHA512Digest { SHA512Digest(core.padded()) }
}

public struct SHA384: HashFunction {
    public typealias Digest = SHA384Digest
    public static let blockByteCount = 128
    var core = SHA512Core(0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
                          0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4)

    public init() {}

    public mutating func update(bufferPointer: UnsafeRawBufferPointer) { core.absorb(bufferPointer) }

    public func finalize() -> SHA384Digest { SHA384Digest(core.padded()) }
}
