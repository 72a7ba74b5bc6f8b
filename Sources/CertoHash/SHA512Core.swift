// The SHA-512 engine shared by SHA-512 and SHA-384 (FIPS 180-4 §6.4): state, a partial block held
// inline, and the compression function unrolled over its 80 rounds with the constants written in.
// No arrays or heap in the engine; the message schedule lives in 16 locals (a rolling window).

/// Eight 64-bit chaining words plus the buffered tail of the message.
@usableFromInline
struct SHA512Core: BlockHashEngine, Sendable {
    static var blockByteCount: Int { 128 }
    static var lengthFieldByteCount: Int { 16 }
    var h0, h1, h2, h3, h4, h5, h6, h7: UInt64
    /// Up to 127 bytes waiting for a full block, stored inline (128 bytes).
    var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
                 UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) =
        (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var buffered = 0
    /// Message length in bytes so far; the 128-bit bit length is derived from it when padding.
    var length: UInt64 = 0

    init(_ h0: UInt64, _ h1: UInt64, _ h2: UInt64, _ h3: UInt64,
         _ h4: UInt64, _ h5: UInt64, _ h6: UInt64, _ h7: UInt64) {
        (self.h0, self.h1, self.h2, self.h3, self.h4, self.h5, self.h6, self.h7) = (h0, h1, h2, h3, h4, h5, h6, h7)
    }

    /// Runs the compression function over `blocks` consecutive 128-byte blocks at `base`.
    mutating func compress(_ base: UnsafeRawPointer, blocks: Int) {
        var p = base
        let end = base + blocks * 128
        while p < end {
            var w0 = p.loadBigEndianUInt64(at: 0), w1 = p.loadBigEndianUInt64(at: 8)
            var w2 = p.loadBigEndianUInt64(at: 16), w3 = p.loadBigEndianUInt64(at: 24)
            var w4 = p.loadBigEndianUInt64(at: 32), w5 = p.loadBigEndianUInt64(at: 40)
            var w6 = p.loadBigEndianUInt64(at: 48), w7 = p.loadBigEndianUInt64(at: 56)
            var w8 = p.loadBigEndianUInt64(at: 64), w9 = p.loadBigEndianUInt64(at: 72)
            var w10 = p.loadBigEndianUInt64(at: 80), w11 = p.loadBigEndianUInt64(at: 88)
            var w12 = p.loadBigEndianUInt64(at: 96), w13 = p.loadBigEndianUInt64(at: 104)
            var w14 = p.loadBigEndianUInt64(at: 112), w15 = p.loadBigEndianUInt64(at: 120)
            var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
            var bc = b ^ c

            // Round t works on the rotated names; for t >= 16, w[t mod 16] becomes W_t first.
            round(a, b, c, &d, e, f, g, &h, 0x428a2f98d728ae22 &+ w0, &bc)
            round(h, a, b, &c, d, e, f, &g, 0x7137449123ef65cd &+ w1, &bc)
            round(g, h, a, &b, c, d, e, &f, 0xb5c0fbcfec4d3b2f &+ w2, &bc)
            round(f, g, h, &a, b, c, d, &e, 0xe9b5dba58189dbbc &+ w3, &bc)
            round(e, f, g, &h, a, b, c, &d, 0x3956c25bf348b538 &+ w4, &bc)
            round(d, e, f, &g, h, a, b, &c, 0x59f111f1b605d019 &+ w5, &bc)
            round(c, d, e, &f, g, h, a, &b, 0x923f82a4af194f9b &+ w6, &bc)
            round(b, c, d, &e, f, g, h, &a, 0xab1c5ed5da6d8118 &+ w7, &bc)
            round(a, b, c, &d, e, f, g, &h, 0xd807aa98a3030242 &+ w8, &bc)
            round(h, a, b, &c, d, e, f, &g, 0x12835b0145706fbe &+ w9, &bc)
            round(g, h, a, &b, c, d, e, &f, 0x243185be4ee4b28c &+ w10, &bc)
            round(f, g, h, &a, b, c, d, &e, 0x550c7dc3d5ffb4e2 &+ w11, &bc)
            round(e, f, g, &h, a, b, c, &d, 0x72be5d74f27b896f &+ w12, &bc)
            round(d, e, f, &g, h, a, b, &c, 0x80deb1fe3b1696b1 &+ w13, &bc)
            round(c, d, e, &f, g, h, a, &b, 0x9bdc06a725c71235 &+ w14, &bc)
            round(b, c, d, &e, f, g, h, &a, 0xc19bf174cf692694 &+ w15, &bc)
            w0 = schedule(w0, w14, w9, w1); round(a, b, c, &d, e, f, g, &h, 0xe49b69c19ef14ad2 &+ w0, &bc)
            w1 = schedule(w1, w15, w10, w2); round(h, a, b, &c, d, e, f, &g, 0xefbe4786384f25e3 &+ w1, &bc)
            w2 = schedule(w2, w0, w11, w3); round(g, h, a, &b, c, d, e, &f, 0x0fc19dc68b8cd5b5 &+ w2, &bc)
            w3 = schedule(w3, w1, w12, w4); round(f, g, h, &a, b, c, d, &e, 0x240ca1cc77ac9c65 &+ w3, &bc)
            w4 = schedule(w4, w2, w13, w5); round(e, f, g, &h, a, b, c, &d, 0x2de92c6f592b0275 &+ w4, &bc)
            w5 = schedule(w5, w3, w14, w6); round(d, e, f, &g, h, a, b, &c, 0x4a7484aa6ea6e483 &+ w5, &bc)
            w6 = schedule(w6, w4, w15, w7); round(c, d, e, &f, g, h, a, &b, 0x5cb0a9dcbd41fbd4 &+ w6, &bc)
            w7 = schedule(w7, w5, w0, w8); round(b, c, d, &e, f, g, h, &a, 0x76f988da831153b5 &+ w7, &bc)
            w8 = schedule(w8, w6, w1, w9); round(a, b, c, &d, e, f, g, &h, 0x983e5152ee66dfab &+ w8, &bc)
            w9 = schedule(w9, w7, w2, w10); round(h, a, b, &c, d, e, f, &g, 0xa831c66d2db43210 &+ w9, &bc)
            w10 = schedule(w10, w8, w3, w11); round(g, h, a, &b, c, d, e, &f, 0xb00327c898fb213f &+ w10, &bc)
            w11 = schedule(w11, w9, w4, w12); round(f, g, h, &a, b, c, d, &e, 0xbf597fc7beef0ee4 &+ w11, &bc)
            w12 = schedule(w12, w10, w5, w13); round(e, f, g, &h, a, b, c, &d, 0xc6e00bf33da88fc2 &+ w12, &bc)
            w13 = schedule(w13, w11, w6, w14); round(d, e, f, &g, h, a, b, &c, 0xd5a79147930aa725 &+ w13, &bc)
            w14 = schedule(w14, w12, w7, w15); round(c, d, e, &f, g, h, a, &b, 0x06ca6351e003826f &+ w14, &bc)
            w15 = schedule(w15, w13, w8, w0); round(b, c, d, &e, f, g, h, &a, 0x142929670a0e6e70 &+ w15, &bc)
            w0 = schedule(w0, w14, w9, w1); round(a, b, c, &d, e, f, g, &h, 0x27b70a8546d22ffc &+ w0, &bc)
            w1 = schedule(w1, w15, w10, w2); round(h, a, b, &c, d, e, f, &g, 0x2e1b21385c26c926 &+ w1, &bc)
            w2 = schedule(w2, w0, w11, w3); round(g, h, a, &b, c, d, e, &f, 0x4d2c6dfc5ac42aed &+ w2, &bc)
            w3 = schedule(w3, w1, w12, w4); round(f, g, h, &a, b, c, d, &e, 0x53380d139d95b3df &+ w3, &bc)
            w4 = schedule(w4, w2, w13, w5); round(e, f, g, &h, a, b, c, &d, 0x650a73548baf63de &+ w4, &bc)
            w5 = schedule(w5, w3, w14, w6); round(d, e, f, &g, h, a, b, &c, 0x766a0abb3c77b2a8 &+ w5, &bc)
            w6 = schedule(w6, w4, w15, w7); round(c, d, e, &f, g, h, a, &b, 0x81c2c92e47edaee6 &+ w6, &bc)
            w7 = schedule(w7, w5, w0, w8); round(b, c, d, &e, f, g, h, &a, 0x92722c851482353b &+ w7, &bc)
            w8 = schedule(w8, w6, w1, w9); round(a, b, c, &d, e, f, g, &h, 0xa2bfe8a14cf10364 &+ w8, &bc)
            w9 = schedule(w9, w7, w2, w10); round(h, a, b, &c, d, e, f, &g, 0xa81a664bbc423001 &+ w9, &bc)
            w10 = schedule(w10, w8, w3, w11); round(g, h, a, &b, c, d, e, &f, 0xc24b8b70d0f89791 &+ w10, &bc)
            w11 = schedule(w11, w9, w4, w12); round(f, g, h, &a, b, c, d, &e, 0xc76c51a30654be30 &+ w11, &bc)
            w12 = schedule(w12, w10, w5, w13); round(e, f, g, &h, a, b, c, &d, 0xd192e819d6ef5218 &+ w12, &bc)
            w13 = schedule(w13, w11, w6, w14); round(d, e, f, &g, h, a, b, &c, 0xd69906245565a910 &+ w13, &bc)
            w14 = schedule(w14, w12, w7, w15); round(c, d, e, &f, g, h, a, &b, 0xf40e35855771202a &+ w14, &bc)
            w15 = schedule(w15, w13, w8, w0); round(b, c, d, &e, f, g, h, &a, 0x106aa07032bbd1b8 &+ w15, &bc)
            w0 = schedule(w0, w14, w9, w1); round(a, b, c, &d, e, f, g, &h, 0x19a4c116b8d2d0c8 &+ w0, &bc)
            w1 = schedule(w1, w15, w10, w2); round(h, a, b, &c, d, e, f, &g, 0x1e376c085141ab53 &+ w1, &bc)
            w2 = schedule(w2, w0, w11, w3); round(g, h, a, &b, c, d, e, &f, 0x2748774cdf8eeb99 &+ w2, &bc)
            w3 = schedule(w3, w1, w12, w4); round(f, g, h, &a, b, c, d, &e, 0x34b0bcb5e19b48a8 &+ w3, &bc)
            w4 = schedule(w4, w2, w13, w5); round(e, f, g, &h, a, b, c, &d, 0x391c0cb3c5c95a63 &+ w4, &bc)
            w5 = schedule(w5, w3, w14, w6); round(d, e, f, &g, h, a, b, &c, 0x4ed8aa4ae3418acb &+ w5, &bc)
            w6 = schedule(w6, w4, w15, w7); round(c, d, e, &f, g, h, a, &b, 0x5b9cca4f7763e373 &+ w6, &bc)
            w7 = schedule(w7, w5, w0, w8); round(b, c, d, &e, f, g, h, &a, 0x682e6ff3d6b2b8a3 &+ w7, &bc)
            w8 = schedule(w8, w6, w1, w9); round(a, b, c, &d, e, f, g, &h, 0x748f82ee5defb2fc &+ w8, &bc)
            w9 = schedule(w9, w7, w2, w10); round(h, a, b, &c, d, e, f, &g, 0x78a5636f43172f60 &+ w9, &bc)
            w10 = schedule(w10, w8, w3, w11); round(g, h, a, &b, c, d, e, &f, 0x84c87814a1f0ab72 &+ w10, &bc)
            w11 = schedule(w11, w9, w4, w12); round(f, g, h, &a, b, c, d, &e, 0x8cc702081a6439ec &+ w11, &bc)
            w12 = schedule(w12, w10, w5, w13); round(e, f, g, &h, a, b, c, &d, 0x90befffa23631e28 &+ w12, &bc)
            w13 = schedule(w13, w11, w6, w14); round(d, e, f, &g, h, a, b, &c, 0xa4506cebde82bde9 &+ w13, &bc)
            w14 = schedule(w14, w12, w7, w15); round(c, d, e, &f, g, h, a, &b, 0xbef9a3f7b2c67915 &+ w14, &bc)
            w15 = schedule(w15, w13, w8, w0); round(b, c, d, &e, f, g, h, &a, 0xc67178f2e372532b &+ w15, &bc)
            w0 = schedule(w0, w14, w9, w1); round(a, b, c, &d, e, f, g, &h, 0xca273eceea26619c &+ w0, &bc)
            w1 = schedule(w1, w15, w10, w2); round(h, a, b, &c, d, e, f, &g, 0xd186b8c721c0c207 &+ w1, &bc)
            w2 = schedule(w2, w0, w11, w3); round(g, h, a, &b, c, d, e, &f, 0xeada7dd6cde0eb1e &+ w2, &bc)
            w3 = schedule(w3, w1, w12, w4); round(f, g, h, &a, b, c, d, &e, 0xf57d4f7fee6ed178 &+ w3, &bc)
            w4 = schedule(w4, w2, w13, w5); round(e, f, g, &h, a, b, c, &d, 0x06f067aa72176fba &+ w4, &bc)
            w5 = schedule(w5, w3, w14, w6); round(d, e, f, &g, h, a, b, &c, 0x0a637dc5a2c898a6 &+ w5, &bc)
            w6 = schedule(w6, w4, w15, w7); round(c, d, e, &f, g, h, a, &b, 0x113f9804bef90dae &+ w6, &bc)
            w7 = schedule(w7, w5, w0, w8); round(b, c, d, &e, f, g, h, &a, 0x1b710b35131c471b &+ w7, &bc)
            w8 = schedule(w8, w6, w1, w9); round(a, b, c, &d, e, f, g, &h, 0x28db77f523047d84 &+ w8, &bc)
            w9 = schedule(w9, w7, w2, w10); round(h, a, b, &c, d, e, f, &g, 0x32caab7b40c72493 &+ w9, &bc)
            w10 = schedule(w10, w8, w3, w11); round(g, h, a, &b, c, d, e, &f, 0x3c9ebe0a15c9bebc &+ w10, &bc)
            w11 = schedule(w11, w9, w4, w12); round(f, g, h, &a, b, c, d, &e, 0x431d67c49c100d4c &+ w11, &bc)
            w12 = schedule(w12, w10, w5, w13); round(e, f, g, &h, a, b, c, &d, 0x4cc5d4becb3e42b6 &+ w12, &bc)
            w13 = schedule(w13, w11, w6, w14); round(d, e, f, &g, h, a, b, &c, 0x597f299cfc657e2a &+ w13, &bc)
            w14 = schedule(w14, w12, w7, w15); round(c, d, e, &f, g, h, a, &b, 0x5fcb6fab3ad6faec &+ w14, &bc)
            w15 = schedule(w15, w13, w8, w0); round(b, c, d, &e, f, g, h, &a, 0x6c44198c4a475817 &+ w15, &bc)

            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
            p += 128
        }
    }
}

/// One SHA-512 round (FIPS 180-4 §6.4.2 step 3) with the names rotated by the caller instead of
/// shifting eight variables: `d` becomes d + T1 and `h` becomes T1 + T2. The Σ functions use the
/// nested-rotation form (one register copy instead of three), and Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c))
/// reuses `bc` = b ^ c, which is the previous round's a ^ b; `bc` leaves holding this round's a ^ b.
@inline(__always)
private func round(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: inout UInt64,
                   _ e: UInt64, _ f: UInt64, _ g: UInt64, _ h: inout UInt64, _ kw: UInt64,
                   _ bc: inout UInt64) {
    let sigma1 = (e ^ (e ^ e.rotatedRight(23)).rotatedRight(4)).rotatedRight(14)
    let choose = g ^ (e & (f ^ g))
    let t1 = (h &+ kw) &+ choose &+ sigma1
    let sigma0 = (a ^ (a ^ a.rotatedRight(5)).rotatedRight(6)).rotatedRight(28)
    let ab = a ^ b
    let majority = b ^ (ab & bc)
    bc = ab
    d &+= t1
    h = t1 &+ sigma0 &+ majority
}

/// The message schedule (FIPS 180-4 §6.4.2 step 1): W_t from W_t-16, W_t-2, W_t-7 and W_t-15.
@inline(__always)
private func schedule(_ w16: UInt64, _ w2: UInt64, _ w7: UInt64, _ w15: UInt64) -> UInt64 {
    let s1 = (w2 ^ w2.rotatedRight(42)).rotatedRight(19) ^ (w2 &>> 6)
    let s0 = (w15 ^ w15.rotatedRight(7)).rotatedRight(1) ^ (w15 &>> 7)
    return w16 &+ s1 &+ w7 &+ s0
}

extension UInt64 {
    @inline(__always)
    func rotatedRight(_ n: UInt64) -> UInt64 { (self &>> n) | (self &<< (64 &- n)) }
}
