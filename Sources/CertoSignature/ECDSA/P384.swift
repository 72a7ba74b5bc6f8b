// The P-384 curve (FIPS 186-4 D.1.2, SEC 2 secp384r1): y² = x³ − 3x + b over GF(p), prime order n.
// Certo uses it for signature verification only, so everything here works on public data and
// the variable-time parts say so in their names.

/// The NIST P-384 curve: field, points, and ECDSA verification (`P384.Signing`).
public enum P384 {
    /// Bytes in a field element or a scalar (48).
    static var byteCount: Int { 48 }
    /// Limbs in a field element or a scalar.
    static var limbCount: Int { 6 }
}

extension P384 {
    /// Elements of the base field GF(p), p = 2^384 − 2^128 − 2^96 + 2^32 − 1.
    typealias FieldElement = Residue384<FieldModulus>
    /// Integers modulo the group order n: what ECDSA verification needs (s⁻¹, u1, u2).
    typealias Scalar = Residue384<OrderModulus>

    enum FieldModulus: Modulus384 {
        static var m0: UInt64 { 0x00000000ffffffff }
        static var m1: UInt64 { 0xffffffff00000000 }
        static var m2: UInt64 { 0xfffffffffffffffe }
        static var m3: UInt64 { 0xffffffffffffffff }
        static var m4: UInt64 { 0xffffffffffffffff }
        static var m5: UInt64 { 0xffffffffffffffff }
        static var negativeInverse: UInt64 { 0x0000000100000001 }
        static var one: FieldElement { FieldElement(0xffffffff00000001, 0x00000000ffffffff, 0x0000000000000001, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000) }
        static var rSquared: FieldElement { FieldElement(0xfffffffe00000001, 0x0000000200000000, 0xfffffffe00000000, 0x0000000200000000, 0x0000000000000001, 0x0000000000000000) }
    }

    enum OrderModulus: Modulus384 {
        static var m0: UInt64 { 0xecec196accc52973 }
        static var m1: UInt64 { 0x581a0db248b0a77a }
        static var m2: UInt64 { 0xc7634d81f4372ddf }
        static var m3: UInt64 { 0xffffffffffffffff }
        static var m4: UInt64 { 0xffffffffffffffff }
        static var m5: UInt64 { 0xffffffffffffffff }
        static var negativeInverse: UInt64 { 0x6ed46089e88fdc45 }
        static var one: Scalar { Scalar(0x1313e695333ad68d, 0xa7e5f24db74f5885, 0x389cb27e0bc8d220, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000) }
        static var rSquared: Scalar { Scalar(0x2d319b2419b409a9, 0xff3d81e5df1aa419, 0xbc3e483afcb82947, 0xd40d49174aab1cc5, 0x3fb05b7a28266895, 0x0c84ee012b39bf21) }
    }
}

extension P384.FieldElement {
    /// A square root, self^((p+1)/4) (p ≡ 3 mod 4), or nil when self is not a square.
    func squareRoot() -> Self? {
        let candidate = raised(toLimbs: Self(0x0000000040000000, 0xbfffffffc0000000, 0xffffffffffffffff, 0xffffffffffffffff, 0xffffffffffffffff, 0x3fffffffffffffff))
        return candidate.squared() == self ? candidate : nil
    }

    /// The curve coefficient b, in Montgomery form.
    static var curveB: Self { Self(0x081188719d412dcc, 0xf729add87a4c32ec, 0x77f2209b1920022e, 0xe3374bee94938ae2, 0xb62b21f41f022094, 0xcd08114b604fbff9) }
}

// The curve's types as the generic multiplication code (ECCurveArithmetic.swift) sees them.
extension P384: ECCurveArithmetic {
    static var curve: ECDSACurve { .p384 }
    /// The base point G, coordinates in Montgomery form.
    static var generator: AffinePoint {
        AffinePoint(x: P384.FieldElement(0x3dd0756649c0b528, 0x20e378e2a0d6ce38, 0x879c3afc541b4d6e, 0x6454868459a30eff, 0x812ff723614ede2b, 0x4d3aadc2299e1513), y: P384.FieldElement(0x23043dad4b03a4fe, 0xa1bfa8bf7bb4a9ac, 0x8bade7562e83b050, 0xc6c3521968f4ffd9, 0xdd8002263969a840, 0x2b78abc25a15c5e9))
    }
    /// 32 odd multiples per 64-bit piece of G on the split path (192 points).
    static var splitBaseWindowWidth: Int { 7 }
    /// G, 3G, 5G, … (256 affine points), built on first use with one shared inversion: a one-off
    /// cost paid by every short-lived `certo verify` process, so it must stay small.
    static let baseTable: [AffinePoint] = oddMultiplesTable(of: generator, count: oddMultipleCount(width: baseWindowWidth))
    /// The split path's tables for G, built the first time a key verifies a second signature.
    static let splitBaseTable: [AffinePoint] = splitTable(of: generator, width: splitBaseWindowWidth)

    /// r, and r + n when below p, for the x-coordinate check without an inversion.
    static func xCoordinateCandidates(forIntegerR r: Scalar) -> (FieldElement, FieldElement?) {
        // r < n < p, so r is also a field element.
        let rField = FieldElement(montgomeryFromIntegerLimbs: FieldElement(r.l0, r.l1, r.l2, r.l3, r.l4, r.l5))
        // x(R) mod n = r also holds when x(R) = r + n, possible only if r + n < p.
        let (sum0, carry0) = addWithCarry(r.l0, OrderModulus.m0, 0)
        let (sum1, carry1) = addWithCarry(r.l1, OrderModulus.m1, carry0)
        let (sum2, carry2) = addWithCarry(r.l2, OrderModulus.m2, carry1)
        let (sum3, carry3) = addWithCarry(r.l3, OrderModulus.m3, carry2)
        let (sum4, carry4) = addWithCarry(r.l4, OrderModulus.m4, carry3)
        let (sum5, carry5) = addWithCarry(r.l5, OrderModulus.m5, carry4)
        let carry = carry5
        let rPlusNField = FieldElement(sum0, sum1, sum2, sum3, sum4, sum5)
        guard carry == 0, rPlusNField.isLessThanModulus else { return (rField, nil) }
        return (rField, FieldElement(montgomeryFromIntegerLimbs: rPlusNField))
    }
}

extension P384.FieldElement: ECFieldElement {
    /// By the binary extended Euclidean algorithm on the integer value.
    func invertedVarTime() -> Self { Self(montgomeryFromIntegerLimbs: integerLimbs.integerInverseVarTime()) }
}

extension P384.Scalar: ECScalar {}
