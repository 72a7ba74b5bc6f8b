// What Residue256 and Residue384 share beyond their width: the algorithms that are not limb code
// (byte conversion, exponentiation, the binary extended Euclidean inverse), written once over the
// per-width primitives. Internal and only used on the concrete types, so the optimizer specializes
// them; none of them is in the point formulas' inner loops.

protocol FixedWidthResidue: Equatable {
    /// 64-bit limbs in a value.
    static var limbCount: Int { get }
    static var zero: Self { get }
    /// 1 in Montgomery form.
    static var one: Self { get }
    /// The modulus as integer limbs.
    static var modulus: Self { get }
    /// A value from its limbs, `limbs(0)` the least significant.
    init(limbs: (Int) -> UInt64)
    /// Moves integer limbs known to be below the modulus into Montgomery form.
    init(montgomeryFromIntegerLimbs value: Self)
    func limb(_ index: Int) -> UInt64
    var isZero: Bool { get }
    /// True when the integer limbs are below the modulus.
    var isLessThanModulus: Bool { get }
    /// The integer value, out of Montgomery form.
    var integerLimbs: Self { get }
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    func squared() -> Self
    /// The integer value shifted right by one bit, `top` entering at the most significant bit.
    func shiftedRightOne(top: UInt64) -> Self
    /// x/2 mod m for an integer x < m.
    func halvedModulo() -> Self
    /// The integer difference and the borrow out (0 or 1).
    func subtractingIntegerReportingBorrow(_ other: Self) -> (Self, UInt64)
}

extension FixedWidthResidue {
    /// The integer 1 (not Montgomery form).
    static var integerOne: Self { Self(limbs: { $0 == 0 ? 1 : 0 }) }

    /// Reads 8·limbCount big-endian bytes as integer limbs (not reduced, not in Montgomery form).
    static func integerLimbs(bigEndian bytes: ArraySlice<UInt8>) -> Self {
        precondition(bytes.count == 8 * limbCount, "expected \(8 * limbCount) bytes")
        return Self(limbs: { index in
            // Limb `index` is the index-th 8-byte word counted from the end.
            let start = bytes.endIndex - 8 * (index + 1)
            var value: UInt64 = 0
            for offset in 0..<8 { value = (value << 8) | UInt64(bytes[start + offset]) }
            return value
        })
    }

    /// Writes integer limbs as 8·limbCount big-endian bytes.
    var integerBigEndianBytes: [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(8 * Self.limbCount)
        for index in stride(from: Self.limbCount - 1, through: 0, by: -1) {
            let word = limb(index)
            for shift in stride(from: 56, through: 0, by: -8) {
                bytes.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return bytes
    }

    /// Parses 8·limbCount big-endian bytes; nil when the value is not below the modulus. The
    /// result is in Montgomery form.
    init?(bigEndianBytes bytes: ArraySlice<UInt8>) {
        guard bytes.count == 8 * Self.limbCount else { return nil }
        let value = Self.integerLimbs(bigEndian: bytes)
        guard value.isLessThanModulus else { return nil }
        self.init(montgomeryFromIntegerLimbs: value)
    }

    /// The value as big-endian bytes (out of Montgomery form).
    var bigEndianBytes: [UInt8] { integerLimbs.integerBigEndianBytes }

    /// self^e for an exponent given as integer limbs, with a fixed 4-bit window. The sequence of
    /// operations depends only on the exponent, which is always a public constant here.
    func raised(toLimbs e: Self) -> Self {
        withUnsafeTemporaryAllocation(of: Self.self, capacity: 16) { table in
            table[0] = Self.one
            for i in 1..<16 { table[i] = table[i - 1] * self }
            var result = Self.one
            for word in stride(from: Self.limbCount - 1, through: 0, by: -1) {
                let bits = e.limb(word)
                for nibble in stride(from: 60, through: 0, by: -4) {
                    result = result.squared().squared().squared().squared()
                    result = result * table[Int((bits >> UInt64(nibble)) & 0xf)]
                }
            }
            return result
        }
    }

    /// The multiplicative inverse by Fermat's little theorem (m is prime): self^(m−2); 0 maps to 0.
    /// m's lowest limb is odd and above 2 for every modulus here, so m − 2 borrows nothing.
    func inverted() -> Self {
        let modulus = Self.modulus
        return raised(toLimbs: Self(limbs: { $0 == 0 ? modulus.limb(0) &- 2 : modulus.limb($0) }))
    }

    /// The inverse modulo m of integer (non-Montgomery) limbs by the binary extended Euclidean
    /// algorithm: invariants x1·a ≡ u and x2·a ≡ v (mod m). Variable-time (public values only);
    /// 0 maps to 0. About three times faster than Fermat's exponentiation.
    func integerInverseVarTime() -> Self {
        if isZero { return .zero }
        let one = Self.integerOne
        var u = self
        var v = Self.modulus
        var x1 = one
        var x2 = Self.zero
        while u != one && v != one {
            while u.limb(0) & 1 == 0 {
                u = u.shiftedRightOne(top: 0)
                x1 = x1.halvedModulo()
            }
            while v.limb(0) & 1 == 0 {
                v = v.shiftedRightOne(top: 0)
                x2 = x2.halvedModulo()
            }
            let (difference, borrow) = u.subtractingIntegerReportingBorrow(v)
            if borrow == 0 {
                u = difference
                x1 = x1 - x2
            } else {
                v = v.subtractingIntegerReportingBorrow(u).0
                x2 = x2 - x1
            }
        }
        return u == one ? x1 : x2
    }
}
