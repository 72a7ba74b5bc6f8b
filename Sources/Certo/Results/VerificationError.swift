// The typed failure of `Verifier.verify`: the depth (0 = leaf), the certificate's subject, a reason
// from a closed enum, and every candidate path the search tried. Reasons are ranked so that when all
// candidates fail the most specific one is reported (a constraint violated on a complete path beats
// "issuer not found" on a dead end).

/// Why a chain was refused: where, what, under which rule, and every path the search tried.
public struct VerificationError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Index in the chain of the certificate at fault: 0 = leaf.
    public let depth: Int
    /// Subject of the certificate at fault.
    public let subject: DistinguishedName
    /// What failed, from a closed set of typed reasons.
    public let reason: VerificationFailureReason
    /// Every path tried, best first (the first one is the one this error describes).
    public let attempts: [PathAttempt]
    /// Intermediates that failed strict parsing and so were never candidates (position in the pool, error).
    public let skippedIntermediates: [SkippedCertificate]

    /// An error at `depth` (0 = leaf) of the certificate named `subject`.
    public init(depth: Int, subject: DistinguishedName, reason: VerificationFailureReason, attempts: [PathAttempt] = [],
                skippedIntermediates: [SkippedCertificate] = []) {
        self.depth = depth
        self.subject = subject
        self.reason = reason
        self.attempts = attempts
        self.skippedIntermediates = skippedIntermediates
    }

    /// One line: the depth, the subject and the reason.
    public var description: String {
        "depth \(depth) (\(subject.openSSLDescription)): \(reason)"
    }
}

/// One candidate path and why it failed. `certificates` runs leaf first up to the certificate where
/// the search stopped (the anchor, for complete paths).
public struct PathAttempt: Sendable, Equatable {
    /// The path, leaf first, as far as the search got.
    public let certificates: [Certificate]
    /// True when the path reached a trust anchor (so the failure is a validation failure).
    public let reachedAnchor: Bool
    /// Where on this path it failed (0 = leaf).
    public let depth: Int
    /// Why this path failed.
    public let reason: VerificationFailureReason

    /// A candidate path and its failure.
    public init(certificates: [Certificate], reachedAnchor: Bool, depth: Int, reason: VerificationFailureReason) {
        self.certificates = certificates
        self.reachedAnchor = reachedAnchor
        self.depth = depth
        self.reason = reason
    }
}

/// Why a certificate of a candidate path fails, with typed details; ranked so the most specific
/// reason over all candidate paths is the one reported.
public enum VerificationFailureReason: Error, Equatable, Sendable, CustomStringConvertible {
    // Search dead ends.
    /// No certificate in the pool or the store has the issuer's name (or none with the right key).
    case issuerNotFound(issuer: DistinguishedName, caIssuersURIs: [String])
    /// The path ends at a self-signed certificate the store does not trust.
    case untrustedRoot(DistinguishedName)
    /// The path would be longer than Policy.maxDepth.
    case depthExceeded(limit: Int)
    /// Fatal: a SearchBudget limit of `size` was reached after `pathsTried` candidate paths; the search stopped.
    case searchBudgetExhausted(SearchLimit, size: Int, pathsTried: Int)

    // Signatures: RFC 5280 §6.1.3 (a)(1).
    /// The issuer's key does not verify the certificate's signature.
    case badSignature

    // Certificate policies: RFC 5280 §6.1.3 (d)-(f), §6.1.4 (a)-(b), (h)-(j), §6.1.5 (g).
    /// No certificate policy is valid for the path (or for the caller's set) where an explicit
    /// policy is required: by the caller, or by a CA's requireExplicitPolicy.
    case noValidPolicy
    /// A policyMappings extension maps from or to anyPolicy (§6.1.4 (a)).
    case policyMappingOfAnyPolicy

    // Revocation: RFC 5280 §6.1.3 (a)(3), §6.3.
    /// A CRL of the issuer lists the certificate, or an OCSP response says revoked (with the reason,
    /// when given, and the source that said so).
    case revoked(reason: RevocationReason?, date: Int64, source: RevocationSource)
    /// Revocation is required (`RevocationPolicy.Mode.hardFail`) and no source answered.
    case revocationStatusUnknown(RevocationProblem)
    /// A SHA-1 signature, refused unless `Policy.allowSHA1`.
    case sha1Refused
    /// An issuer RSA key under 2048 bits, refused unless `Policy.allowWeakRSA`.
    case weakRSAKey(bits: Int)
    /// A signature algorithm Certo does not verify (DSA, Ed25519, MD5, ...).
    case unsupportedSignatureAlgorithm(SignatureAlgorithmIdentifier)
    /// An issuer key of a kind Certo does not verify with, or one that does not decode.
    case unsupportedPublicKey(PublicKeyInfo)
    /// The leaf's own key, of a kind Certo verifies with, is not a valid key (an EC point off its curve,
    /// an even RSA modulus, an exponent out of range): nobody can hold its private key.
    case invalidPublicKey(PublicKeyError)

    // Validity: §6.1.3 (a)(2).
    /// The validation time is after notAfter (Unix seconds).
    case expired(notAfter: Int64)
    /// The validation time is before notBefore (Unix seconds).
    case notYetValid(notBefore: Int64)

    // Name chaining: §6.1.3 (a)(4).
    /// The certificate's issuer is not its issuer's subject (RFC 5280 §7.1 comparison).
    case issuerNameMismatch

    // CA checks: §6.1.4.
    /// An intermediate that is not a v3 certificate.
    case v1Intermediate(version: Int)
    /// An intermediate without basicConstraints cA=TRUE.
    case notACA
    /// More CA certificates below a CA than its pathLenConstraint allows.
    case pathLengthExceeded(limit: Int)
    /// An intermediate whose keyUsage lacks keyCertSign.
    case keyCertSignMissing

    // Name constraints: §6.1.3 (b), (c).
    /// A name of the certificate outside a CA's permitted subtrees or inside its excluded ones.
    case nameConstraintViolation(name: GeneralName)

    // Extensions: §6.1.4 (o), §6.1.5 (f).
    /// A critical extension Certo does not process.
    case unhandledCriticalExtension(oid: String)

    // Input: a certificate of the chain that fails strict parsing (RFC 5280 §4.1 and DER).
    /// A certificate of the chain fails strict parsing.
    case malformedCertificate(CertificateError)

    // Certificate profile (RFC 5280 §4.2 MUSTs; under Profile.webPKI also the CA/B Forum BR §7.1
    // profiles). Each carries the rule that refused it, which may depend on the profile.
    /// The extension (dotted OID) is non-critical where the rule requires it critical.
    case extensionMustBeCritical(oid: String, rule: Rule)
    /// The extension is critical where the rule forbids that.
    case extensionMustNotBeCritical(oid: String, rule: Rule)
    /// A required extension is absent.
    case extensionMissing(oid: String, rule: Rule)
    /// The extension may not appear in this kind of certificate (nameConstraints in a leaf, EKU in a root).
    case extensionNotAllowed(oid: String, rule: Rule)
    /// authorityKeyIdentifier without a keyIdentifier, with fields a root must not carry, or (in a
    /// self-signed anchor) a keyIdentifier that is not the certificate's own subjectKeyIdentifier.
    case invalidAuthorityKeyIdentifier(rule: Rule)
    /// A leaf with basicConstraints cA=TRUE.
    case caCertificateAsLeaf(rule: Rule)
    /// keyUsage keyCertSign where basicConstraints cA is not TRUE (or, in the web profile, in any leaf);
    /// or a CA whose keyUsage is present without keyCertSign.
    case inconsistentKeyUsage(rule: Rule)
    /// A key the profile forbids (RSA not a multiple of 8 bits or under 2048, P-192, DSA, ...).
    case forbiddenKey(PublicKeyInfo, rule: Rule)
    /// A CA certificate with an empty subject, or an empty subject without a critical subjectAltName.
    case emptySubject(rule: Rule)
    /// A serial number that is zero, negative or longer than 20 octets.
    case invalidSerialNumber(rule: Rule)
    /// A subjectAltName entry that is not a valid name of its form (a dNSName outside the preferred
    /// name syntax, an rfc822Name that is not a mailbox), printed.
    case malformedName(GeneralName, rule: Rule)
    /// The subject commonName does not appear, textually the same, among the subjectAltName entries.
    case commonNameNotInSubjectAltName(String, rule: Rule)

    // Purpose and identity (policy on top of RFC 5280).
    /// The leaf's extendedKeyUsage does not allow the purpose.
    case extendedKeyUsageMismatch(required: Purpose)
    /// The leaf's keyUsage does not allow what the purpose needs.
    case keyUsageMismatch(required: Purpose)
    /// The leaf is not valid for the host (RFC 6125 / RFC 9525 matching of its subjectAltName).
    case hostnameMismatch(host: String)
    /// The host asked for is neither a valid DNS name nor an IP address.
    case invalidHost(String)

    /// Higher is more specific: when every candidate path fails, the highest rank is reported.
    public var rank: Int {
        switch self {
        case .searchBudgetExhausted: return 100
        case .malformedCertificate: return 60
        case .untrustedRoot, .depthExceeded: return 10
        case .issuerNotFound: return 11
        case .badSignature, .issuerNameMismatch: return 20
        case .sha1Refused, .weakRSAKey, .unsupportedSignatureAlgorithm, .unsupportedPublicKey, .invalidPublicKey: return 25
        case .expired, .notYetValid: return 30
        case .v1Intermediate, .notACA, .pathLengthExceeded, .keyCertSignMissing, .nameConstraintViolation,
             .unhandledCriticalExtension, .extendedKeyUsageMismatch, .keyUsageMismatch,
             .extensionMustBeCritical, .extensionMustNotBeCritical, .extensionMissing, .extensionNotAllowed,
             .invalidAuthorityKeyIdentifier, .caCertificateAsLeaf, .inconsistentKeyUsage, .forbiddenKey,
             .emptySubject, .invalidSerialNumber, .malformedName, .commonNameNotInSubjectAltName,
             .noValidPolicy, .policyMappingOfAnyPolicy, .revocationStatusUnknown: return 40
        case .revoked: return 45
        case .hostnameMismatch, .invalidHost: return 50
        }
    }

    /// The case name ("expired", "hostnameMismatch"): stable text for scripts and JSON.
    public var name: String {
        switch self {
        case .issuerNotFound: return "issuerNotFound"
        case .untrustedRoot: return "untrustedRoot"
        case .depthExceeded: return "depthExceeded"
        case .searchBudgetExhausted: return "searchBudgetExhausted"
        case .badSignature: return "badSignature"
        case .noValidPolicy: return "noValidPolicy"
        case .policyMappingOfAnyPolicy: return "policyMappingOfAnyPolicy"
        case .revoked: return "revoked"
        case .revocationStatusUnknown: return "revocationStatusUnknown"
        case .sha1Refused: return "sha1Refused"
        case .weakRSAKey: return "weakRSAKey"
        case .unsupportedSignatureAlgorithm: return "unsupportedSignatureAlgorithm"
        case .unsupportedPublicKey: return "unsupportedPublicKey"
        case .invalidPublicKey: return "invalidPublicKey"
        case .expired: return "expired"
        case .notYetValid: return "notYetValid"
        case .issuerNameMismatch: return "issuerNameMismatch"
        case .v1Intermediate: return "v1Intermediate"
        case .notACA: return "notACA"
        case .pathLengthExceeded: return "pathLengthExceeded"
        case .keyCertSignMissing: return "keyCertSignMissing"
        case .nameConstraintViolation: return "nameConstraintViolation"
        case .unhandledCriticalExtension: return "unhandledCriticalExtension"
        case .extendedKeyUsageMismatch: return "extendedKeyUsageMismatch"
        case .keyUsageMismatch: return "keyUsageMismatch"
        case .hostnameMismatch: return "hostnameMismatch"
        case .invalidHost: return "invalidHost"
        case .malformedCertificate: return "malformedCertificate"
        case .extensionMustBeCritical: return "extensionMustBeCritical"
        case .extensionMustNotBeCritical: return "extensionMustNotBeCritical"
        case .extensionMissing: return "extensionMissing"
        case .extensionNotAllowed: return "extensionNotAllowed"
        case .invalidAuthorityKeyIdentifier: return "invalidAuthorityKeyIdentifier"
        case .caCertificateAsLeaf: return "caCertificateAsLeaf"
        case .inconsistentKeyUsage: return "inconsistentKeyUsage"
        case .forbiddenKey: return "forbiddenKey"
        case .emptySubject: return "emptySubject"
        case .invalidSerialNumber: return "invalidSerialNumber"
        case .malformedName: return "malformedName"
        case .commonNameNotInSubjectAltName: return "commonNameNotInSubjectAltName"
        }
    }

    /// The rule that refused the chain: RFC 5280's section for its own checks, the profile's rule for
    /// profile checks, Certo's own for its search budget.
    public var rule: Rule {
        switch self {
        case .issuerNotFound, .untrustedRoot: return .rfc5280("§6.1")
        case .depthExceeded: return .rfc5280("§6.1.2 (k)")
        case .searchBudgetExhausted(let limit, _, _): return Rule(.certo, "SearchBudget.\(limit.budgetProperty)")
        case .badSignature: return .rfc5280("§6.1.3 (a)(1)")
        case .noValidPolicy: return .rfc5280("§6.1.3 (f), §6.1.5 (g)")
        case .policyMappingOfAnyPolicy: return .rfc5280("§6.1.4 (a)")
        case .revoked, .revocationStatusUnknown: return .rfc5280("§6.1.3 (a)(3), §6.3")
        case .sha1Refused: return .br("§7.1.3.2")
        case .weakRSAKey: return .br("§6.1.5")
        case .invalidPublicKey: return .rfc5280("§4.1.2.7")
        case .unsupportedSignatureAlgorithm, .unsupportedPublicKey: return .rfc5280("§6.1.3 (a)(1)")
        case .expired, .notYetValid: return .rfc5280("§6.1.3 (a)(2)")
        case .issuerNameMismatch: return .rfc5280("§6.1.3 (a)(4)")
        case .v1Intermediate, .notACA: return .rfc5280("§6.1.4 (k)")
        case .pathLengthExceeded: return .rfc5280("§6.1.4 (l)")
        case .keyCertSignMissing: return .rfc5280("§6.1.4 (n)")
        case .nameConstraintViolation: return .rfc5280("§6.1.3 (b)(c)")
        case .unhandledCriticalExtension: return .rfc5280("§6.1.4 (o), §6.1.5 (f)")
        case .extendedKeyUsageMismatch: return .rfc5280("§4.2.1.12")
        case .keyUsageMismatch: return .rfc5280("§4.2.1.3")
        case .hostnameMismatch, .invalidHost: return Rule(.rfc6125, "§6.4")
        case .malformedCertificate: return .rfc5280("§4.1")
        case .extensionMustBeCritical(_, let rule), .extensionMustNotBeCritical(_, let rule),
             .extensionMissing(_, let rule), .extensionNotAllowed(_, let rule),
             .invalidAuthorityKeyIdentifier(let rule), .caCertificateAsLeaf(let rule),
             .inconsistentKeyUsage(let rule), .forbiddenKey(_, let rule), .emptySubject(let rule),
             .invalidSerialNumber(let rule), .malformedName(_, let rule), .commonNameNotInSubjectAltName(_, let rule):
            return rule
        }
    }

    /// True for failures about the validation time only.
    public var isTimeFailure: Bool {
        switch self {
        case .expired, .notYetValid: return true
        default: return false
        }
    }

    /// The reason in words, with its details.
    public var description: String {
        switch self {
        case .issuerNotFound(let issuer, let uris):
            var text = "issuer not found: \(issuer.openSSLDescription)"
            if let uri = uris.first { text += " (AIA caIssuers: \(uri))" }
            return text
        case .untrustedRoot(let name): return "self-signed root not in the trust store: \(name.openSSLDescription)"
        case .depthExceeded(let limit): return "chain longer than the maximum depth \(limit)"
        case .searchBudgetExhausted(let limit, let size, let paths):
            return "search budget of \(size) \(limit.rawValue) exhausted after \(paths) path\(paths == 1 ? "" : "s")"
        case .badSignature: return "signature does not verify with the issuer's key"
        case .noValidPolicy: return "no certificate policy is valid for the whole path, and an explicit policy is required"
        case .policyMappingOfAnyPolicy: return "policyMappings maps from or to anyPolicy"
        case .revoked(let reason, let date, let source):
            return "certificate revoked at \(Instant.utcString(date))" + (reason.map { " (\($0))" } ?? "") + " according to the \(source)"
        case .revocationStatusUnknown(let problem): return "revocation status unknown: \(problem)"
        case .sha1Refused: return "SHA-1 signature refused"
        case .weakRSAKey(let bits): return "issuer RSA key of \(bits) bits refused (minimum 2048)"
        case .unsupportedSignatureAlgorithm(let algorithm): return "unsupported signature algorithm \(SignatureCheck.name(algorithm))"
        case .unsupportedPublicKey(let key): return "unsupported or invalid issuer public key (\(KeyDescription.describe(key)))"
        case .invalidPublicKey(let why): return "the certificate's own public key is invalid (\(why))"
        case .expired(let notAfter): return "certificate expired at \(Instant.utcString(notAfter))"
        case .notYetValid(let notBefore): return "certificate not valid before \(Instant.utcString(notBefore))"
        case .issuerNameMismatch: return "issuer name does not match the issuer's subject"
        case .v1Intermediate(let version): return "v\(version) certificate cannot be a CA"
        case .notACA: return "issuer is not a CA (basicConstraints cA is not true)"
        case .pathLengthExceeded(let limit): return "path length constraint \(limit) exceeded"
        case .keyCertSignMissing: return "issuer keyUsage lacks keyCertSign"
        case .nameConstraintViolation(let name): return "name \(NameConstraintsState.describe(name)) violates the name constraints"
        case .unhandledCriticalExtension(let oid): return "unhandled critical extension \(oid)"
        case .extendedKeyUsageMismatch(let required): return "extendedKeyUsage does not allow \(required.keyPurposeName)"
        case .keyUsageMismatch(let required): return "keyUsage does not allow \(required.keyPurposeName)"
        case .hostnameMismatch(let host): return "host \(host) does not match the certificate's subjectAltName"
        case .invalidHost(let host): return "invalid host name \(host)"
        case .malformedCertificate(let error): return "malformed certificate: \(error)"
        case .extensionMustBeCritical(let oid, _): return "extension \(Extension.name(forOID: oid)) must be critical"
        case .extensionMustNotBeCritical(let oid, _): return "extension \(Extension.name(forOID: oid)) must not be critical"
        case .extensionMissing(let oid, _): return "required extension \(Extension.name(forOID: oid)) is missing"
        case .extensionNotAllowed(let oid, _): return "extension \(Extension.name(forOID: oid)) is not allowed in this certificate"
        case .invalidAuthorityKeyIdentifier: return "authorityKeyIdentifier is not a keyIdentifier matching the issuer's key identifier"
        case .caCertificateAsLeaf: return "leaf certificate has basicConstraints cA=TRUE"
        case .inconsistentKeyUsage: return "keyUsage keyCertSign and basicConstraints cA disagree"
        case .forbiddenKey(let key, _): return "key \(KeyDescription.describe(key)) is not allowed"
        case .emptySubject: return "empty subject name"
        case .invalidSerialNumber: return "serial number is zero, negative or longer than 20 octets"
        case .malformedName(let name, _): return "malformed name \(NameConstraintsState.describe(name))"
        case .commonNameNotInSubjectAltName(let cn, _): return "subject commonName \(cn) is not among the subjectAltName entries"
        }
    }
}

extension VerificationError {
    /// Several lines in library words for a person reading a log: what failed where and under which
    /// rule, the certificate at fault, every path tried and any intermediate left out.
    public var explanation: String {
        var lines = ["certificate verification failed at depth \(depth) (\(subject.openSSLDescription)): \(reason)",
                     "rule: \(reason.rule)"]
        if let best = attempts.first, depth < best.certificates.count {
            lines.append("certificate: \(best.certificates[depth])")
        }
        if !attempts.isEmpty {
            lines.append("paths tried (\(attempts.count)), most specific failure first:")
            for attempt in attempts {
                let path = attempt.certificates.map { $0.subject.openSSLDescription }.joined(separator: " <- ")
                let end = attempt.reachedAnchor ? "reached a trust anchor" : "no trust anchor reached"
                lines.append("  \(path) (\(end)): at depth \(attempt.depth): \(attempt.reason)")
            }
        }
        for skipped in skippedIntermediates {
            lines.append("left out: intermediate \(skipped.position) does not parse: \(skipped.error)")
        }
        return lines.joined(separator: "\n")
    }
}
