// Why an ECDSA signature encoding was refused before any arithmetic.

/// An ECDSA signature that is not a well-formed (r, s) pair for the curve.
public enum ECDSASignatureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The DER is malformed at `field` ("ECDSA-Sig-Value", "r", "s").
    case malformedDER(field: String)
    /// A raw r‖s signature of the wrong length.
    case wrongRawLength(expected: Int, actual: Int)
    /// r or s (named) is not in [1, n−1].
    case scalarOutOfRange(String)

    public var description: String {
        switch self {
        case .malformedDER(let field): return "malformed DER in \(field)"
        case .wrongRawLength(let expected, let actual): return "raw signature of \(actual) bytes, expected \(expected)"
        case .scalarOutOfRange(let name): return "signature \(name) is not in [1, n-1]"
        }
    }
}
