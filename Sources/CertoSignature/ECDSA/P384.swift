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

extension P384.FieldElement {
    /// The curve coefficient b, in Montgomery form.
    static var curveB: Self { Self(0x081188719d412dcc, 0xf729add87a4c32ec, 0x77f2209b1920022e, 0xe3374bee94938ae2, 0xb62b21f41f022094, 0xcd08114b604fbff9) }
}

extension P384.AffinePoint {
    /// The base point G, coordinates in Montgomery form.
    static var generator: Self {
        Self(x: P384.FieldElement(0x3dd0756649c0b528, 0x20e378e2a0d6ce38, 0x879c3afc541b4d6e, 0x6454868459a30eff, 0x812ff723614ede2b, 0x4d3aadc2299e1513), y: P384.FieldElement(0x23043dad4b03a4fe, 0xa1bfa8bf7bb4a9ac, 0x8bade7562e83b050, 0xc6c3521968f4ffd9, 0xdd8002263969a840, 0x2b78abc25a15c5e9))
    }
}

// The curve's types as the generic multiplication code (ECCurveArithmetic.swift) sees them.
extension P384: ECCurveArithmetic {
    /// 32 odd multiples per 64-bit piece of G on the split path (192 points).
    static var splitBaseWindowWidth: Int { 7 }
    /// G, 3G, 5G, … (256 affine points), built on first use with one shared inversion: a one-off
    /// cost paid by every short-lived `certo verify` process, so it must stay small.
    static let baseTable: [AffinePoint] = oddMultiplesTable(of: .generator, count: oddMultipleCount(width: baseWindowWidth))
    /// The split path's tables for G, built the first time a key verifies a second signature.
    static let splitBaseTable: [AffinePoint] = splitTable(of: .generator, width: splitBaseWindowWidth)

    /// r, and r + n when below p, for the x-coordinate check without an inversion.
    static func xCoordinateCandidates(forIntegerR r: Scalar) -> (FieldElement, FieldElement?) {
        // r < n < p, so r is also a field element.
        let rField = FieldElement(montgomeryFromIntegerLimbs: FieldElement(r.l0, r.l1, r.l2, r.l3, r.l4, r.l5))
        // x(R) mod n = r also holds when x(R) = r + n, possible only if r + n < p.
        let (sum0, carry0) = addWithCarry(r.l0, 0xecec196accc52973, 0)
        let (sum1, carry1) = addWithCarry(r.l1, 0x581a0db248b0a77a, carry0)
        let (sum2, carry2) = addWithCarry(r.l2, 0xc7634d81f4372ddf, carry1)
        let (sum3, carry3) = addWithCarry(r.l3, 0xffffffffffffffff, carry2)
        let (sum4, carry4) = addWithCarry(r.l4, 0xffffffffffffffff, carry3)
        let (sum5, carry5) = addWithCarry(r.l5, 0xffffffffffffffff, carry4)
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

extension P384.AffinePoint: ECAffinePoint {}
extension P384.Point: ECJacobianPoint {}
extension P384.Scalar: ECScalar {}
