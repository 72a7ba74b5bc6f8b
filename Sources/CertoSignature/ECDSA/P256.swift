// The P-256 curve (FIPS 186-4 D.1.2, SEC 2 secp256r1): y² = x³ − 3x + b over GF(p), prime order n.
// Certo uses it for signature verification only, so everything here works on public data and
// the variable-time parts say so in their names.

/// The NIST P-256 curve: field, points, and ECDSA verification (`P256.Signing`).
public enum P256 {
    /// Bytes in a field element or a scalar (32).
    static var byteCount: Int { 32 }
    /// Limbs in a field element or a scalar.
    static var limbCount: Int { 4 }
}

extension P256.FieldElement {
    /// The curve coefficient b, in Montgomery form.
    static var curveB: Self { Self(0xd89cdf6229c4bddf, 0xacf005cd78843090, 0xe5a220abf7212ed6, 0xdc30061d04874834) }
}

extension P256.AffinePoint {
    /// The base point G, coordinates in Montgomery form.
    static var generator: Self {
        Self(x: P256.FieldElement(0x79e730d418a9143c, 0x75ba95fc5fedb601, 0x79fb732b77622510, 0x18905f76a53755c6), y: P256.FieldElement(0xddf25357ce95560a, 0x8b4ab8e4ba19e45c, 0xd2e88688dd21f325, 0x8571ff1825885d85))
    }
}

// The curve's types as the generic multiplication code (ECCurveArithmetic.swift) sees them.
extension P256: ECCurveArithmetic {
    /// 64 odd multiples per 64-bit piece of G on the split path (256 points).
    static var splitBaseWindowWidth: Int { 8 }
    /// G, 3G, 5G, … (256 affine points), built on first use with one shared inversion: a one-off
    /// cost paid by every short-lived `certo verify` process, so it must stay small.
    static let baseTable: [AffinePoint] = oddMultiplesTable(of: .generator, count: oddMultipleCount(width: baseWindowWidth))
    /// The split path's tables for G, built the first time a key verifies a second signature.
    static let splitBaseTable: [AffinePoint] = splitTable(of: .generator, width: splitBaseWindowWidth)

    /// r, and r + n when below p, for the x-coordinate check without an inversion.
    static func xCoordinateCandidates(forIntegerR r: Scalar) -> (FieldElement, FieldElement?) {
        // r < n < p, so r is also a field element.
        let rField = FieldElement(montgomeryFromIntegerLimbs: FieldElement(r.l0, r.l1, r.l2, r.l3))
        // x(R) mod n = r also holds when x(R) = r + n, possible only if r + n < p.
        let (sum0, carry0) = addWithCarry(r.l0, 0xf3b9cac2fc632551, 0)
        let (sum1, carry1) = addWithCarry(r.l1, 0xbce6faada7179e84, carry0)
        let (sum2, carry2) = addWithCarry(r.l2, 0xffffffffffffffff, carry1)
        let (sum3, carry3) = addWithCarry(r.l3, 0xffffffff00000000, carry2)
        let carry = carry3
        let rPlusNField = FieldElement(sum0, sum1, sum2, sum3)
        guard carry == 0, rPlusNField.isLessThanModulus else { return (rField, nil) }
        return (rField, FieldElement(montgomeryFromIntegerLimbs: rPlusNField))
    }
}

extension P256.FieldElement: ECFieldElement {
    /// By the binary extended Euclidean algorithm on the integer value.
    func invertedVarTime() -> Self { Self(montgomeryFromIntegerLimbs: integerLimbs.integerInverseVarTime()) }
}

extension P256.AffinePoint: ECAffinePoint {}
extension P256.Point: ECJacobianPoint {}
extension P256.Scalar: ECScalar {}
