// The SHA-256 engine shared by SHA-256 and SHA-224 (FIPS 180-4 §6.2): state, a partial block held
// inline, and the compression function unrolled over its 64 rounds with the constants written in.
// No arrays or heap in the engine; the message schedule lives in 16 locals (a rolling window).

/// Eight 32-bit chaining words plus the buffered tail of the message.
@usableFromInline
struct SHA256Core: BlockHashEngine, Sendable {
    static var blockByteCount: Int { 64 }
    static var lengthFieldByteCount: Int { 8 }
    var h0, h1, h2, h3, h4, h5, h6, h7: UInt32
    /// Up to 63 bytes waiting for a full block, stored inline (64 bytes).
    var buffer: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    var buffered = 0
    /// Message length in bytes so far (FIPS 180-4 limits SHA-256 messages to 2^64 - 1 bits).
    var length: UInt64 = 0

    init(_ h0: UInt32, _ h1: UInt32, _ h2: UInt32, _ h3: UInt32,
         _ h4: UInt32, _ h5: UInt32, _ h6: UInt32, _ h7: UInt32) {
        (self.h0, self.h1, self.h2, self.h3, self.h4, self.h5, self.h6, self.h7) = (h0, h1, h2, h3, h4, h5, h6, h7)
    }

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
            var a = h0, b = h1, c = h2, d = h3, e = h4, f = h5, g = h6, h = h7
            var bc = b ^ c

            // Round t works on the rotated names; for t >= 16, w[t mod 16] becomes W_t first.
            round(a, b, c, &d, e, f, g, &h, 0x428a2f98 &+ w0, &bc)
            round(h, a, b, &c, d, e, f, &g, 0x71374491 &+ w1, &bc)
            round(g, h, a, &b, c, d, e, &f, 0xb5c0fbcf &+ w2, &bc)
            round(f, g, h, &a, b, c, d, &e, 0xe9b5dba5 &+ w3, &bc)
            round(e, f, g, &h, a, b, c, &d, 0x3956c25b &+ w4, &bc)
            round(d, e, f, &g, h, a, b, &c, 0x59f111f1 &+ w5, &bc)
            round(c, d, e, &f, g, h, a, &b, 0x923f82a4 &+ w6, &bc)
            round(b, c, d, &e, f, g, h, &a, 0xab1c5ed5 &+ w7, &bc)
            round(a, b, c, &d, e, f, g, &h, 0xd807aa98 &+ w8, &bc)
            round(h, a, b, &c, d, e, f, &g, 0x12835b01 &+ w9, &bc)
            round(g, h, a, &b, c, d, e, &f, 0x243185be &+ w10, &bc)
            round(f, g, h, &a, b, c, d, &e, 0x550c7dc3 &+ w11, &bc)
            round(e, f, g, &h, a, b, c, &d, 0x72be5d74 &+ w12, &bc)
            round(d, e, f, &g, h, a, b, &c, 0x80deb1fe &+ w13, &bc)
            round(c, d, e, &f, g, h, a, &b, 0x9bdc06a7 &+ w14, &bc)
            round(b, c, d, &e, f, g, h, &a, 0xc19bf174 &+ w15, &bc)
            w0 = schedule(w0, w14, w9, w1); round(a, b, c, &d, e, f, g, &h, 0xe49b69c1 &+ w0, &bc)
            w1 = schedule(w1, w15, w10, w2); round(h, a, b, &c, d, e, f, &g, 0xefbe4786 &+ w1, &bc)
            w2 = schedule(w2, w0, w11, w3); round(g, h, a, &b, c, d, e, &f, 0x0fc19dc6 &+ w2, &bc)
            w3 = schedule(w3, w1, w12, w4); round(f, g, h, &a, b, c, d, &e, 0x240ca1cc &+ w3, &bc)
            w4 = schedule(w4, w2, w13, w5); round(e, f, g, &h, a, b, c, &d, 0x2de92c6f &+ w4, &bc)
            w5 = schedule(w5, w3, w14, w6); round(d, e, f, &g, h, a, b, &c, 0x4a7484aa &+ w5, &bc)
            w6 = schedule(w6, w4, w15, w7); round(c, d, e, &f, g, h, a, &b, 0x5cb0a9dc &+ w6, &bc)
            w7 = schedule(w7, w5, w0, w8); round(b, c, d, &e, f, g, h, &a, 0x76f988da &+ w7, &bc)
            w8 = schedule(w8, w6, w1, w9); round(a, b, c, &d, e, f, g, &h, 0x983e5152 &+ w8, &bc)
            w9 = schedule(w9, w7, w2, w10); round(h, a, b, &c, d, e, f, &g, 0xa831c66d &+ w9, &bc)
            w10 = schedule(w10, w8, w3, w11); round(g, h, a, &b, c, d, e, &f, 0xb00327c8 &+ w10, &bc)
            w11 = schedule(w11, w9, w4, w12); round(f, g, h, &a, b, c, d, &e, 0xbf597fc7 &+ w11, &bc)
            w12 = schedule(w12, w10, w5, w13); round(e, f, g, &h, a, b, c, &d, 0xc6e00bf3 &+ w12, &bc)
            w13 = schedule(w13, w11, w6, w14); round(d, e, f, &g, h, a, b, &c, 0xd5a79147 &+ w13, &bc)
            w14 = schedule(w14, w12, w7, w15); round(c, d, e, &f, g, h, a, &b, 0x06ca6351 &+ w14, &bc)
            w15 = schedule(w15, w13, w8, w0); round(b, c, d, &e, f, g, h, &a, 0x14292967 &+ w15, &bc)
            w0 = schedule(w0, w14, w9, w1); round(a, b, c, &d, e, f, g, &h, 0x27b70a85 &+ w0, &bc)
            w1 = schedule(w1, w15, w10, w2); round(h, a, b, &c, d, e, f, &g, 0x2e1b2138 &+ w1, &bc)
            w2 = schedule(w2, w0, w11, w3); round(g, h, a, &b, c, d, e, &f, 0x4d2c6dfc &+ w2, &bc)
            w3 = schedule(w3, w1, w12, w4); round(f, g, h, &a, b, c, d, &e, 0x53380d13 &+ w3, &bc)
            w4 = schedule(w4, w2, w13, w5); round(e, f, g, &h, a, b, c, &d, 0x650a7354 &+ w4, &bc)
            w5 = schedule(w5, w3, w14, w6); round(d, e, f, &g, h, a, b, &c, 0x766a0abb &+ w5, &bc)
            w6 = schedule(w6, w4, w15, w7); round(c, d, e, &f, g, h, a, &b, 0x81c2c92e &+ w6, &bc)
            w7 = schedule(w7, w5, w0, w8); round(b, c, d, &e, f, g, h, &a, 0x92722c85 &+ w7, &bc)
            w8 = schedule(w8, w6, w1, w9); round(a, b, c, &d, e, f, g, &h, 0xa2bfe8a1 &+ w8, &bc)
            w9 = schedule(w9, w7, w2, w10); round(h, a, b, &c, d, e, f, &g, 0xa81a664b &+ w9, &bc)
            w10 = schedule(w10, w8, w3, w11); round(g, h, a, &b, c, d, e, &f, 0xc24b8b70 &+ w10, &bc)
            w11 = schedule(w11, w9, w4, w12); round(f, g, h, &a, b, c, d, &e, 0xc76c51a3 &+ w11, &bc)
            w12 = schedule(w12, w10, w5, w13); round(e, f, g, &h, a, b, c, &d, 0xd192e819 &+ w12, &bc)
            w13 = schedule(w13, w11, w6, w14); round(d, e, f, &g, h, a, b, &c, 0xd6990624 &+ w13, &bc)
            w14 = schedule(w14, w12, w7, w15); round(c, d, e, &f, g, h, a, &b, 0xf40e3585 &+ w14, &bc)
            w15 = schedule(w15, w13, w8, w0); round(b, c, d, &e, f, g, h, &a, 0x106aa070 &+ w15, &bc)
            w0 = schedule(w0, w14, w9, w1); round(a, b, c, &d, e, f, g, &h, 0x19a4c116 &+ w0, &bc)
            w1 = schedule(w1, w15, w10, w2); round(h, a, b, &c, d, e, f, &g, 0x1e376c08 &+ w1, &bc)
            w2 = schedule(w2, w0, w11, w3); round(g, h, a, &b, c, d, e, &f, 0x2748774c &+ w2, &bc)
            w3 = schedule(w3, w1, w12, w4); round(f, g, h, &a, b, c, d, &e, 0x34b0bcb5 &+ w3, &bc)
            w4 = schedule(w4, w2, w13, w5); round(e, f, g, &h, a, b, c, &d, 0x391c0cb3 &+ w4, &bc)
            w5 = schedule(w5, w3, w14, w6); round(d, e, f, &g, h, a, b, &c, 0x4ed8aa4a &+ w5, &bc)
            w6 = schedule(w6, w4, w15, w7); round(c, d, e, &f, g, h, a, &b, 0x5b9cca4f &+ w6, &bc)
            w7 = schedule(w7, w5, w0, w8); round(b, c, d, &e, f, g, h, &a, 0x682e6ff3 &+ w7, &bc)
            w8 = schedule(w8, w6, w1, w9); round(a, b, c, &d, e, f, g, &h, 0x748f82ee &+ w8, &bc)
            w9 = schedule(w9, w7, w2, w10); round(h, a, b, &c, d, e, f, &g, 0x78a5636f &+ w9, &bc)
            w10 = schedule(w10, w8, w3, w11); round(g, h, a, &b, c, d, e, &f, 0x84c87814 &+ w10, &bc)
            w11 = schedule(w11, w9, w4, w12); round(f, g, h, &a, b, c, d, &e, 0x8cc70208 &+ w11, &bc)
            w12 = schedule(w12, w10, w5, w13); round(e, f, g, &h, a, b, c, &d, 0x90befffa &+ w12, &bc)
            w13 = schedule(w13, w11, w6, w14); round(d, e, f, &g, h, a, b, &c, 0xa4506ceb &+ w13, &bc)
            w14 = schedule(w14, w12, w7, w15); round(c, d, e, &f, g, h, a, &b, 0xbef9a3f7 &+ w14, &bc)
            w15 = schedule(w15, w13, w8, w0); round(b, c, d, &e, f, g, h, &a, 0xc67178f2 &+ w15, &bc)

            h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e; h5 &+= f; h6 &+= g; h7 &+= h
            p += 64
        }
    }
}

/// One SHA-256 round (FIPS 180-4 §6.2.2 step 3) with the names rotated by the caller instead of
/// shifting eight variables: `d` becomes d + T1 and `h` becomes T1 + T2. The Σ functions use the
/// nested-rotation form (one register copy instead of three), and Maj(a, b, c) = b ^ ((a ^ b) & (b ^ c))
/// reuses `bc` = b ^ c, which is the previous round's a ^ b; `bc` leaves holding this round's a ^ b.
@inline(__always)
private func round(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: inout UInt32,
                   _ e: UInt32, _ f: UInt32, _ g: UInt32, _ h: inout UInt32, _ kw: UInt32,
                   _ bc: inout UInt32) {
    let sigma1 = (e ^ (e ^ e.rotatedRight(14)).rotatedRight(5)).rotatedRight(6)
    let choose = g ^ (e & (f ^ g))
    let t1 = (h &+ kw) &+ choose &+ sigma1
    let sigma0 = (a ^ (a ^ a.rotatedRight(9)).rotatedRight(11)).rotatedRight(2)
    let ab = a ^ b
    let majority = b ^ (ab & bc)
    bc = ab
    d &+= t1
    h = t1 &+ sigma0 &+ majority
}

/// The message schedule (FIPS 180-4 §6.2.2 step 1): W_t from W_t-16, W_t-2, W_t-7 and W_t-15.
@inline(__always)
private func schedule(_ w16: UInt32, _ w2: UInt32, _ w7: UInt32, _ w15: UInt32) -> UInt32 {
    let s1 = (w2 ^ w2.rotatedRight(2)).rotatedRight(17) ^ (w2 &>> 10)
    let s0 = (w15 ^ w15.rotatedRight(11)).rotatedRight(7) ^ (w15 &>> 3)
    return w16 &+ s1 &+ w7 &+ s0
}

extension UInt32 {
    @inline(__always)
    func rotatedRight(_ n: UInt32) -> UInt32 { (self &>> n) | (self &<< (32 &- n)) }

    @inline(__always)
    func rotatedLeft(_ n: UInt32) -> UInt32 { (self &<< n) | (self &>> (32 &- n)) }
}

extension UnsafeRawPointer {
    @inline(__always)
    func loadBigEndianUInt32(at offset: Int) -> UInt32 {
        UInt32(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    func loadBigEndianUInt64(at offset: Int) -> UInt64 {
        UInt64(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }
}
