// SHA-1 (FIPS 180-4 §6.1), kept under `Insecure` because its collision resistance is broken:
// it exists only to verify legacy certificates when a policy explicitly allows it. Same shape as
// SHA256Core: inline state and partial block, 80 unrolled rounds, no arrays or heap.

public enum Insecure {
    /// A SHA-1 digest: 20 bytes held inline (the last four bytes of the storage are zero).
    public struct SHA1Digest: HashDigest {
        public static let byteCount = 20
        let w0, w1, w2: UInt64

        init(_ s: SHA1) {
            w0 = packBigEndian(s.h0, s.h1)
            w1 = packBigEndian(s.h2, s.h3)
            w2 = packBigEndian(s.h4, 0)
        }

        public func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
            try Swift.withUnsafeBytes(of: (w0, w1, w2)) { try body(UnsafeRawBufferPointer(rebasing: $0[0..<20])) }
        }
    }

    public struct SHA1: HashFunction, BlockHashEngine {
        public typealias Digest = SHA1Digest
        public static let blockByteCount = 64
        var h0: UInt32 = 0x67452301, h1: UInt32 = 0xEFCDAB89, h2: UInt32 = 0x98BADCFE
        var h3: UInt32 = 0x10325476, h4: UInt32 = 0xC3D2E1F0
        /// Up to 63 bytes waiting for a full block, stored inline (64 bytes).
        var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        var buffered = 0
        var length: UInt64 = 0

        public init() {}

        static var lengthFieldByteCount: Int { 8 }

        public mutating func update(bufferPointer input: UnsafeRawBufferPointer) { absorb(input) }

        /// Pads a copy of the state (FIPS 180-4 §5.1.1); the hasher itself is unchanged.
        public func finalize() -> SHA1Digest { SHA1Digest(padded()) }

        /// Runs the compression function over `blocks` consecutive 64-byte blocks at `base`.
        mutating func compress(_ base: UnsafeRawPointer, blocks: Int) {
            var p = base
            let end = base + blocks * 64
            while p < end {
                var w0 = p.loadBigEndianUInt32(at: 0), w1 = p.loadBigEndianUInt32(at: 4)
                var w2 = p.loadBigEndianUInt32(at: 8), w3 = p.loadBigEndianUInt32(at: 12)
                var w4 = p.loadBigEndianUInt32(at: 16), w5 = p.loadBigEndianUInt32(at: 20)
                var w6 = p.loadBigEndianUInt32(at: 24), w7 = p.loadBigEndianUInt32(at: 28)
                var w8 = p.loadBigEndianUInt32(at: 32), w9 = p.loadBigEndianUInt32(at: 36)
                var w10 = p.loadBigEndianUInt32(at: 40), w11 = p.loadBigEndianUInt32(at: 44)
                var w12 = p.loadBigEndianUInt32(at: 48), w13 = p.loadBigEndianUInt32(at: 52)
                var w14 = p.loadBigEndianUInt32(at: 56), w15 = p.loadBigEndianUInt32(at: 60)
                var a = h0, b = h1, c = h2, d = h3, e = h4

                // Round t works on the rotated names; for t >= 16, w[t mod 16] becomes W_t first.
                chooseRound(a, &b, c, d, &e, 0x5a827999 &+ w0)
                chooseRound(e, &a, b, c, &d, 0x5a827999 &+ w1)
                chooseRound(d, &e, a, b, &c, 0x5a827999 &+ w2)
                chooseRound(c, &d, e, a, &b, 0x5a827999 &+ w3)
                chooseRound(b, &c, d, e, &a, 0x5a827999 &+ w4)
                chooseRound(a, &b, c, d, &e, 0x5a827999 &+ w5)
                chooseRound(e, &a, b, c, &d, 0x5a827999 &+ w6)
                chooseRound(d, &e, a, b, &c, 0x5a827999 &+ w7)
                chooseRound(c, &d, e, a, &b, 0x5a827999 &+ w8)
                chooseRound(b, &c, d, e, &a, 0x5a827999 &+ w9)
                chooseRound(a, &b, c, d, &e, 0x5a827999 &+ w10)
                chooseRound(e, &a, b, c, &d, 0x5a827999 &+ w11)
                chooseRound(d, &e, a, b, &c, 0x5a827999 &+ w12)
                chooseRound(c, &d, e, a, &b, 0x5a827999 &+ w13)
                chooseRound(b, &c, d, e, &a, 0x5a827999 &+ w14)
                chooseRound(a, &b, c, d, &e, 0x5a827999 &+ w15)
                w0 = (w0 ^ w13 ^ w8 ^ w2).rotatedLeft(1); chooseRound(e, &a, b, c, &d, 0x5a827999 &+ w0)
                w1 = (w1 ^ w14 ^ w9 ^ w3).rotatedLeft(1); chooseRound(d, &e, a, b, &c, 0x5a827999 &+ w1)
                w2 = (w2 ^ w15 ^ w10 ^ w4).rotatedLeft(1); chooseRound(c, &d, e, a, &b, 0x5a827999 &+ w2)
                w3 = (w3 ^ w0 ^ w11 ^ w5).rotatedLeft(1); chooseRound(b, &c, d, e, &a, 0x5a827999 &+ w3)
                w4 = (w4 ^ w1 ^ w12 ^ w6).rotatedLeft(1); parityRound(a, &b, c, d, &e, 0x6ed9eba1 &+ w4)
                w5 = (w5 ^ w2 ^ w13 ^ w7).rotatedLeft(1); parityRound(e, &a, b, c, &d, 0x6ed9eba1 &+ w5)
                w6 = (w6 ^ w3 ^ w14 ^ w8).rotatedLeft(1); parityRound(d, &e, a, b, &c, 0x6ed9eba1 &+ w6)
                w7 = (w7 ^ w4 ^ w15 ^ w9).rotatedLeft(1); parityRound(c, &d, e, a, &b, 0x6ed9eba1 &+ w7)
                w8 = (w8 ^ w5 ^ w0 ^ w10).rotatedLeft(1); parityRound(b, &c, d, e, &a, 0x6ed9eba1 &+ w8)
                w9 = (w9 ^ w6 ^ w1 ^ w11).rotatedLeft(1); parityRound(a, &b, c, d, &e, 0x6ed9eba1 &+ w9)
                w10 = (w10 ^ w7 ^ w2 ^ w12).rotatedLeft(1); parityRound(e, &a, b, c, &d, 0x6ed9eba1 &+ w10)
                w11 = (w11 ^ w8 ^ w3 ^ w13).rotatedLeft(1); parityRound(d, &e, a, b, &c, 0x6ed9eba1 &+ w11)
                w12 = (w12 ^ w9 ^ w4 ^ w14).rotatedLeft(1); parityRound(c, &d, e, a, &b, 0x6ed9eba1 &+ w12)
                w13 = (w13 ^ w10 ^ w5 ^ w15).rotatedLeft(1); parityRound(b, &c, d, e, &a, 0x6ed9eba1 &+ w13)
                w14 = (w14 ^ w11 ^ w6 ^ w0).rotatedLeft(1); parityRound(a, &b, c, d, &e, 0x6ed9eba1 &+ w14)
                w15 = (w15 ^ w12 ^ w7 ^ w1).rotatedLeft(1); parityRound(e, &a, b, c, &d, 0x6ed9eba1 &+ w15)
                w0 = (w0 ^ w13 ^ w8 ^ w2).rotatedLeft(1); parityRound(d, &e, a, b, &c, 0x6ed9eba1 &+ w0)
                w1 = (w1 ^ w14 ^ w9 ^ w3).rotatedLeft(1); parityRound(c, &d, e, a, &b, 0x6ed9eba1 &+ w1)
                w2 = (w2 ^ w15 ^ w10 ^ w4).rotatedLeft(1); parityRound(b, &c, d, e, &a, 0x6ed9eba1 &+ w2)
                w3 = (w3 ^ w0 ^ w11 ^ w5).rotatedLeft(1); parityRound(a, &b, c, d, &e, 0x6ed9eba1 &+ w3)
                w4 = (w4 ^ w1 ^ w12 ^ w6).rotatedLeft(1); parityRound(e, &a, b, c, &d, 0x6ed9eba1 &+ w4)
                w5 = (w5 ^ w2 ^ w13 ^ w7).rotatedLeft(1); parityRound(d, &e, a, b, &c, 0x6ed9eba1 &+ w5)
                w6 = (w6 ^ w3 ^ w14 ^ w8).rotatedLeft(1); parityRound(c, &d, e, a, &b, 0x6ed9eba1 &+ w6)
                w7 = (w7 ^ w4 ^ w15 ^ w9).rotatedLeft(1); parityRound(b, &c, d, e, &a, 0x6ed9eba1 &+ w7)
                w8 = (w8 ^ w5 ^ w0 ^ w10).rotatedLeft(1); majorityRound(a, &b, c, d, &e, 0x8f1bbcdc &+ w8)
                w9 = (w9 ^ w6 ^ w1 ^ w11).rotatedLeft(1); majorityRound(e, &a, b, c, &d, 0x8f1bbcdc &+ w9)
                w10 = (w10 ^ w7 ^ w2 ^ w12).rotatedLeft(1); majorityRound(d, &e, a, b, &c, 0x8f1bbcdc &+ w10)
                w11 = (w11 ^ w8 ^ w3 ^ w13).rotatedLeft(1); majorityRound(c, &d, e, a, &b, 0x8f1bbcdc &+ w11)
                w12 = (w12 ^ w9 ^ w4 ^ w14).rotatedLeft(1); majorityRound(b, &c, d, e, &a, 0x8f1bbcdc &+ w12)
                w13 = (w13 ^ w10 ^ w5 ^ w15).rotatedLeft(1); majorityRound(a, &b, c, d, &e, 0x8f1bbcdc &+ w13)
                w14 = (w14 ^ w11 ^ w6 ^ w0).rotatedLeft(1); majorityRound(e, &a, b, c, &d, 0x8f1bbcdc &+ w14)
                w15 = (w15 ^ w12 ^ w7 ^ w1).rotatedLeft(1); majorityRound(d, &e, a, b, &c, 0x8f1bbcdc &+ w15)
                w0 = (w0 ^ w13 ^ w8 ^ w2).rotatedLeft(1); majorityRound(c, &d, e, a, &b, 0x8f1bbcdc &+ w0)
                w1 = (w1 ^ w14 ^ w9 ^ w3).rotatedLeft(1); majorityRound(b, &c, d, e, &a, 0x8f1bbcdc &+ w1)
                w2 = (w2 ^ w15 ^ w10 ^ w4).rotatedLeft(1); majorityRound(a, &b, c, d, &e, 0x8f1bbcdc &+ w2)
                w3 = (w3 ^ w0 ^ w11 ^ w5).rotatedLeft(1); majorityRound(e, &a, b, c, &d, 0x8f1bbcdc &+ w3)
                w4 = (w4 ^ w1 ^ w12 ^ w6).rotatedLeft(1); majorityRound(d, &e, a, b, &c, 0x8f1bbcdc &+ w4)
                w5 = (w5 ^ w2 ^ w13 ^ w7).rotatedLeft(1); majorityRound(c, &d, e, a, &b, 0x8f1bbcdc &+ w5)
                w6 = (w6 ^ w3 ^ w14 ^ w8).rotatedLeft(1); majorityRound(b, &c, d, e, &a, 0x8f1bbcdc &+ w6)
                w7 = (w7 ^ w4 ^ w15 ^ w9).rotatedLeft(1); majorityRound(a, &b, c, d, &e, 0x8f1bbcdc &+ w7)
                w8 = (w8 ^ w5 ^ w0 ^ w10).rotatedLeft(1); majorityRound(e, &a, b, c, &d, 0x8f1bbcdc &+ w8)
                w9 = (w9 ^ w6 ^ w1 ^ w11).rotatedLeft(1); majorityRound(d, &e, a, b, &c, 0x8f1bbcdc &+ w9)
                w10 = (w10 ^ w7 ^ w2 ^ w12).rotatedLeft(1); majorityRound(c, &d, e, a, &b, 0x8f1bbcdc &+ w10)
                w11 = (w11 ^ w8 ^ w3 ^ w13).rotatedLeft(1); majorityRound(b, &c, d, e, &a, 0x8f1bbcdc &+ w11)
                w12 = (w12 ^ w9 ^ w4 ^ w14).rotatedLeft(1); parityRound(a, &b, c, d, &e, 0xca62c1d6 &+ w12)
                w13 = (w13 ^ w10 ^ w5 ^ w15).rotatedLeft(1); parityRound(e, &a, b, c, &d, 0xca62c1d6 &+ w13)
                w14 = (w14 ^ w11 ^ w6 ^ w0).rotatedLeft(1); parityRound(d, &e, a, b, &c, 0xca62c1d6 &+ w14)
                w15 = (w15 ^ w12 ^ w7 ^ w1).rotatedLeft(1); parityRound(c, &d, e, a, &b, 0xca62c1d6 &+ w15)
                w0 = (w0 ^ w13 ^ w8 ^ w2).rotatedLeft(1); parityRound(b, &c, d, e, &a, 0xca62c1d6 &+ w0)
                w1 = (w1 ^ w14 ^ w9 ^ w3).rotatedLeft(1); parityRound(a, &b, c, d, &e, 0xca62c1d6 &+ w1)
                w2 = (w2 ^ w15 ^ w10 ^ w4).rotatedLeft(1); parityRound(e, &a, b, c, &d, 0xca62c1d6 &+ w2)
                w3 = (w3 ^ w0 ^ w11 ^ w5).rotatedLeft(1); parityRound(d, &e, a, b, &c, 0xca62c1d6 &+ w3)
                w4 = (w4 ^ w1 ^ w12 ^ w6).rotatedLeft(1); parityRound(c, &d, e, a, &b, 0xca62c1d6 &+ w4)
                w5 = (w5 ^ w2 ^ w13 ^ w7).rotatedLeft(1); parityRound(b, &c, d, e, &a, 0xca62c1d6 &+ w5)
                w6 = (w6 ^ w3 ^ w14 ^ w8).rotatedLeft(1); parityRound(a, &b, c, d, &e, 0xca62c1d6 &+ w6)
                w7 = (w7 ^ w4 ^ w15 ^ w9).rotatedLeft(1); parityRound(e, &a, b, c, &d, 0xca62c1d6 &+ w7)
                w8 = (w8 ^ w5 ^ w0 ^ w10).rotatedLeft(1); parityRound(d, &e, a, b, &c, 0xca62c1d6 &+ w8)
                w9 = (w9 ^ w6 ^ w1 ^ w11).rotatedLeft(1); parityRound(c, &d, e, a, &b, 0xca62c1d6 &+ w9)
                w10 = (w10 ^ w7 ^ w2 ^ w12).rotatedLeft(1); parityRound(b, &c, d, e, &a, 0xca62c1d6 &+ w10)
                w11 = (w11 ^ w8 ^ w3 ^ w13).rotatedLeft(1); parityRound(a, &b, c, d, &e, 0xca62c1d6 &+ w11)
                w12 = (w12 ^ w9 ^ w4 ^ w14).rotatedLeft(1); parityRound(e, &a, b, c, &d, 0xca62c1d6 &+ w12)
                w13 = (w13 ^ w10 ^ w5 ^ w15).rotatedLeft(1); parityRound(d, &e, a, b, &c, 0xca62c1d6 &+ w13)
                w14 = (w14 ^ w11 ^ w6 ^ w0).rotatedLeft(1); parityRound(c, &d, e, a, &b, 0xca62c1d6 &+ w14)
                w15 = (w15 ^ w12 ^ w7 ^ w1).rotatedLeft(1); parityRound(b, &c, d, e, &a, 0xca62c1d6 &+ w15)

                h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e
                p += 64
            }
        }
    }
}

// One SHA-1 round (FIPS 180-4 §6.1.2 step 3) per function f_t, with the names rotated by the
// caller: `e` becomes T (the new a) and `b` becomes ROTL^30(b) (the new c).

@inline(__always)
private func chooseRound(_ a: UInt32, _ b: inout UInt32, _ c: UInt32, _ d: UInt32, _ e: inout UInt32, _ kw: UInt32) {
    e = e &+ a.rotatedLeft(5) &+ (d ^ (b & (c ^ d))) &+ kw
    b = b.rotatedLeft(30)
}

@inline(__always)
private func parityRound(_ a: UInt32, _ b: inout UInt32, _ c: UInt32, _ d: UInt32, _ e: inout UInt32, _ kw: UInt32) {
    e = e &+ a.rotatedLeft(5) &+ (b ^ c ^ d) &+ kw
    b = b.rotatedLeft(30)
}

@inline(__always)
private func majorityRound(_ a: UInt32, _ b: inout UInt32, _ c: UInt32, _ d: UInt32, _ e: inout UInt32, _ kw: UInt32) {
    e = e &+ a.rotatedLeft(5) &+ ((b & c) | (d & (b | c))) &+ kw
    b = b.rotatedLeft(30)
}
