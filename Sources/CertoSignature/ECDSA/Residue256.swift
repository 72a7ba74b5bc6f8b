// Arithmetic modulo an odd 256-bit modulus m (2^255 < m < 2^256) as 4 64-bit limbs in Montgomery
// form, converted only at the byte boundary: P-256's field elements (m = p) and scalars (m = n) are
// both this type, told apart by their Modulus256, which also supplies the Montgomery reduction (p
// has a special form, n does not). The limb code is written out in full (no loops, arrays or
// closures in the hot path) and the modulus limbs are compile-time constants once the optimizer
// specializes it per modulus; it does not try to be constant-time beyond what comes free.

/// The constants and the reduction that make one Residue256 type.
protocol Modulus256 {
    /// The modulus m as limbs, least significant first.
    static var m0: UInt64 { get }
    static var m1: UInt64 { get }
    static var m2: UInt64 { get }
    static var m3: UInt64 { get }
    /// 1 in Montgomery form (2^256 mod m).
    static var one: Residue256<Self> { get }
    /// 2^512 mod m: multiplying by it moves an integer into Montgomery form.
    static var rSquared: Residue256<Self> { get }
    /// Montgomery reduction of an 8-word product t < m·2^256: t·2^-256 mod m.
    static func montgomeryReduce(_ t0: UInt64, _ t1: UInt64, _ t2: UInt64, _ t3: UInt64, _ t4: UInt64, _ t5: UInt64, _ t6: UInt64, _ t7: UInt64) -> Residue256<Self>
}

/// An integer modulo M's modulus, stored in Montgomery form (x·2^256 mod m), always fully reduced
/// into [0, m).
struct Residue256<M: Modulus256>: FixedWidthResidue, Sendable {
    var l0: UInt64
    var l1: UInt64
    var l2: UInt64
    var l3: UInt64

    @inline(__always)
    init(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64) {
        self.l0 = l0
        self.l1 = l1
        self.l2 = l2
        self.l3 = l3
    }
}

extension Residue256 {
    static var limbCount: Int { 4 }

    init(limbs: (Int) -> UInt64) { self.init(limbs(0), limbs(1), limbs(2), limbs(3)) }

    static var zero: Self { Self(0, 0, 0, 0) }
    static var one: Self { M.one }
    static var rSquared: Self { M.rSquared }
    /// The modulus, as integer limbs (least significant first).
    static var modulus: Self { Self(M.m0, M.m1, M.m2, M.m3) }

    @inline(__always)
    var isZero: Bool { (l0 | l1 | l2 | l3) == 0 }

    /// Subtracts the modulus once if (top·2^256 + value) >= m; the input must be < 2m.
    @inline(__always)
    static func reducedOnce(_ l0: UInt64, _ l1: UInt64, _ l2: UInt64, _ l3: UInt64, top: UInt64) -> Self {
        let (d0, b0) = subtractWithBorrow(l0, M.m0, 0)
        let (d1, b1) = subtractWithBorrow(l1, M.m1, b0)
        let (d2, b2) = subtractWithBorrow(l2, M.m2, b1)
        let (d3, b3) = subtractWithBorrow(l3, M.m3, b2)
        // Keep the difference unless it borrowed more than the top word holds (LLVM selects with cmov).
        let keepOriginal = b3 & (top ^ 1) != 0
        return Self(keepOriginal ? l0 : d0, keepOriginal ? l1 : d1, keepOriginal ? l2 : d2, keepOriginal ? l3 : d3)
    }

    @inline(__always)
    static func + (a: Self, b: Self) -> Self {
        let (s0, c0) = addWithCarry(a.l0, b.l0, 0)
        let (s1, c1) = addWithCarry(a.l1, b.l1, c0)
        let (s2, c2) = addWithCarry(a.l2, b.l2, c1)
        let (s3, c3) = addWithCarry(a.l3, b.l3, c2)
        return reducedOnce(s0, s1, s2, s3, top: c3)
    }

    @inline(__always)
    static func - (a: Self, b: Self) -> Self {
        let (d0, b0) = subtractWithBorrow(a.l0, b.l0, 0)
        let (d1, b1) = subtractWithBorrow(a.l1, b.l1, b0)
        let (d2, b2) = subtractWithBorrow(a.l2, b.l2, b1)
        let (d3, b3) = subtractWithBorrow(a.l3, b.l3, b2)
        // Went below zero: add the modulus back (the final carry cancels the borrow); branch-free.
        let mask = 0 &- b3
        let (e0, c0) = addWithCarry(d0, M.m0 & mask, 0)
        let (e1, c1) = addWithCarry(d1, M.m1 & mask, c0)
        let (e2, c2) = addWithCarry(d2, M.m2 & mask, c1)
        let (e3, c3) = addWithCarry(d3, M.m3 & mask, c2)
        _ = c3
        return Self(e0, e1, e2, e3)
    }

    @inline(__always)
    func doubled() -> Self { self + self }

    @inline(__always)
    func negated() -> Self { Self.zero - self }

    /// Montgomery product a·b·2^-256 mod m (schoolbook product, then word-by-word reduction).
    @inline(__always)
    static func * (a: Self, b: Self) -> Self {
        let (t0_0, c_0) = multiplyWide(a.l0, b.l0)
        let (t1_0, c_1) = multiplyAdd(a.l0, b.l1, c_0)
        let (t2_0, c_2) = multiplyAdd(a.l0, b.l2, c_1)
        let (t3_0, c_3) = multiplyAdd(a.l0, b.l3, c_2)
        let (t1_1, c_4) = multiplyAdd(a.l1, b.l0, t1_0)
        let (t2_1, c_5) = multiplyAdd2(a.l1, b.l1, t2_0, c_4)
        let (t3_1, c_6) = multiplyAdd2(a.l1, b.l2, t3_0, c_5)
        let (t4_0, c_7) = multiplyAdd2(a.l1, b.l3, c_3, c_6)
        let (t2_2, c_8) = multiplyAdd(a.l2, b.l0, t2_1)
        let (t3_2, c_9) = multiplyAdd2(a.l2, b.l1, t3_1, c_8)
        let (t4_1, c_10) = multiplyAdd2(a.l2, b.l2, t4_0, c_9)
        let (t5_0, c_11) = multiplyAdd2(a.l2, b.l3, c_7, c_10)
        let (t3_3, c_12) = multiplyAdd(a.l3, b.l0, t3_2)
        let (t4_2, c_13) = multiplyAdd2(a.l3, b.l1, t4_1, c_12)
        let (t5_1, c_14) = multiplyAdd2(a.l3, b.l2, t5_0, c_13)
        let (t6_0, c_15) = multiplyAdd2(a.l3, b.l3, c_11, c_14)
        return montgomeryReduce(t0_0, t1_1, t2_2, t3_3, t4_2, t5_1, t6_0, c_15)
    }

    /// Montgomery square: off-diagonal products once, doubled, plus the squares.
    @inline(__always)
    func squared() -> Self {
        let (t1_0, c_0) = multiplyWide(l0, l1)
        let (t2_0, c_1) = multiplyAdd(l0, l2, c_0)
        let (t3_0, c_2) = multiplyAdd(l0, l3, c_1)
        let (t3_1, c_3) = multiplyAdd(l1, l2, t3_0)
        let (t4_0, c_4) = multiplyAdd2(l1, l3, c_2, c_3)
        let (t5_0, c_5) = multiplyAdd(l2, l3, c_4)
        // Double the off-diagonal sum (positions 1...6).
        let d1 = t1_0 << 1
        let d2 = (t2_0 << 1) | (t1_0 >> 63)
        let d3 = (t3_1 << 1) | (t2_0 >> 63)
        let d4 = (t4_0 << 1) | (t3_1 >> 63)
        let d5 = (t5_0 << 1) | (t4_0 >> 63)
        let d6 = (c_5 << 1) | (t5_0 >> 63)
        let d7 = (c_5 >> 63)
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
        _ = k7
        return Self.montgomeryReduce(q0lo, r1, r2, r3, r4, r5, r6, r7)
    }

    /// The modulus' Montgomery reduction of an 8-word product t < m·2^256: t·2^-256 mod m.
    @inline(__always)
    static func montgomeryReduce(_ t0: UInt64, _ t1: UInt64, _ t2: UInt64, _ t3: UInt64, _ t4: UInt64, _ t5: UInt64, _ t6: UInt64, _ t7: UInt64) -> Self {
        M.montgomeryReduce(t0, t1, t2, t3, t4, t5, t6, t7)
    }

    /// Montgomery reduction word by word, for a modulus without a special form: each step adds
    /// q·m with q = t_i·(−m⁻¹ mod 2^64) so that word i vanishes.
    @inline(__always)
    static func montgomeryReduceWordByWord(_ t0: UInt64, _ t1: UInt64, _ t2: UInt64, _ t3: UInt64, _ t4: UInt64, _ t5: UInt64, _ t6: UInt64, _ t7: UInt64, negativeInverse: UInt64) -> Self {
        let m_0 = t0 &* negativeInverse
        let (_, c_0) = multiplyAdd(m_0, M.m0, t0)
        let (t1_0, c_1) = multiplyAdd2(m_0, M.m1, t1, c_0)
        let (t2_0, c_2) = multiplyAdd2(m_0, M.m2, t2, c_1)
        let (t3_0, c_3) = multiplyAdd2(m_0, M.m3, t3, c_2)
        let (t4_0, top_0) = addWithCarry(t4, c_3, 0)
        let m_1 = t1_0 &* negativeInverse
        let (_, c_4) = multiplyAdd(m_1, M.m0, t1_0)
        let (t2_1, c_5) = multiplyAdd2(m_1, M.m1, t2_0, c_4)
        let (t3_1, c_6) = multiplyAdd2(m_1, M.m2, t3_0, c_5)
        let (t4_1, c_7) = multiplyAdd2(m_1, M.m3, t4_0, c_6)
        let (t5_0, top_1) = addWithCarry(t5, c_7, top_0)
        let m_2 = t2_1 &* negativeInverse
        let (_, c_8) = multiplyAdd(m_2, M.m0, t2_1)
        let (t3_2, c_9) = multiplyAdd2(m_2, M.m1, t3_1, c_8)
        let (t4_2, c_10) = multiplyAdd2(m_2, M.m2, t4_1, c_9)
        let (t5_1, c_11) = multiplyAdd2(m_2, M.m3, t5_0, c_10)
        let (t6_0, top_2) = addWithCarry(t6, c_11, top_1)
        let m_3 = t3_2 &* negativeInverse
        let (_, c_12) = multiplyAdd(m_3, M.m0, t3_2)
        let (t4_3, c_13) = multiplyAdd2(m_3, M.m1, t4_2, c_12)
        let (t5_2, c_14) = multiplyAdd2(m_3, M.m2, t5_1, c_13)
        let (t6_1, c_15) = multiplyAdd2(m_3, M.m3, t6_0, c_14)
        let (t7_0, top_3) = addWithCarry(t7, c_15, top_2)
        return reducedOnce(t4_3, t5_2, t6_1, t7_0, top: top_3)
    }

    /// The integer value (out of Montgomery form), as limbs, least significant first.
    var integerLimbs: Self {
        Self.montgomeryReduce(l0, l1, l2, l3, 0, 0, 0, 0)
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
        return b3 == 1
    }

    /// Reduces any 32-byte big-endian value modulo m (one subtraction suffices: m > 2^255).
    init(reducingBigEndianBytes bytes: ArraySlice<UInt8>) {
        let value = Self.integerLimbs(bigEndian: bytes)
        let reduced = Self.reducedOnce(value.l0, value.l1, value.l2, value.l3, top: 0)
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
        default: return 0
        }
    }

    @inline(__always)
    func shiftedRightOne(top: UInt64) -> Self {
        Self((l0 >> 1) | (l1 << 63), (l1 >> 1) | (l2 << 63), (l2 >> 1) | (l3 << 63), (l3 >> 1) | (top << 63))
    }

    /// x/2 mod m for x < m: x or x + m, whichever is even, shifted right (m is odd).
    @inline(__always)
    func halvedModulo() -> Self {
        if l0 & 1 == 0 { return shiftedRightOne(top: 0) }
        let (s0, c0) = addWithCarry(l0, M.m0, 0)
        let (s1, c1) = addWithCarry(l1, M.m1, c0)
        let (s2, c2) = addWithCarry(l2, M.m2, c1)
        let (s3, c3) = addWithCarry(l3, M.m3, c2)
        return Self(s0, s1, s2, s3).shiftedRightOne(top: c3)
    }

    @inline(__always)
    func subtractingIntegerReportingBorrow(_ other: Self) -> (Self, UInt64) {
        let (d0, b0) = subtractWithBorrow(l0, other.l0, 0)
        let (d1, b1) = subtractWithBorrow(l1, other.l1, b0)
        let (d2, b2) = subtractWithBorrow(l2, other.l2, b1)
        let (d3, b3) = subtractWithBorrow(l3, other.l3, b2)
        return (Self(d0, d1, d2, d3), b3)
    }
}
