// Why an ECDSA public key was refused: one closed enum for SPKI, PEM and SEC1 point parsing.

/// An ECDSA public key that could not be parsed or is not a valid point.
public enum ECDSAKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The DER is malformed at `field` (a path such as "SubjectPublicKeyInfo.algorithm").
    case malformedDER(field: String)
    /// The SubjectPublicKeyInfo algorithm is not id-ecPublicKey (1.2.840.10045.2.1).
    case notAnECPublicKey(algorithm: String)
    /// id-ecPublicKey without ECParameters.
    case missingCurveParameters
    /// ECParameters given as an explicit `specifiedCurve` (RFC 5480 forbids it; Certo refuses it).
    case explicitCurveParametersNotSupported
    /// ECParameters given as `implicitCurve` (NULL), which names no curve.
    case implicitCurveNotSupported
    /// A namedCurve other than prime256v1 / secp384r1.
    case unsupportedCurve(oid: String)
    /// A key for one curve where another was required.
    case curveMismatch(expected: String, found: String)
    /// The SEC1 point bytes have the wrong length or format.
    case invalidPointEncoding(String)
    /// A coordinate is >= p.
    case coordinateOutOfRange
    /// The point does not satisfy the curve equation (or a compressed x has no y).
    case pointNotOnCurve
    /// The point at infinity is not a public key.
    case pointAtInfinity
    /// The PEM text could not be decoded.
    case invalidPEM(String)
    /// A PEM block other than "PUBLIC KEY".
    case unexpectedPEMType(String)

    public var description: String {
        switch self {
        case .malformedDER(let field): return "malformed DER in \(field)"
        case .notAnECPublicKey(let algorithm): return "not an EC public key (algorithm \(algorithm))"
        case .missingCurveParameters: return "EC public key without curve parameters"
        case .explicitCurveParametersNotSupported: return "explicit EC curve parameters are not supported (use a named curve)"
        case .implicitCurveNotSupported: return "implicitCurve EC parameters are not supported (use a named curve)"
        case .unsupportedCurve(let oid): return "unsupported EC curve \(oid)"
        case .curveMismatch(let expected, let found): return "expected a \(expected) key, found \(found)"
        case .invalidPointEncoding(let reason): return "invalid EC point encoding: \(reason)"
        case .coordinateOutOfRange: return "EC point coordinate is not less than p"
        case .pointNotOnCurve: return "EC point is not on the curve"
        case .pointAtInfinity: return "EC point is the point at infinity"
        case .invalidPEM(let reason): return "invalid PEM: \(reason)"
        case .unexpectedPEMType(let type): return "expected a PUBLIC KEY PEM block, found \(type)"
        }
    }
}
