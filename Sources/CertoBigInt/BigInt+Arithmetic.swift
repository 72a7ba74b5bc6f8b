// Arithmetic on `BigInt`: each operator is one GMP call into a fresh result (or in place when the
// storage is unique). Division and reduction throw on a zero divisor instead of letting GMP abort;
// modular exponentiation and inverse check their arguments for the same reason.
import CertoGMP

extension BigInt {
    // MARK: + − ×

    public static func + (lhs: BigInt, rhs: BigInt) -> BigInt {
        result { __gmpz_add($0, lhs.raw, rhs.raw) }
    }

    public static func - (lhs: BigInt, rhs: BigInt) -> BigInt {
        result { __gmpz_sub($0, lhs.raw, rhs.raw) }
    }

    public static func * (lhs: BigInt, rhs: BigInt) -> BigInt {
        result { __gmpz_mul($0, lhs.raw, rhs.raw) }
    }

    public static prefix func - (operand: BigInt) -> BigInt {
        result { __gmpz_neg($0, operand.raw) }
    }

    public static func += (lhs: inout BigInt, rhs: BigInt) {
        let other = rhs.storage
        withExtendedLifetime(other) { __gmpz_add(lhs.uniqueRaw(), lhs.raw, other.pointer) }
    }

    public static func -= (lhs: inout BigInt, rhs: BigInt) {
        let other = rhs.storage
        withExtendedLifetime(other) { __gmpz_sub(lhs.uniqueRaw(), lhs.raw, other.pointer) }
    }

    public static func *= (lhs: inout BigInt, rhs: BigInt) {
        let other = rhs.storage
        withExtendedLifetime(other) { __gmpz_mul(lhs.uniqueRaw(), lhs.raw, other.pointer) }
    }

    /// `self` raised to a non-negative machine-word power (no modulus). The result must stay under
    /// `maximumBitLength` bits (a programmer error otherwise).
    public func power(_ exponent: Int) throws(BigIntError) -> BigInt {
        guard exponent >= 0 else { throw .negativeValue }
        precondition(bitLength <= 1 || exponent <= BigInt.maximumBitLength / bitLength, "BigInt.power(\(exponent)): result too large")
        return BigInt.result { __gmpz_pow_ui($0, raw, UInt(exponent)) }
    }

    // MARK: Division

    /// Truncating division, as Swift's `Int`: the quotient rounds toward zero and the remainder has
    /// the dividend's sign, so `quotient * divisor + remainder == self`.
    public func quotientAndRemainder(dividingBy divisor: BigInt) throws(BigIntError) -> (quotient: BigInt, remainder: BigInt) {
        guard !divisor.isZero else { throw .divisionByZero }
        let quotient = BigIntStorage.make()
        let remainder = BigIntStorage.make()
        __gmpz_tdiv_qr(quotient.pointer, remainder.pointer, raw, divisor.raw)
        return (BigInt(storage: quotient), BigInt(storage: remainder))
    }

    /// Truncating quotient (rounds toward zero). Throws on a zero divisor.
    public static func / (lhs: BigInt, rhs: BigInt) throws(BigIntError) -> BigInt {
        guard !rhs.isZero else { throw .divisionByZero }
        return result { __gmpz_tdiv_q($0, lhs.raw, rhs.raw) }
    }

    /// Truncating remainder (sign of the dividend), as Swift's `%`. Throws on a zero divisor.
    public static func % (lhs: BigInt, rhs: BigInt) throws(BigIntError) -> BigInt {
        guard !rhs.isZero else { throw .divisionByZero }
        return result { __gmpz_tdiv_r($0, lhs.raw, rhs.raw) }
    }

    /// The residue of `self` modulo `modulus`, always in `0 ..< |modulus|`. Throws on a zero modulus.
    public func mod(_ modulus: BigInt) throws(BigIntError) -> BigInt {
        guard !modulus.isZero else { throw .divisionByZero }
        return BigInt.result { __gmpz_mod($0, raw, modulus.raw) }
    }

    // MARK: Shifts

    /// Results above this many bits are a programmer error (GMP would abort or exhaust memory).
    public static let maximumBitLength = 1 << 32

    /// `self · 2^count`; a negative count shifts right. The result must stay under `maximumBitLength`.
    public static func << (lhs: BigInt, count: Int) -> BigInt {
        if count < 0 { return lhs >> (count == .min ? .max : -count) }
        precondition(lhs.isZero || count <= maximumBitLength - lhs.bitLength, "BigInt << \(count): result too large")
        return result { __gmpz_mul_2exp($0, lhs.raw, mp_bitcnt_t(count)) }
    }

    /// `floor(self / 2^count)` (an arithmetic shift, so -1 >> 1 == -1); a negative count shifts left.
    public static func >> (lhs: BigInt, count: Int) -> BigInt {
        if count < 0 { return lhs << (count == .min ? .max : -count) }
        return result { __gmpz_fdiv_q_2exp($0, lhs.raw, mp_bitcnt_t(count)) }
    }

    // MARK: Number theory

    /// The greatest common divisor, non-negative; gcd(0, 0) == 0.
    public func gcd(_ other: BigInt) -> BigInt {
        BigInt.result { __gmpz_gcd($0, raw, other.raw) }
    }

    /// `self^exponent mod modulus`, in `0 ..< |modulus|`. A negative exponent uses the inverse of
    /// `self` and throws `notInvertible` when there is none; a zero modulus throws `divisionByZero`.
    /// Variable-time (GMP's mpz_powm): for public values.
    public func modPow(_ exponent: BigInt, modulus: BigInt) throws(BigIntError) -> BigInt {
        guard !modulus.isZero else { throw .divisionByZero }
        if exponent.isNegative {
            guard modInverse(modulus) != nil else { throw .notInvertible }
        }
        return BigInt.result { __gmpz_powm($0, raw, exponent.raw, modulus.raw) }
    }

    /// The inverse of `self` modulo `modulus`, in `0 ..< |modulus|`, or nil when gcd(self, modulus) ≠ 1
    /// or the modulus is zero.
    public func modInverse(_ modulus: BigInt) -> BigInt? {
        guard !modulus.isZero else { return nil }
        let storage = BigIntStorage.make()
        let found = __gmpz_invert(storage.pointer, raw, modulus.raw)
        return found != 0 ? BigInt(storage: storage) : nil
    }
}
