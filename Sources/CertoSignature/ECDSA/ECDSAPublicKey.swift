// A curve-agnostic ECDSA public key for callers that learn the curve from the key itself (X.509
// SubjectPublicKeyInfo): parses once, then dispatches verification to P256 / P384.Signing.
// Answers valid/invalid only; a signature that does not even parse is simply invalid.

/// An ECDSA public key on P-256 or P-384.
public struct ECDSAPublicKey: Sendable {
    enum Key: Sendable {
        case p256(P256.Signing.PublicKey)
        case p384(P384.Signing.PublicKey)
    }

    public let curve: ECDSACurve
    let key: Key

    /// From a DER SubjectPublicKeyInfo (id-ecPublicKey, namedCurve prime256v1 or secp384r1).
    public init(subjectPublicKeyInfoDER der: [UInt8]) throws(ECDSAKeyError) {
        let info = try ECPublicKeyInfo(derEncoded: der)
        try self.init(curve: info.curve, sec1Representation: info.point)
    }

    /// From a SEC1 point (uncompressed 04‖X‖Y or compressed 02/03‖X) on `curve`.
    public init(curve: ECDSACurve, sec1Representation: [UInt8]) throws(ECDSAKeyError) {
        self.curve = curve
        switch curve {
        case .p256: key = .p256(try P256.Signing.PublicKey(sec1Representation: sec1Representation))
        case .p384: key = .p384(try P384.Signing.PublicKey(sec1Representation: sec1Representation))
        }
    }

    /// From a PEM "PUBLIC KEY" block.
    public init(pemRepresentation: String) throws(ECDSAKeyError) {
        try self.init(subjectPublicKeyInfoDER: ECPublicKeyInfo.derBytes(fromPEM: pemRepresentation))
    }

    /// The uncompressed SEC1 point 04‖X‖Y.
    public var x963Representation: [UInt8] {
        switch key {
        case .p256(let key): return key.x963Representation
        case .p384(let key): return key.x963Representation
        }
    }

    /// Verifies a DER ECDSA-Sig-Value over `digest` (the hash of the message; truncated to the
    /// curve's bit length when longer). False for any malformed or out-of-range signature.
    public func isValidSignature(derSignature: [UInt8], digest: [UInt8]) -> Bool {
        switch key {
        case .p256(let key):
            guard let signature = try? P256.Signing.ECDSASignature(derRepresentation: derSignature) else { return false }
            return key.isValidSignature(signature, forDigest: digest)
        case .p384(let key):
            guard let signature = try? P384.Signing.ECDSASignature(derRepresentation: derSignature) else { return false }
            return key.isValidSignature(signature, forDigest: digest)
        }
    }

    /// Verifies a raw IEEE P1363 r‖s signature (exactly 2 × coordinateByteCount bytes).
    public func isValidSignature(rawSignature: [UInt8], digest: [UInt8]) -> Bool {
        switch key {
        case .p256(let key):
            guard let signature = try? P256.Signing.ECDSASignature(rawRepresentation: rawSignature) else { return false }
            return key.isValidSignature(signature, forDigest: digest)
        case .p384(let key):
            guard let signature = try? P384.Signing.ECDSASignature(rawRepresentation: rawSignature) else { return false }
            return key.isValidSignature(signature, forDigest: digest)
        }
    }
}

// MARK: - Errors

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
