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
