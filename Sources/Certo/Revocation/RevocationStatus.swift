// What the revocation check found for one certificate of a verified path, and why no usable answer
// was found when none was: reported in VerifiedChain, `--explain` and `--json`.

/// What the revocation check found for one certificate of a verified path.
public enum RevocationStatus: Sendable, Equatable {
    /// The policy does not check this certificate (or it is the trust anchor).
    case notChecked
    /// A source answered that it is not revoked: a CRL of its issuer that covers it and does not list
    /// it, or an OCSP response that says good.
    case good(RevocationSource)
    /// No usable answer: accepted under `.softFail` only.
    case unknown(RevocationProblem)
}

/// How an answer reached the verifier.
public enum RevocationOrigin: String, Sendable, Equatable {
    /// Given by the caller (`Verifier.crls`, `Verifier.ocspResponses`; `--crl`, `--ocsp-response`).
    case file
    /// Stapled by the TLS server to its handshake (RFC 6066 §8, RFC 8446 §4.4.2.1).
    case staple
    /// Fetched over HTTP by the Verifier's RevocationFetcher: OCSP from the certificate's
    /// authorityInfoAccess, a CRL from its cRLDistributionPoints.
    case fetched
}

/// Where an answer came from.
public enum RevocationSource: Sendable, Equatable, CustomStringConvertible {
    /// A CRL, named by its cRLNumber (decimal) when it has one.
    case crl(origin: RevocationOrigin, crlNumber: String?, thisUpdate: Int64)
    /// An OCSP response (RFC 6960), named by when it was produced and who signed it.
    case ocsp(origin: RevocationOrigin, producedAt: Int64, responder: OCSPResponderKind)

    /// How the answer reached the verifier.
    public var origin: RevocationOrigin {
        switch self {
        case .crl(let origin, _, _), .ocsp(let origin, _, _): return origin
        }
    }

    /// The source in words, e.g. "CRL number 7 of 2026-01-01T00:00:00Z".
    public var description: String {
        switch self {
        case .crl(let origin, let number, let thisUpdate):
            let name = origin == .fetched ? "fetched CRL" : "CRL"
            return name + (number.map { " number \($0)" } ?? "") + " of \(Instant.utcString(thisUpdate))"
        case .ocsp(let origin, let producedAt, let responder):
            let name: String
            switch origin {
            case .file: name = "OCSP response"
            case .staple: name = "stapled OCSP response"
            case .fetched: name = "fetched OCSP response"
            }
            return "\(name) produced \(Instant.utcString(producedAt)) by \(responder)"
        }
    }
}

/// Who signed an OCSP response (RFC 6960 §4.2.2.2).
public enum OCSPResponderKind: String, Sendable, Equatable, CustomStringConvertible {
    /// The CA that issued the certificate.
    case issuer
    /// A responder certificate the CA issued with id-kp-OCSPSigning.
    case delegated

    /// Who signed, in words.
    public var description: String { self == .issuer ? "the issuing CA" : "a delegated responder" }
}

/// Why no source answered for a certificate.
public indirect enum RevocationProblem: Sendable, Equatable, CustomStringConvertible {
    /// No CRL of the certificate's issuer was given.
    case noCRL
    /// No source at all: no staple, no CRL, no OCSP response, no fetching.
    case noSource
    /// The only CRLs of the issuer failed: the reason of the last one tried.
    case unusableCRL(CRLProblem)
    /// An OCSP response for the certificate was there and could not be used.
    case unusableOCSPResponse(origin: RevocationOrigin, OCSPProblem)
    /// Fetching from `url` failed.
    case fetchFailed(url: String, FetchFailure)
    /// The certificate names no http:// OCSP responder or CRL distribution point to fetch from.
    case nothingToFetch
    /// Several sources were tried, in order; none answered.
    case noSourceAnswered([RevocationProblem])

    /// The problem in words.
    public var description: String {
        switch self {
        case .noCRL: return "no CRL from the certificate's issuer"
        case .noSource: return "no stapled OCSP response, CRL or OCSP response was given, and fetching is off"
        case .unusableCRL(let problem): return "no usable CRL: \(problem)"
        case .unusableOCSPResponse(let origin, let problem):
            let name = origin == .staple ? "stapled OCSP response" : origin == .fetched ? "fetched OCSP response" : "OCSP response"
            return "\(name) unusable: \(problem)"
        case .fetchFailed(let url, let failure): return "fetching \(url) failed: \(failure)"
        case .nothingToFetch: return "the certificate names no http OCSP responder or CRL distribution point"
        case .noSourceAnswered(let problems): return problems.map(\.description).joined(separator: "; ")
        }
    }
}

/// Why one CRL cannot answer for a certificate.
public enum CRLProblem: Sendable, Equatable, CustomStringConvertible {
    /// nextUpdate is before the validation time (§6.3.3 (a)(2): a newer CRL is needed).
    case expired(nextUpdate: Int64)
    /// thisUpdate is after the validation time.
    case notYetValid(thisUpdate: Int64)
    /// The issuer's key does not verify the CRL's signature (§6.3.3 (g)).
    case badSignature
    /// The CRL's signature algorithm or key is refused or not supported.
    indirect case signatureRefused(VerificationFailureReason)
    /// The issuer's keyUsage lacks cRLSign (§6.3.3 (f)).
    case issuerLacksCRLSign
    /// A critical CRL or entry extension Certo does not process (§5.2, §5.3).
    case unhandledCriticalExtension(oid: String)
    /// The issuingDistributionPoint limits the CRL to other certificates (§6.3.3 (b)).
    case outOfScope
    /// No cRLNumber, which conforming CRL issuers MUST include (§5.2.3).
    case missingCRLNumber
    /// A critical cRLNumber: §5.2.3 defines it non-critical.
    case criticalCRLNumber
    /// A delta CRL (§5.2.4) without a base CRL to apply it to.
    case deltaWithoutBase
    /// Only some reasons are covered by the usable CRLs (§6.3.3 (d)).
    case reasonsNotCovered
    /// Entries name their certificate issuer (§5.3.3) in a CRL that is not marked indirect (§5.2.5).
    case certificateIssuerOutsideIndirectCRL
    /// An indirect CRL, and no certificate of its issuer with a valid path and cRLSign verifies it (§6.3.3 (f)).
    case noCRLSigner

    /// The problem in words.
    public var description: String {
        switch self {
        case .expired(let next): return "CRL expired at \(Instant.utcString(next))"
        case .notYetValid(let this): return "CRL not valid before \(Instant.utcString(this))"
        case .badSignature: return "CRL signature does not verify with the issuer's key"
        case .signatureRefused(let reason): return "CRL signature refused: \(reason)"
        case .issuerLacksCRLSign: return "the issuer's keyUsage lacks cRLSign"
        case .unhandledCriticalExtension(let oid): return "unhandled critical CRL extension \(oid)"
        case .outOfScope: return "the CRL's issuingDistributionPoint does not cover the certificate"
        case .missingCRLNumber: return "the CRL has no cRLNumber (RFC 5280 §5.2.3)"
        case .criticalCRLNumber: return "the CRL's cRLNumber is critical (RFC 5280 §5.2.3)"
        case .deltaWithoutBase: return "a delta CRL without its base CRL"
        case .reasonsNotCovered: return "the CRLs cover only some revocation reasons"
        case .certificateIssuerOutsideIndirectCRL: return "entries name a certificate issuer in a CRL not marked indirect"
        case .noCRLSigner: return "no certificate of the CRL's issuer with a valid path and cRLSign verifies it"
        }
    }
}
