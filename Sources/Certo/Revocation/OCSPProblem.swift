// Why an OCSP response (RFC 6960) for a certificate cannot answer for it: each a fact a program can
// act on, described in library words.

/// Why an OCSP response cannot answer for a certificate.
public enum OCSPProblem: Error, Sendable, Equatable, CustomStringConvertible {
    /// The response does not parse (or is not an OCSPResponse at all).
    case malformed(CertificateError)
    /// The responder answered with an error status instead of a response (§4.2.1).
    case responderError(OCSPResponseStatus)
    /// No SingleResponse's CertID names this certificate and its issuer (§4.2.2.3).
    case noResponseForCertificate
    /// The responder does not know the certificate (§2.2 "unknown").
    case certificateUnknown
    /// The signer is neither the issuing CA nor a certificate the CA issued for OCSP signing (§4.2.2.2).
    case unauthorizedResponder
    /// A delegated responder's certificate is not signed by the issuing CA's key.
    case responderNotIssuedByCA
    /// A delegated responder's certificate lacks id-kp-OCSPSigning in its extKeyUsage (§4.2.2.2).
    case responderLacksOCSPSigning
    /// A delegated responder's keyUsage does not allow digitalSignature.
    case responderLacksDigitalSignature
    /// A delegated responder's certificate is outside its validity period at the validation time.
    case responderCertificateExpired(notAfter: Int64)
    /// A delegated responder's certificate is not valid yet at the validation time.
    case responderCertificateNotYetValid(notBefore: Int64)
    /// A delegated responder's certificate carries a critical extension Certo does not process.
    case responderUnhandledCriticalExtension(oid: String)
    /// The signer's key does not verify the response.
    case badSignature
    /// The response's signature algorithm or key is refused or not supported.
    indirect case signatureRefused(VerificationFailureReason)
    /// A critical response or single-response extension Certo does not process.
    case unhandledCriticalExtension(oid: String)
    /// thisUpdate (or producedAt) lies after the validation time, beyond the clock tolerance.
    case notYetValid(thisUpdate: Int64)
    /// nextUpdate lies before the validation time, beyond the clock tolerance.
    case expired(nextUpdate: Int64)
    /// No nextUpdate, and thisUpdate is older than Certo takes such a response to be current.
    case stale(thisUpdate: Int64)

    /// The problem in words.
    public var description: String {
        switch self {
        case .malformed(let error): return "does not parse: \(error)"
        case .responderError(let status): return "the responder answered \(status)"
        case .noResponseForCertificate: return "it has no answer for this certificate"
        case .certificateUnknown: return "the responder does not know the certificate"
        case .unauthorizedResponder: return "signed by neither the issuing CA nor a responder it authorized"
        case .responderNotIssuedByCA: return "the responder certificate is not signed by the issuing CA"
        case .responderLacksOCSPSigning: return "the responder certificate lacks id-kp-OCSPSigning"
        case .responderLacksDigitalSignature: return "the responder certificate's keyUsage lacks digitalSignature"
        case .responderCertificateExpired(let notAfter): return "the responder certificate expired at \(Instant.utcString(notAfter))"
        case .responderCertificateNotYetValid(let notBefore): return "the responder certificate is not valid before \(Instant.utcString(notBefore))"
        case .responderUnhandledCriticalExtension(let oid): return "the responder certificate has the unhandled critical extension \(oid)"
        case .badSignature: return "its signature does not verify with the responder's key"
        case .signatureRefused(let reason): return "its signature is refused: \(reason)"
        case .unhandledCriticalExtension(let oid): return "unhandled critical OCSP extension \(oid)"
        case .notYetValid(let thisUpdate): return "not valid before \(Instant.utcString(thisUpdate))"
        case .expired(let nextUpdate): return "expired at \(Instant.utcString(nextUpdate))"
        case .stale(let thisUpdate): return "no nextUpdate, and produced at \(Instant.utcString(thisUpdate)), more than a day ago"
        }
    }
}

/// Why fetching a revocation answer failed, as the RevocationFetcher reported it.
public struct FetchFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// What the fetcher reported.
    public let description: String
    /// A failure described by `description`.
    public init(_ description: String) { self.description = description }
}
