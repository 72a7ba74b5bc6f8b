// `BigInt`: an arbitrary-precision signed integer, a thin copy-on-write value type over GMP's mpz.
// Every operation is one or two GMP calls; nothing here is constant-time (GMP's mpz is not), so use
// it for public values (verification, tests) only. Fixed-size Montgomery arithmetic is in MontgomeryModulus.
import CertoGMP

// Sendable: the storage is never mutated while shared (copy-on-write), so concurrent readers are safe.
public struct BigInt: @unchecked Sendable {
    var storage: BigIntStorage

    @inline(__always)
    init(storage: BigIntStorage) {
        self.storage = storage
    }

    /// Zero.
    public init() {
        storage = BigIntStorage.make()
    }

    public init(_ value: Int) {
        storage = BigIntStorage.make()
        __gmpz_set_si(storage.pointer, value)
    }

    public init(_ value: UInt64) {
        storage = BigIntStorage.make()
        __gmpz_set_ui(storage.pointer, UInt(value))
    }

    /// Read-only access to the mpz (for calls inside this module).
    @inline(__always)
    var raw: UnsafePointer<__mpz_struct> { UnsafePointer(storage.pointer) }

    /// Makes the storage unique before an in-place mutation.
    @inline(__always)
    mutating func uniqueRaw() -> UnsafeMutablePointer<__mpz_struct> {
        if !isKnownUniquelyReferenced(&storage) {
            let copy = BigIntStorage.make()
            __gmpz_set(copy.pointer, storage.pointer)
            storage = copy
        }
        return storage.pointer
    }

    /// Runs `body` with a fresh result storage and returns it as a `BigInt`.
    @inline(__always)
    static func result(_ body: (UnsafeMutablePointer<__mpz_struct>) -> Void) -> BigInt {
        let storage = BigIntStorage.make()
        body(storage.pointer)
        return withExtendedLifetime(storage) { BigInt(storage: storage) }
    }

    // MARK: Properties

    /// -1, 0 or 1.
    public var signum: Int {
        let size = raw.pointee._mp_size
        return size > 0 ? 1 : (size < 0 ? -1 : 0)
    }

    public var isZero: Bool { raw.pointee._mp_size == 0 }
    public var isNegative: Bool { raw.pointee._mp_size < 0 }
    public var isOdd: Bool { __gmpz_tstbit(raw, 0) == 1 }
    public var isEven: Bool { !isOdd }

    /// Number of bits in the magnitude, without sign or leading zeros: 0 for zero, 1 for ±1, 2048 for
    /// a 2048-bit modulus.
    public var bitLength: Int {
        isZero ? 0 : Int(__gmpz_sizeinbase(raw, 2))
    }

    /// Number of bytes in the magnitude's minimal big-endian encoding (0 for zero).
    public var byteLength: Int { (bitLength + 7) / 8 }

    /// Bit `index` of the value in two's complement (infinitely sign-extended), as GMP's `mpz_tstbit`.
    /// Negative indices answer false.
    public func testBit(_ index: Int) -> Bool {
        guard index >= 0 else { return false }
        return __gmpz_tstbit(raw, mp_bitcnt_t(index)) == 1
    }

    /// The absolute value.
    public var magnitude: BigInt {
        BigInt.result { __gmpz_abs($0, raw) }
    }

    /// The value as an `Int` when it fits, else nil.
    public var intValue: Int? {
        guard __gmpz_fits_slong_p(raw) != 0 else { return nil }
        return __gmpz_get_si(raw)
    }
}

extension BigInt: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) {
        self.init(value)
    }
}

extension BigInt: Equatable, Hashable, Comparable {
    public static func == (lhs: BigInt, rhs: BigInt) -> Bool {
        __gmpz_cmp(lhs.raw, rhs.raw) == 0
    }

    public static func < (lhs: BigInt, rhs: BigInt) -> Bool {
        __gmpz_cmp(lhs.raw, rhs.raw) < 0
    }

    public func hash(into hasher: inout Hasher) {
        let size = raw.pointee._mp_size
        hasher.combine(size)
        let count = Int(size.magnitude)
        if count > 0, let limbs = raw.pointee._mp_d {
            hasher.combine(bytes: UnsafeRawBufferPointer(start: limbs, count: count * MemoryLayout<mp_limb_t>.size))
        }
    }
}

extension BigInt: CustomStringConvertible, CustomDebugStringConvertible {
    /// Decimal, with a leading "-" when negative.
    public var description: String { decimalString }
    public var debugDescription: String { "BigInt(0x\(hexString))" }
}

// MARK: - Errors

// Errors from CertoBigInt: malformed text, division by zero, values that do not fit, no inverse.
// A closed enum, so callers can switch over every case; never a trap on bad input.
public enum BigIntError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A hex or decimal string was empty or had an invalid character at `offset` (in UTF-8 bytes).
    case malformedString(offset: Int)
    /// Division or reduction by zero.
    case divisionByZero
    /// The value needs more than `byteCount` bytes (or is negative) and so cannot be serialized at that width.
    case doesNotFit(byteCount: Int)
    /// A modular exponentiation with a negative exponent, where the base has no inverse.
    case notInvertible
    /// A negative value where only non-negative ones make sense (e.g. an exponent, a shift count).
    case negativeValue
    /// A Montgomery modulus must be odd and greater than 1.
    case invalidModulus

    public var description: String {
        switch self {
        case .malformedString(let offset): return "malformed number string at byte \(offset)"
        case .divisionByZero: return "division by zero"
        case .doesNotFit(let count): return "value does not fit in \(count) bytes"
        case .notInvertible: return "value has no modular inverse"
        case .negativeValue: return "negative value not allowed here"
        case .invalidModulus: return "modulus must be odd and greater than 1"
        }
    }
}
