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

extension P256 {
    /// Elements of the base field GF(p), p = 2^256 − 2^224 + 2^192 + 2^96 − 1.
    typealias FieldElement = Residue256<FieldModulus>
    /// Integers modulo the group order n: what ECDSA verification needs (s⁻¹, u1, u2).
    typealias Scalar = Residue256<OrderModulus>

    enum FieldModulus: Modulus256 {
        static var m0: UInt64 { 0xffffffffffffffff }
        static var m1: UInt64 { 0x00000000ffffffff }
        static var m2: UInt64 { 0x0000000000000000 }
        static var m3: UInt64 { 0xffffffff00000001 }
        static var one: FieldElement { FieldElement(0x0000000000000001, 0xffffffff00000000, 0xffffffffffffffff, 0x00000000fffffffe) }
        static var rSquared: FieldElement { FieldElement(0x0000000000000003, 0xfffffffbffffffff, 0xfffffffffffffffe, 0x00000004fffffffd) }

        @inline(__always)
        static func montgomeryReduce(_ t0: UInt64, _ t1: UInt64, _ t2: UInt64, _ t3: UInt64, _ t4: UInt64, _ t5: UInt64, _ t6: UInt64, _ t7: UInt64) -> FieldElement {
            // p = 2^256 − 2^224 + 2^192 + 2^96 − 1, so −p⁻¹ mod 2^64 = 1 and m = t_i. Adding m·p at
            // word i: m·(p0 + p1·2^64) = m·2^96 − m clears word i and adds m·2^32 at word i+1;
            // p2 = 0; only m·p3 needs a multiplication.
            let (t1_0, c_0) = addWithCarry(t1, t0 << 32, 0)
            let (t2_0, c_1) = addWithCarry(t2, t0 >> 32, c_0)
            let (lo_0, hi_0) = multiplyWide(t0, 0xffffffff00000001)
            let (t3_0, c_2) = addWithCarry(t3, lo_0, c_1)
            let (t4_0, top_0) = addWithCarry(t4, hi_0 &+ c_2, 0)
            let (t2_1, c_3) = addWithCarry(t2_0, t1_0 << 32, 0)
            let (t3_1, c_4) = addWithCarry(t3_0, t1_0 >> 32, c_3)
            let (lo_1, hi_1) = multiplyWide(t1_0, 0xffffffff00000001)
            let (t4_1, c_5) = addWithCarry(t4_0, lo_1, c_4)
            let (t5_0, top_1) = addWithCarry(t5, hi_1 &+ c_5, top_0)
            let (t3_2, c_6) = addWithCarry(t3_1, t2_1 << 32, 0)
            let (t4_2, c_7) = addWithCarry(t4_1, t2_1 >> 32, c_6)
            let (lo_2, hi_2) = multiplyWide(t2_1, 0xffffffff00000001)
            let (t5_1, c_8) = addWithCarry(t5_0, lo_2, c_7)
            let (t6_0, top_2) = addWithCarry(t6, hi_2 &+ c_8, top_1)
            let (t4_3, c_9) = addWithCarry(t4_2, t3_2 << 32, 0)
            let (t5_2, c_10) = addWithCarry(t5_1, t3_2 >> 32, c_9)
            let (lo_3, hi_3) = multiplyWide(t3_2, 0xffffffff00000001)
            let (t6_1, c_11) = addWithCarry(t6_0, lo_3, c_10)
            let (t7_0, top_3) = addWithCarry(t7, hi_3 &+ c_11, top_2)
            return .reducedOnce(t4_3, t5_2, t6_1, t7_0, top: top_3)
        }
    }

    enum OrderModulus: Modulus256 {
        static var m0: UInt64 { 0xf3b9cac2fc632551 }
        static var m1: UInt64 { 0xbce6faada7179e84 }
        static var m2: UInt64 { 0xffffffffffffffff }
        static var m3: UInt64 { 0xffffffff00000000 }
        static var one: Scalar { Scalar(0x0c46353d039cdaaf, 0x4319055258e8617b, 0x0000000000000000, 0x00000000ffffffff) }
        static var rSquared: Scalar { Scalar(0x83244c95be79eea2, 0x4699799c49bd6fa6, 0x2845b2392b6bec59, 0x66e12d94f3d95620) }

        @inline(__always)
        static func montgomeryReduce(_ t0: UInt64, _ t1: UInt64, _ t2: UInt64, _ t3: UInt64, _ t4: UInt64, _ t5: UInt64, _ t6: UInt64, _ t7: UInt64) -> Scalar {
            .montgomeryReduceWordByWord(t0, t1, t2, t3, t4, t5, t6, t7, negativeInverse: 0xccd1c8aaee00bc4f)
        }
    }
}

extension P256.FieldElement {
    /// A square root, self^((p+1)/4) (p ≡ 3 mod 4), or nil when self is not a square.
    func squareRoot() -> Self? {
        let candidate = raised(toLimbs: Self(0x0000000000000000, 0x0000000040000000, 0x4000000000000000, 0x3fffffffc0000000))
        return candidate.squared() == self ? candidate : nil
    }

    /// The curve coefficient b, in Montgomery form.
    static var curveB: Self { Self(0xd89cdf6229c4bddf, 0xacf005cd78843090, 0xe5a220abf7212ed6, 0xdc30061d04874834) }
}

// The curve's types as the generic multiplication code (ECCurveArithmetic.swift) sees them.
extension P256: ECCurveArithmetic {
    static var curve: ECDSACurve { .p256 }
    /// The base point G, coordinates in Montgomery form.
    static var generator: AffinePoint {
        AffinePoint(x: P256.FieldElement(0x79e730d418a9143c, 0x75ba95fc5fedb601, 0x79fb732b77622510, 0x18905f76a53755c6), y: P256.FieldElement(0xddf25357ce95560a, 0x8b4ab8e4ba19e45c, 0xd2e88688dd21f325, 0x8571ff1825885d85))
    }
    /// 64 odd multiples per 64-bit piece of G on the split path (256 points).
    static var splitBaseWindowWidth: Int { 8 }
    /// G, 3G, 5G, … (256 affine points), built on first use with one shared inversion: a one-off
    /// cost paid by every short-lived `certo verify` process, so it must stay small.
    static let baseTable: [AffinePoint] = oddMultiplesTable(of: generator, count: oddMultipleCount(width: baseWindowWidth))
    /// The split path's tables for G, built the first time a key verifies a second signature.
    static let splitBaseTable: [AffinePoint] = splitTable(of: generator, width: splitBaseWindowWidth)

    /// r, and r + n when below p, for the x-coordinate check without an inversion.
    static func xCoordinateCandidates(forIntegerR r: Scalar) -> (FieldElement, FieldElement?) {
        // r < n < p, so r is also a field element.
        let rField = FieldElement(montgomeryFromIntegerLimbs: FieldElement(r.l0, r.l1, r.l2, r.l3))
        // x(R) mod n = r also holds when x(R) = r + n, possible only if r + n < p.
        let (sum0, carry0) = addWithCarry(r.l0, OrderModulus.m0, 0)
        let (sum1, carry1) = addWithCarry(r.l1, OrderModulus.m1, carry0)
        let (sum2, carry2) = addWithCarry(r.l2, OrderModulus.m2, carry1)
        let (sum3, carry3) = addWithCarry(r.l3, OrderModulus.m3, carry2)
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

extension P256.Scalar: ECScalar {}
