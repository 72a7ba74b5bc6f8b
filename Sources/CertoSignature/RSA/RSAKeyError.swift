// Why an RSA public key was refused: malformed encodings (with the field that failed), algorithms
// and parameters we do not accept, and the numeric checks on modulus and exponent.
// A closed enum so callers can map each case to a stable message; signature checks never throw.

public enum RSAKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The DER did not parse, or a field had the wrong type or encoding. `field` names where, e.g.
    /// "SubjectPublicKeyInfo.algorithm.parameters".
    case malformedDER(field: String)
    /// The PEM text was not a single well-formed PEM block.
    case malformedPEM
    /// A PEM block of a type other than "PUBLIC KEY" or "RSA PUBLIC KEY".
    case unexpectedPEMType(String)
    /// The SubjectPublicKeyInfo algorithm is neither rsaEncryption nor id-RSASSA-PSS (dotted OID).
    case unsupportedAlgorithm(oid: String)
    /// A hash or mask generation function in the RSASSA-PSS parameters that we do not support (dotted OID).
    case unsupportedPSSParameter(field: String, oid: String)
    /// RSASSA-PSS parameters that are well-formed DER but not allowed (e.g. trailerField ≠ 1).
    case invalidPSSParameters(field: String)
    /// The modulus is even (it cannot be a product of two odd primes).
    case modulusEven
    /// The modulus is outside 1024...16384 bits.
    case modulusSize(bits: Int)
    /// The public exponent is even or not greater than 1.
    case invalidExponent
    /// The public exponent is longer than 64 bits (as OpenSSL, a bound on verification work).
    case exponentTooLarge(bits: Int)

    public var description: String {
        switch self {
        case .malformedDER(let field): return "malformed DER in \(field)"
        case .malformedPEM: return "malformed PEM"
        case .unexpectedPEMType(let type): return "unexpected PEM type \"\(type)\" (want PUBLIC KEY or RSA PUBLIC KEY)"
        case .unsupportedAlgorithm(let oid): return "unsupported public key algorithm \(oid)"
        case .unsupportedPSSParameter(let field, let oid): return "unsupported \(field) \(oid) in RSASSA-PSS parameters"
        case .invalidPSSParameters(let field): return "invalid RSASSA-PSS parameters: \(field)"
        case .modulusEven: return "RSA modulus is even"
        case .modulusSize(let bits): return "RSA modulus of \(bits) bits is outside 1024...16384"
        case .invalidExponent: return "RSA public exponent must be odd and greater than 1"
        case .exponentTooLarge(let bits): return "RSA public exponent of \(bits) bits is longer than 64 bits"
        }
    }
}
