// ChaCha20-Poly1305 AEAD (RFC 8439) for TLS_CHACHA20_POLY1305_SHA256 handshake records: the
// ChaCha20 block function and Poly1305 with five 26-bit limbs (64-bit products, no tables, constant
// time). The tag is checked before any plaintext is released. Not a streaming API: TLS records are
// at most 16 KiB.

public struct ChaCha20Poly1305: Sendable {
    let key: [UInt32]

    /// nil unless the key is 32 bytes.
    public init?(key: [UInt8]) {
        guard key.count == 32 else { return nil }
        self.key = (0..<8).map { ChaCha20Poly1305.loadLE32(key, 4 * $0) }
    }

    public func open(nonce: [UInt8], ciphertext: [UInt8], aad: [UInt8], tag: [UInt8]) -> [UInt8]? {
        guard nonce.count == 12, tag.count == 16 else { return nil }
        let expected = computeTag(nonce: nonce, ciphertext: ciphertext, aad: aad)
        var difference: UInt8 = 0
        for i in 0..<16 { difference |= expected[i] ^ tag[i] }
        guard difference == 0 else { return nil }
        return xorKeystream(nonce: nonce, counter: 1, ciphertext)
    }

    public func seal(nonce: [UInt8], plaintext: [UInt8], aad: [UInt8]) -> (ciphertext: [UInt8], tag: [UInt8]) {
        precondition(nonce.count == 12, "ChaCha20-Poly1305 nonce is 12 bytes")
        let ciphertext = xorKeystream(nonce: nonce, counter: 1, plaintext)
        return (ciphertext, computeTag(nonce: nonce, ciphertext: ciphertext, aad: aad))
    }

    // MARK: RFC 8439 §2.8

    private func computeTag(nonce: [UInt8], ciphertext: [UInt8], aad: [UInt8]) -> [UInt8] {
        let oneTimeKey = Array(block(nonce: nonce, counter: 0).prefix(32))
        var mac = Poly1305(key: oneTimeKey)
        mac.update(aad, padToBlock: true)
        mac.update(ciphertext, padToBlock: true)
        var lengths = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            lengths[i] = UInt8(truncatingIfNeeded: UInt64(aad.count) >> UInt64(8 * i))
            lengths[8 + i] = UInt8(truncatingIfNeeded: UInt64(ciphertext.count) >> UInt64(8 * i))
        }
        mac.update(lengths, padToBlock: false)
        return mac.finalize()
    }

    func xorKeystream(nonce: [UInt8], counter: UInt32, _ input: [UInt8]) -> [UInt8] {
        var output = input
        var blockCounter = counter
        var offset = 0
        while offset < input.count {
            let keystream = block(nonce: nonce, counter: blockCounter)
            let end = min(offset + 64, input.count)
            for i in offset..<end { output[i] ^= keystream[i - offset] }
            blockCounter &+= 1
            offset = end
        }
        return output
    }

    /// The ChaCha20 block function (RFC 8439 §2.3): 64 bytes of keystream.
    func block(nonce: [UInt8], counter: UInt32) -> [UInt8] {
        var initial: [UInt32] = [0x6170_7865, 0x3320_646e, 0x7962_2d32, 0x6b20_6574]
        initial += key
        initial.append(counter)
        for i in 0..<3 { initial.append(ChaCha20Poly1305.loadLE32(nonce, 4 * i)) }
        var x = initial
        func quarterRound(_ a: Int, _ b: Int, _ c: Int, _ d: Int) {
            x[a] &+= x[b]; x[d] ^= x[a]; x[d] = (x[d] << 16) | (x[d] >> 16)
            x[c] &+= x[d]; x[b] ^= x[c]; x[b] = (x[b] << 12) | (x[b] >> 20)
            x[a] &+= x[b]; x[d] ^= x[a]; x[d] = (x[d] << 8) | (x[d] >> 24)
            x[c] &+= x[d]; x[b] ^= x[c]; x[b] = (x[b] << 7) | (x[b] >> 25)
        }
        for _ in 0..<10 {
            quarterRound(0, 4, 8, 12); quarterRound(1, 5, 9, 13); quarterRound(2, 6, 10, 14); quarterRound(3, 7, 11, 15)
            quarterRound(0, 5, 10, 15); quarterRound(1, 6, 11, 12); quarterRound(2, 7, 8, 13); quarterRound(3, 4, 9, 14)
        }
        var out = [UInt8](repeating: 0, count: 64)
        for i in 0..<16 {
            let word = x[i] &+ initial[i]
            for j in 0..<4 { out[4 * i + j] = UInt8(truncatingIfNeeded: word >> UInt32(8 * j)) }
        }
        return out
    }

    static func loadLE32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}

/// Poly1305 (RFC 8439 §2.5) over GF(2^130 - 5) with 26-bit limbs.
struct Poly1305 {
    private var r0: UInt64, r1: UInt64, r2: UInt64, r3: UInt64, r4: UInt64
    private var h0: UInt64 = 0, h1: UInt64 = 0, h2: UInt64 = 0, h3: UInt64 = 0, h4: UInt64 = 0
    private let s: [UInt32]

    init(key: [UInt8]) {
        // r is clamped (RFC 8439 §2.5.1) while being split into limbs.
        r0 = UInt64(ChaCha20Poly1305.loadLE32(key, 0)) & 0x3ff_ffff
        r1 = UInt64(ChaCha20Poly1305.loadLE32(key, 3) >> 2) & 0x3ff_ff03
        r2 = UInt64(ChaCha20Poly1305.loadLE32(key, 6) >> 4) & 0x3ff_c0ff
        r3 = UInt64(ChaCha20Poly1305.loadLE32(key, 9) >> 6) & 0x3f0_3fff
        r4 = UInt64(ChaCha20Poly1305.loadLE32(key, 12) >> 8) & 0x00f_ffff
        s = (0..<4).map { ChaCha20Poly1305.loadLE32(key, 16 + 4 * $0) }
    }

    /// Absorbs `data`; with `padToBlock` a final partial block is zero-padded as a full block
    /// (the AEAD construction), otherwise it gets the 0x01 marker of a short final block.
    mutating func update(_ data: [UInt8], padToBlock: Bool) {
        var offset = 0
        while offset < data.count {
            let end = min(offset + 16, data.count)
            var block = [UInt8](repeating: 0, count: 17)
            for i in offset..<end { block[i - offset] = data[i] }
            let full = end - offset == 16 || padToBlock
            if !full { block[end - offset] = 1 }
            absorb(block, highBit: full ? 1 << 24 : 0)
            offset = end
        }
    }

    private mutating func absorb(_ m: [UInt8], highBit: UInt64) {
        let mask: UInt64 = 0x3ff_ffff
        h0 += UInt64(ChaCha20Poly1305.loadLE32(m, 0)) & mask
        h1 += UInt64(ChaCha20Poly1305.loadLE32(m, 3) >> 2) & mask
        h2 += UInt64(ChaCha20Poly1305.loadLE32(m, 6) >> 4) & mask
        h3 += UInt64(ChaCha20Poly1305.loadLE32(m, 9) >> 6) & mask
        h4 += UInt64(ChaCha20Poly1305.loadLE32(m, 12) >> 8) | highBit
        let s1 = r1 * 5, s2 = r2 * 5, s3 = r3 * 5, s4 = r4 * 5
        let d0 = h0 * r0 + h1 * s4 + h2 * s3 + h3 * s2 + h4 * s1
        var d1 = h0 * r1 + h1 * r0 + h2 * s4 + h3 * s3 + h4 * s2
        var d2 = h0 * r2 + h1 * r1 + h2 * r0 + h3 * s4 + h4 * s3
        var d3 = h0 * r3 + h1 * r2 + h2 * r1 + h3 * r0 + h4 * s4
        var d4 = h0 * r4 + h1 * r3 + h2 * r2 + h3 * r1 + h4 * r0
        h0 = d0 & mask; d1 += d0 >> 26
        h1 = d1 & mask; d2 += d1 >> 26
        h2 = d2 & mask; d3 += d2 >> 26
        h3 = d3 & mask; d4 += d3 >> 26
        h4 = d4 & mask
        h0 += (d4 >> 26) * 5
        h1 += h0 >> 26; h0 &= mask
    }

    /// The 16-byte tag: h fully reduced mod 2^130 - 5, plus s, mod 2^128.
    func finalize() -> [UInt8] {
        let mask: UInt64 = 0x3ff_ffff
        var a0 = h0, a1 = h1, a2 = h2, a3 = h3, a4 = h4
        a2 += a1 >> 26; a1 &= mask
        a3 += a2 >> 26; a2 &= mask
        a4 += a3 >> 26; a3 &= mask
        a0 += (a4 >> 26) * 5; a4 &= mask
        a1 += a0 >> 26; a0 &= mask
        // g = a + 5 - 2^130; keep g when it does not underflow (a >= p), without branching.
        var g0 = a0 + 5
        var g1 = a1 + (g0 >> 26); g0 &= mask
        var g2 = a2 + (g1 >> 26); g1 &= mask
        var g3 = a3 + (g2 >> 26); g2 &= mask
        let g4 = (a4 &+ (g3 >> 26)) &- (1 << 26); g3 &= mask
        let keepG = (g4 >> 63) &- 1  // all ones when g4 did not go negative
        a0 = (a0 & ~keepG) | (g0 & keepG)
        a1 = (a1 & ~keepG) | (g1 & keepG)
        a2 = (a2 & ~keepG) | (g2 & keepG)
        a3 = (a3 & ~keepG) | (g3 & keepG)
        a4 = (a4 & ~keepG) | (g4 & keepG & mask)
        let w0 = (a0 | a1 << 26) & 0xffff_ffff
        let w1 = (a1 >> 6 | a2 << 20) & 0xffff_ffff
        let w2 = (a2 >> 12 | a3 << 14) & 0xffff_ffff
        let w3 = (a3 >> 18 | a4 << 8) & 0xffff_ffff
        var out = [UInt8](repeating: 0, count: 16)
        var carry: UInt64 = 0
        for (index, word) in [w0, w1, w2, w3].enumerated() {
            let sum = word + UInt64(s[index]) + carry
            carry = sum >> 32
            for j in 0..<4 { out[4 * index + j] = UInt8(truncatingIfNeeded: sum >> UInt64(8 * j)) }
        }
        return out
    }
}
