// What the revocation check found for one certificate of a verified path, and why no usable answer
// was found when none was: reported in VerifiedChain, `--explain` and `--json`.

public enum RevocationStatus: Sendable, Equatable {
    /// The policy does not check this certificate (or it is the trust anchor).
    case notChecked
    /// A CRL of its issuer covers it and does not list it.
    case good(RevocationSource)
    /// No usable answer: accepted under `.softFail` only.
    case unknown(RevocationProblem)
}

/// Where an answer came from.
public enum RevocationSource: Sendable, Equatable, CustomStringConvertible {
    /// A CRL given to the verifier (`--crl`), named by its cRLNumber (decimal) when it has one.
    case crlFile(crlNumber: String?, thisUpdate: Int64)

    public var description: String {
        switch self {
        case .crlFile(let number, let thisUpdate):
            return "CRL" + (number.map { " number \($0)" } ?? "") + " of \(Instant.utcString(thisUpdate))"
        }
    }
}

/// Why no CRL answered for a certificate (RFC 5280 §6.3.3).
public enum RevocationProblem: Sendable, Equatable, CustomStringConvertible {
    /// No CRL of the certificate's issuer was given.
    case noCRL
    /// The only CRLs of the issuer failed: the reason of the last one tried.
    case unusableCRL(CRLProblem)

    public var description: String {
        switch self {
        case .noCRL: return "no CRL from the certificate's issuer"
        case .unusableCRL(let problem): return "no usable CRL: \(problem)"
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
