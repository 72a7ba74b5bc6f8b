// Arithmetic modulo an odd 384-bit modulus m (2^383 < m < 2^384) as 6 64-bit limbs in Montgomery
// form, converted only at the byte boundary: P-384's field elements (m = p) and scalars (m = n) are
// both this type, told apart by their Modulus384. The limb code is written out in full (no loops,
// arrays or closures in the hot path) and the modulus limbs are compile-time constants once the
// optimizer specializes it per modulus; it does not try to be constant-time beyond what comes free.

/// The constants that make one Residue384 type: the modulus limbs and the Montgomery constants.
protocol Modulus384 {
    /// The modulus m as limbs, least significant first.
    static var m0: UInt64 { get }
    static var m1: UInt64 { get }
    static var m2: UInt64 { get }
    static var m3: UInt64 { get }
    static var m4: UInt64 { get }
    static var m5: UInt64 { get }
    /// −m⁻¹ mod 2^64.
    static var negativeInverse: UInt64 { get }
    /// 1 in Montgomery form (2^384 mod m).
    static var one: Residue384<Self> { get }
    /// 2^768 mod m: multiplying by it moves an integer into Montgomery form.
    static var rSquared: Residue384<Self> { get }
}

/// An integer modulo M's modulus, stored in Montgomery form (x·2^384 mod m), always fully reduced
/// into [0, m).
struct Residue384<M: Modulus384>: FixedWidthResidue, Sendable {
    var l0: UInt64
    var l1: UInt64
    var l2: UInt64
    var l3: UInt64
    var l4: UInt64
    var l5: UInt64

    @inline(__always)
    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64, _ l5: UInt64) {
        self.l0 = l0
        self.l1 = l1
        self.l2 = l2
        self.l3 = l3
        self.l4 = l4
        self.l5 = l5
    }
}

extension Residue384 {
    static var limbCount: Int { 6 }

    init(limbs: (Int) -> UInt64) { self.init(limbs(0), limbs(1), limbs(2), limbs(3), limbs(4), limbs(5)) }

    static var zero: Self { Self(0, 0, 0, 0, 0, 0) }
    static var one: Self { M.one }
    static var rSquared: Self { M.rSquared }
    /// The modulus, as integer limbs (least significant first).
    static var modulus: Self { Self(M.m0, M.m1, M.m2, M.m3, M.m4, M.m5) }

    @inline(__always)
    var isZero: Bool { (l0 | l1 | l2 | l3 | l4 | l5) == 0 }

    /// Subtracts the modulus once if (top·2^384 + value) >= m; the input must be < 2m.
    @inline(__always)
    static func reducedOnce(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, _ l4: UInt64, _ l5: UInt64, top: UInt64) -> Self {
        let (d0, b0) = subtractWithBorrow(l0, M.m0, 0)
        let (d1, b1) = subtractWithBorrow(l1, M.m1, b0)
        let (d2, b2) = subtractWithBorrow(l2, M.m2, b1)
        let (d3, b3) = subtractWithBorrow(l3, M.m3, b2)
        let (d4, b4) = subtractWithBorrow(l4, M.m4, b3)
        let (d5, b5) = subtractWithBorrow(l5, M.m5, b4)
        // Keep the difference unless it borrowed more than the top word holds (LLVM selects with cmov).
        let keepOriginal = b5 & (top ^ 1) != 0
        return Self(keepOriginal ? l0 : d0, keepOriginal ? l1 : d1, keepOriginal ? l2 : d2,
                    keepOriginal ? l3 : d3, keepOriginal ? l4 : d4, keepOriginal ? l5 : d5)
    }

    @inline(__always)
    static func + (a: Self, b: Self) -> Self {
        let (s0, c0) = addWithCarry(a.l0, b.l0, 0)
        let (s1, c1) = addWithCarry(a.l1, b.l1, c0)
        let (s2, c2) = addWithCarry(a.l2, b.l2, c1)
        let (s3, c3) = addWithCarry(a.l3, b.l3, c2)
        let (s4, c4) = addWithCarry(a.l4, b.l4, c3)
        let (s5, c5) = addWithCarry(a.l5, b.l5, c4)
        return reducedOnce(s0, s1, s2, s3, s4, s5, top: c5)
    }

    @inline(__always)
    static func - (a: Self, b: Self) -> Self {
        let (d0, b0) = subtractWithBorrow(a.l0, b.l0, 0)
        let (d1, b1) = subtractWithBorrow(a.l1, b.l1, b0)
        let (d2, b2) = subtractWithBorrow(a.l2, b.l2, b1)
        let (d3, b3) = subtractWithBorrow(a.l3, b.l3, b2)
        let (d4, b4) = subtractWithBorrow(a.l4, b.l4, b3)
        let (d5, b5) = subtractWithBorrow(a.l5, b.l5, b4)
        // Went below zero: add the modulus back (the final carry cancels the borrow); branch-free.
        let mask = 0 &- b5
        let (e0, c0) = addWithCarry(d0, M.m0 & mask, 0)
        let (e1, c1) = addWithCarry(d1, M.m1 & mask, c0)
        let (e2, c2) = addWithCarry(d2, M.m2 & mask, c1)
        let (e3, c3) = addWithCarry(d3, M.m3 & mask, c2)
        let (e4, c4) = addWithCarry(d4, M.m4 & mask, c3)
        let (e5, c5) = addWithCarry(d5, M.m5 & mask, c4)
        _ = c5
        return Self(e0, e1, e2, e3, e4, e5)
    }

    @inline(__always)
    func doubled() -> Self { self + self }

    @inline(__always)
    func negated() -> Self { Self.zero - self }

    /// Montgomery product a·b·2^-384 mod m (schoolbook product, then word-by-word reduction).
    @inline(__always)
    static func * (a: Self, b: Self) -> Self {
        let (t0_0, c_0) = multiplyWide(a.l0, b.l0)
        let (t1_0, c_1) = multiplyAdd(a.l0, b.l1, c_0)
        let (t2_0, c_2) = multiplyAdd(a.l0, b.l2, c_1)
        let (t3_0, c_3) = multiplyAdd(a.l0, b.l3, c_2)
        let (t4_0, c_4) = multiplyAdd(a.l0, b.l4, c_3)
        let (t5_0, c_5) = multiplyAdd(a.l0, b.l5, c_4)
        let (t1_1, c_6) = multiplyAdd(a.l1, b.l0, t1_0)
        let (t2_1, c_7) = multiplyAdd2(a.l1, b.l1, t2_0, c_6)
        let (t3_1, c_8) = multiplyAdd2(a.l1, b.l2, t3_0, c_7)
        let (t4_1, c_9) = multiplyAdd2(a.l1, b.l3, t4_0, c_8)
        let (t5_1, c_10) = multiplyAdd2(a.l1, b.l4, t5_0, c_9)
        let (t6_0, c_11) = multiplyAdd2(a.l1, b.l5, c_5, c_10)
        let (t2_2, c_12) = multiplyAdd(a.l2, b.l0, t2_1)
        let (t3_2, c_13) = multiplyAdd2(a.l2, b.l1, t3_1, c_12)
        let (t4_2, c_14) = multiplyAdd2(a.l2, b.l2, t4_1, c_13)
        let (t5_2, c_15) = multiplyAdd2(a.l2, b.l3, t5_1, c_14)
        let (t6_1, c_16) = multiplyAdd2(a.l2, b.l4, t6_0, c_15)
        let (t7_0, c_17) = multiplyAdd2(a.l2, b.l5, c_11, c_16)
        let (t3_3, c_18) = multiplyAdd(a.l3, b.l0, t3_2)
        let (t4_3, c_19) = multiplyAdd2(a.l3, b.l1, t4_2, c_18)
        let (t5_3, c_20) = multiplyAdd2(a.l3, b.l2, t5_2, c_19)
        let (t6_2, c_21) = multiplyAdd2(a.l3, b.l3, t6_1, c_20)
        let (t7_1, c_22) = multiplyAdd2(a.l3, b.l4, t7_0, c_21)
        let (t8_0, c_23) = multiplyAdd2(a.l3, b.l5, c_17, c_22)
        let (t4_4, c_24) = multiplyAdd(a.l4, b.l0, t4_3)
        let (t5_4, c_25) = multiplyAdd2(a.l4, b.l1, t5_3, c_24)
        let (t6_3, c_26) = multiplyAdd2(a.l4, b.l2, t6_2, c_25)
        let (t7_2, c_27) = multiplyAdd2(a.l4, b.l3, t7_1, c_26)
        let (t8_1, c_28) = multiplyAdd2(a.l4, b.l4, t8_0, c_27)
        let (t9_0, c_29) = multiplyAdd2(a.l4, b.l5, c_23, c_28)
        let (t5_5, c_30) = multiplyAdd(a.l5, b.l0, t5_4)
        let (t6_4, c_31) = multiplyAdd2(a.l5, b.l1, t6_3, c_30)
        let (t7_3, c_32) = multiplyAdd2(a.l5, b.l2, t7_2, c_31)
        let (t8_2, c_33) = multiplyAdd2(a.l5, b.l3, t8_1, c_32)
        let (t9_1, c_34) = multiplyAdd2(a.l5, b.l4, t9_0, c_33)
        let (t10_0, c_35) = multiplyAdd2(a.l5, b.l5, c_29, c_34)
        return montgomeryReduce(t0_0, t1_1, t2_2, t3_3, t4_4, t5_5, t6_4, t7_3, t8_2, t9_1, t10_0, c_35)
    }

    /// Montgomery square: off-diagonal products once, doubled, plus the squares.
    @inline(__always)
    func squared() -> Self {
        let (t1_0, c_0) = multiplyWide(l0, l1)
        let (t2_0, c_1) = multiplyAdd(l0, l2, c_0)
        let (t3_0, c_2) = multiplyAdd(l0, l3, c_1)
        let (t4_0, c_3) = multiplyAdd(l0, l4, c_2)
        let (t5_0, c_4) = multiplyAdd(l0, l5, c_3)
        let (t3_1, c_5) = multiplyAdd(l1, l2, t3_0)
        let (t4_1, c_6) = multiplyAdd2(l1, l3, t4_0, c_5)
        let (t5_1, c_7) = multiplyAdd2(l1, l4, t5_0, c_6)
        let (t6_0, c_8) = multiplyAdd2(l1, l5, c_4, c_7)
        let (t5_2, c_9) = multiplyAdd(l2, l3, t5_1)
        let (t6_1, c_10) = multiplyAdd2(l2, l4, t6_0, c_9)
        let (t7_0, c_11) = multiplyAdd2(l2, l5, c_8, c_10)
        let (t7_1, c_12) = multiplyAdd(l3, l4, t7_0)
        let (t8_0, c_13) = multiplyAdd2(l3, l5, c_11, c_12)
        let (t9_0, c_14) = multiplyAdd(l4, l5, c_13)
        // Double the off-diagonal sum (positions 1...10).
        let d1 = t1_0 << 1
        let d2 = (t2_0 << 1) | (t1_0 >> 63)
        let d3 = (t3_1 << 1) | (t2_0 >> 63)
        let d4 = (t4_1 << 1) | (t3_1 >> 63)
        let d5 = (t5_2 << 1) | (t4_1 >> 63)
        let d6 = (t6_1 << 1) | (t5_2 >> 63)
        let d7 = (t7_1 << 1) | (t6_1 >> 63)
        let d8 = (t8_0 << 1) | (t7_1 >> 63)
        let d9 = (t9_0 << 1) | (t8_0 >> 63)
        let d10 = (c_14 << 1) | (t9_0 >> 63)
        let d11 = (c_14 >> 63)
        // Add the squares l_i² at positions 2i, 2i+1.
        let (q0lo, q0hi) = multiplyWide(l0, l0)
        let (r1, k1) = addWithCarry(d1, q0hi, 0)
        let (q1lo, q1hi) = multiplyWide(l1, l1)
        let (r2, k2) = addWithCarry(d2, q1lo, k1)
        let (r3, k3) = addWithCarry(d3, q1hi, k2)
        let (q2lo, q2hi) = multiplyWide(l2, l2)
        let (r4, k4) = addWithCarry(d4, q2lo, k3)
        let (r5, k5) = addWithCarry(d5, q2hi, k4)
        let (q3lo, q3hi) = multiplyWide(l3, l3)
        let (r6, k6) = addWithCarry(d6, q3lo, k5)
        let (r7, k7) = addWithCarry(d7, q3hi, k6)
        let (q4lo, q4hi) = multiplyWide(l4, l4)
        let (r8, k8) = addWithCarry(d8, q4lo, k7)
        let (r9, k9) = addWithCarry(d9, q4hi, k8)
        let (q5lo, q5hi) = multiplyWide(l5, l5)
        let (r10, k10) = addWithCarry(d10, q5lo, k9)
        let (r11, k11) = addWithCarry(d11, q5hi, k10)
        _ = k11
        return Self.montgomeryReduce(q0lo, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11)
    }

    /// Montgomery reduction of a 12-word product t < m·2^384: t·2^-384 mod m.
    @inline(__always)
    static func montgomeryReduce(_ t0: UInt64, _ t1: UInt64, _ t2: UInt64, _ t3: UInt64, _ t4: UInt64, _ t5: UInt64, _ t6: UInt64, _ t7: UInt64, _ t8: UInt64, _ t9: UInt64, _ t10: UInt64, _ t11: UInt64) -> Self {
        let m_0 = t0 &* M.negativeInverse
        let (_, c_0) = multiplyAdd(m_0, M.m0, t0)
        let (t1_0, c_1) = multiplyAdd2(m_0, M.m1, t1, c_0)
        let (t2_0, c_2) = multiplyAdd2(m_0, M.m2, t2, c_1)
        let (t3_0, c_3) = multiplyAdd2(m_0, M.m3, t3, c_2)
        let (t4_0, c_4) = multiplyAdd2(m_0, M.m4, t4, c_3)
        let (t5_0, c_5) = multiplyAdd2(m_0, M.m5, t5, c_4)
        let (t6_0, top_0) = addWithCarry(t6, c_5, 0)
        let m_1 = t1_0 &* M.negativeInverse
        let (_, c_6) = multiplyAdd(m_1, M.m0, t1_0)
        let (t2_1, c_7) = multiplyAdd2(m_1, M.m1, t2_0, c_6)
        let (t3_1, c_8) = multiplyAdd2(m_1, M.m2, t3_0, c_7)
        let (t4_1, c_9) = multiplyAdd2(m_1, M.m3, t4_0, c_8)
        let (t5_1, c_10) = multiplyAdd2(m_1, M.m4, t5_0, c_9)
        let (t6_1, c_11) = multiplyAdd2(m_1, M.m5, t6_0, c_10)
        let (t7_0, top_1) = addWithCarry(t7, c_11, top_0)
        let m_2 = t2_1 &* M.negativeInverse
        let (_, c_12) = multiplyAdd(m_2, M.m0, t2_1)
        let (t3_2, c_13) = multiplyAdd2(m_2, M.m1, t3_1, c_12)
        let (t4_2, c_14) = multiplyAdd2(m_2, M.m2, t4_1, c_13)
        let (t5_2, c_15) = multiplyAdd2(m_2, M.m3, t5_1, c_14)
        let (t6_2, c_16) = multiplyAdd2(m_2, M.m4, t6_1, c_15)
        let (t7_1, c_17) = multiplyAdd2(m_2, M.m5, t7_0, c_16)
        let (t8_0, top_2) = addWithCarry(t8, c_17, top_1)
        let m_3 = t3_2 &* M.negativeInverse
        let (_, c_18) = multiplyAdd(m_3, M.m0, t3_2)
        let (t4_3, c_19) = multiplyAdd2(m_3, M.m1, t4_2, c_18)
        let (t5_3, c_20) = multiplyAdd2(m_3, M.m2, t5_2, c_19)
        let (t6_3, c_21) = multiplyAdd2(m_3, M.m3, t6_2, c_20)
        let (t7_2, c_22) = multiplyAdd2(m_3, M.m4, t7_1, c_21)
        let (t8_1, c_23) = multiplyAdd2(m_3, M.m5, t8_0, c_22)
        let (t9_0, top_3) = addWithCarry(t9, c_23, top_2)
        let m_4 = t4_3 &* M.negativeInverse
        let (_, c_24) = multiplyAdd(m_4, M.m0, t4_3)
        let (t5_4, c_25) = multiplyAdd2(m_4, M.m1, t5_3, c_24)
        let (t6_4, c_26) = multiplyAdd2(m_4, M.m2, t6_3, c_25)
        let (t7_3, c_27) = multiplyAdd2(m_4, M.m3, t7_2, c_26)
        let (t8_2, c_28) = multiplyAdd2(m_4, M.m4, t8_1, c_27)
        let (t9_1, c_29) = multiplyAdd2(m_4, M.m5, t9_0, c_28)
        let (t10_0, top_4) = addWithCarry(t10, c_29, top_3)
        let m_5 = t5_4 &* M.negativeInverse
        let (_, c_30) = multiplyAdd(m_5, M.m0, t5_4)
        let (t6_5, c_31) = multiplyAdd2(m_5, M.m1, t6_4, c_30)
        let (t7_4, c_32) = multiplyAdd2(m_5, M.m2, t7_3, c_31)
        let (t8_3, c_33) = multiplyAdd2(m_5, M.m3, t8_2, c_32)
        let (t9_2, c_34) = multiplyAdd2(m_5, M.m4, t9_1, c_33)
        let (t10_1, c_35) = multiplyAdd2(m_5, M.m5, t10_0, c_34)
        let (t11_0, top_5) = addWithCarry(t11, c_35, top_4)
        return reducedOnce(t6_5, t7_4, t8_3, t9_2, t10_1, t11_0, top: top_5)
    }

    /// The integer value (out of Montgomery form), as limbs, least significant first.
    var integerLimbs: Self {
        Self.montgomeryReduce(l0, l1, l2, l3, l4, l5, 0, 0, 0, 0, 0, 0)
    }

    /// Moves integer limbs known to be < m into Montgomery form.
    @inline(__always)
    init(montgomeryFromIntegerLimbs v: Self) { self = v * Self.rSquared }

    /// True when the integer limbs are < m.
    var isLessThanModulus: Bool {
        let (_, b0) = subtractWithBorrow(l0, M.m0, 0)
        let (_, b1) = subtractWithBorrow(l1, M.m1, b0)
        let (_, b2) = subtractWithBorrow(l2, M.m2, b1)
        let (_, b3) = subtractWithBorrow(l3, M.m3, b2)
        let (_, b4) = subtractWithBorrow(l4, M.m4, b3)
        let (_, b5) = subtractWithBorrow(l5, M.m5, b4)
        return b5 == 1
    }

    /// Reduces any 48-byte big-endian value modulo m (one subtraction suffices: m > 2^383).
    init(reducingBigEndianBytes bytes: ArraySlice<UInt8>) {
        let value = Self.integerLimbs(bigEndian: bytes)
        let reduced = Self.reducedOnce(value.l0, value.l1, value.l2, value.l3, value.l4, value.l5, top: 0)
        self.init(montgomeryFromIntegerLimbs: reduced)
    }

    /// The limb at `index` (0 = least significant); 0 past the top.
    @inline(__always)
    func limb(_ index: Int) -> UInt64 {
        switch index {
        case 0: return l0
        case 1: return l1
        case 2: return l2
        case 3: return l3
        case 4: return l4
        case 5: return l5
        default: return 0
        }
    }

    @inline(__always)
    func shiftedRightOne(top: UInt64) -> Self {
        Self((l0 >> 1) | (l1 << 63), (l1 >> 1) | (l2 << 63), (l2 >> 1) | (l3 << 63), (l3 >> 1) | (l4 << 63), (l4 >> 1) | (l5 << 63), (l5 >> 1) | (top << 63))
    }

    /// x/2 mod m for x < m: x or x + m, whichever is even, shifted right (m is odd).
    @inline(__always)
    func halvedModulo() -> Self {
        if l0 & 1 == 0 { return shiftedRightOne(top: 0) }
        let (s0, c0) = addWithCarry(l0, M.m0, 0)
        let (s1, c1) = addWithCarry(l1, M.m1, c0)
        let (s2, c2) = addWithCarry(l2, M.m2, c1)
        let (s3, c3) = addWithCarry(l3, M.m3, c2)
        let (s4, c4) = addWithCarry(l4, M.m4, c3)
        let (s5, c5) = addWithCarry(l5, M.m5, c4)
        return Self(s0, s1, s2, s3, s4, s5).shiftedRightOne(top: c5)
    }

    @inline(__always)
    func subtractingIntegerReportingBorrow(_ other: Self) -> (Self, UInt64) {
        let (d0, b0) = subtractWithBorrow(l0, other.l0, 0)
        let (d1, b1) = subtractWithBorrow(l1, other.l1, b0)
        let (d2, b2) = subtractWithBorrow(l2, other.l2, b1)
        let (d3, b3) = subtractWithBorrow(l3, other.l3, b2)
        let (d4, b4) = subtractWithBorrow(l4, other.l4, b3)
        let (d5, b5) = subtractWithBorrow(l5, other.l5, b4)
        return (Self(d0, d1, d2, d3, d4, d5), b5)
    }
}
