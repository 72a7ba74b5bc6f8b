// X25519 Diffie-Hellman (RFC 7748 §5): the Montgomery ladder over GF(2^255 - 19) with five 51-bit
// limbs and 128-bit products. The ladder and the conditional swaps are constant-time (the private
// key is secret even when it only protects a handshake); decoding accepts non-canonical u values
// as the RFC requires. No Edwards arithmetic, no Ed25519: TLS key exchange needs only this.

public enum X25519 {
    public static let keyByteCount = 32

    /// The u-coordinate 9 of the base point (RFC 7748 §4.1).
    public static let basePoint: [UInt8] = [9] + [UInt8](repeating: 0, count: 31)

    /// X25519(k, u) from RFC 7748 §5: `scalar` is clamped here, `uCoordinate` has its top bit masked.
    /// Both must be 32 bytes (a programmer error otherwise: callers check lengths of peer input first).
    public static func scalarMultiply(scalar: [UInt8], uCoordinate: [UInt8]) -> [UInt8] {
        precondition(scalar.count == 32 && uCoordinate.count == 32, "X25519 inputs are 32 bytes")
        var k = scalar
        k[0] &= 248
        k[31] &= 127
        k[31] |= 64
        let x1 = Field25519(littleEndian: uCoordinate)
        var x2 = Field25519.one
        var z2 = Field25519.zero
        var x3 = x1
        var z3 = Field25519.one
        var swap: UInt64 = 0
        let a24 = Field25519(small: 121665)
        var t = 254
        while t >= 0 {
            let bit = UInt64((k[t >> 3] >> UInt8(t & 7)) & 1)
            swap ^= bit
            Field25519.conditionalSwap(&x2, &x3, swap)
            Field25519.conditionalSwap(&z2, &z3, swap)
            swap = bit
            let a = x2.adding(z2)
            let aa = a.squared()
            let b = x2.subtracting(z2)
            let bb = b.squared()
            let e = aa.subtracting(bb)
            let c = x3.adding(z3)
            let d = x3.subtracting(z3)
            let da = d.multiplied(by: a)
            let cb = c.multiplied(by: b)
            x3 = da.adding(cb).squared()
            z3 = x1.multiplied(by: da.subtracting(cb).squared())
            x2 = aa.multiplied(by: bb)
            z2 = e.multiplied(by: aa.adding(a24.multiplied(by: e)))
            t -= 1
        }
        Field25519.conditionalSwap(&x2, &x3, swap)
        Field25519.conditionalSwap(&z2, &z3, swap)
        return x2.multiplied(by: z2.inverted()).littleEndianBytes()
    }

    /// The public key for a 32-byte private key.
    public static func publicKey(privateKey: [UInt8]) -> [UInt8] {
        scalarMultiply(scalar: privateKey, uCoordinate: basePoint)
    }

    /// The shared secret, or nil when it is all zeros (a small-order peer key; RFC 7748 §6.1, RFC 8446 §7.4.2).
    public static func sharedSecret(privateKey: [UInt8], peerPublicKey: [UInt8]) -> [UInt8]? {
        let shared = scalarMultiply(scalar: privateKey, uCoordinate: peerPublicKey)
        var accumulator: UInt8 = 0
        for byte in shared { accumulator |= byte }
        return accumulator == 0 ? nil : shared
    }
}

/// An element of GF(2^255 - 19) as five 51-bit limbs (little-endian). Limbs may exceed 51 bits by a
/// few bits between operations; every operation returns carried limbs below 2^52.
struct Field25519 {
    var l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64

    static let mask51: UInt64 = (1 << 51) - 1
    static let zero = Field25519(l0: 0, l1: 0, l2: 0, l3: 0, l4: 0)
    static let one = Field25519(l0: 1, l1: 0, l2: 0, l3: 0, l4: 0)

    init(l0: UInt64, l1: UInt64, l2: UInt64, l3: UInt64, l4: UInt64) {
        self.l0 = l0; self.l1 = l1; self.l2 = l2; self.l3 = l3; self.l4 = l4
    }

    init(small: UInt64) {
        self.init(l0: small, l1: 0, l2: 0, l3: 0, l4: 0)
    }

    /// Decodes 32 little-endian bytes, ignoring bit 255 (RFC 7748 §5).
    init(littleEndian bytes: [UInt8]) {
        func word(_ index: Int) -> UInt64 {
            var value: UInt64 = 0
            for i in 0..<8 { value |= UInt64(bytes[index * 8 + i]) << UInt64(8 * i) }
            return value
        }
        let w0 = word(0), w1 = word(1), w2 = word(2), w3 = word(3)
        let m = Field25519.mask51
        self.init(
            l0: w0 & m,
            l1: ((w0 >> 51) | (w1 << 13)) & m,
            l2: ((w1 >> 38) | (w2 << 26)) & m,
            l3: ((w2 >> 25) | (w3 << 39)) & m,
            l4: (w3 >> 12) & m
        )
    }

    /// Canonical (fully reduced) 32-byte little-endian encoding.
    func littleEndianBytes() -> [UInt8] {
        var r = self.carried().carried()
        // Now r < 2^255 + small; subtract p once if r >= p, computed without branches.
        var q = (r.l0 &+ 19) >> 51
        q = (r.l1 &+ q) >> 51
        q = (r.l2 &+ q) >> 51
        q = (r.l3 &+ q) >> 51
        q = (r.l4 &+ q) >> 51
        r.l0 &+= 19 &* q
        let m = Field25519.mask51
        r.l1 &+= r.l0 >> 51; r.l0 &= m
        r.l2 &+= r.l1 >> 51; r.l1 &= m
        r.l3 &+= r.l2 >> 51; r.l2 &= m
        r.l4 &+= r.l3 >> 51; r.l3 &= m
        r.l4 &= m
        let words: [UInt64] = [
            r.l0 | (r.l1 << 51),
            (r.l1 >> 13) | (r.l2 << 38),
            (r.l2 >> 26) | (r.l3 << 25),
            (r.l3 >> 39) | (r.l4 << 12),
        ]
        var out = [UInt8](repeating: 0, count: 32)
        for (index, word) in words.enumerated() {
            for i in 0..<8 { out[index * 8 + i] = UInt8(truncatingIfNeeded: word >> UInt64(8 * i)) }
        }
        return out
    }

    /// One carry pass; the carry out of the top limb wraps around times 19 (2^255 ≡ 19).
    func carried() -> Field25519 {
        let m = Field25519.mask51
        var r = self
        r.l1 &+= r.l0 >> 51; r.l0 &= m
        r.l2 &+= r.l1 >> 51; r.l1 &= m
        r.l3 &+= r.l2 >> 51; r.l2 &= m
        r.l4 &+= r.l3 >> 51; r.l3 &= m
        r.l0 &+= 19 &* (r.l4 >> 51); r.l4 &= m
        return r
    }

    func adding(_ b: Field25519) -> Field25519 {
        Field25519(l0: l0 &+ b.l0, l1: l1 &+ b.l1, l2: l2 &+ b.l2, l3: l3 &+ b.l3, l4: l4 &+ b.l4).carried()
    }

    /// self - b computed as self + 4p - b, so no limb underflows while b's limbs stay below 2^53.
    func subtracting(_ b: Field25519) -> Field25519 {
        let fourP0: UInt64 = 0x1F_FFFF_FFFF_FFB4
        let fourPi: UInt64 = 0x1F_FFFF_FFFF_FFFC
        return Field25519(
            l0: l0 &+ fourP0 &- b.l0, l1: l1 &+ fourPi &- b.l1, l2: l2 &+ fourPi &- b.l2,
            l3: l3 &+ fourPi &- b.l3, l4: l4 &+ fourPi &- b.l4
        ).carried()
    }

    func multiplied(by b: Field25519) -> Field25519 {
        let a0 = UInt128(l0), a1 = UInt128(l1), a2 = UInt128(l2), a3 = UInt128(l3), a4 = UInt128(l4)
        let b0 = UInt128(b.l0), b1 = UInt128(b.l1), b2 = UInt128(b.l2), b3 = UInt128(b.l3), b4 = UInt128(b.l4)
        let b1x19 = b1 &* 19, b2x19 = b2 &* 19, b3x19 = b3 &* 19, b4x19 = b4 &* 19
        var r0 = a0 &* b0 &+ a1 &* b4x19 &+ a2 &* b3x19 &+ a3 &* b2x19 &+ a4 &* b1x19
        var r1 = a0 &* b1 &+ a1 &* b0 &+ a2 &* b4x19 &+ a3 &* b3x19 &+ a4 &* b2x19
        var r2 = a0 &* b2 &+ a1 &* b1 &+ a2 &* b0 &+ a3 &* b4x19 &+ a4 &* b3x19
        var r3 = a0 &* b3 &+ a1 &* b2 &+ a2 &* b1 &+ a3 &* b0 &+ a4 &* b4x19
        var r4 = a0 &* b4 &+ a1 &* b3 &+ a2 &* b2 &+ a3 &* b1 &+ a4 &* b0
        let m = UInt128(Field25519.mask51)
        r1 &+= r0 >> 51; r0 &= m
        r2 &+= r1 >> 51; r1 &= m
        r3 &+= r2 >> 51; r2 &= m
        r4 &+= r3 >> 51; r3 &= m
        r0 &+= (r4 >> 51) &* 19; r4 &= m
        r1 &+= r0 >> 51; r0 &= m
        return Field25519(
            l0: UInt64(truncatingIfNeeded: r0), l1: UInt64(truncatingIfNeeded: r1),
            l2: UInt64(truncatingIfNeeded: r2), l3: UInt64(truncatingIfNeeded: r3),
            l4: UInt64(truncatingIfNeeded: r4))
    }

    func squared() -> Field25519 { multiplied(by: self) }

    /// self^(p - 2) by square-and-multiply over the public exponent 2^255 - 21 (bits 2 and 4 clear).
    func inverted() -> Field25519 {
        var result = Field25519.one
        var bit = 254
        while bit >= 0 {
            result = result.squared()
            if bit != 2 && bit != 4 { result = result.multiplied(by: self) }
            bit -= 1
        }
        return result
    }

    /// Swaps a and b when `flag` is 1, leaves them when it is 0, without branching on it.
    static func conditionalSwap(_ a: inout Field25519, _ b: inout Field25519, _ flag: UInt64) {
        let mask = 0 &- flag
        var t = mask & (a.l0 ^ b.l0); a.l0 ^= t; b.l0 ^= t
        t = mask & (a.l1 ^ b.l1); a.l1 ^= t; b.l1 ^= t
        t = mask & (a.l2 ^ b.l2); a.l2 ^= t; b.l2 ^= t
        t = mask & (a.l3 ^ b.l3); a.l3 ^= t; b.l3 ^= t
        t = mask & (a.l4 ^ b.l4); a.l4 ^= t; b.l4 ^= t
    }
}
