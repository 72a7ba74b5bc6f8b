// What a caller asks of a chain beyond RFC 5280 itself: purpose, peer identity, time, and the
// opt-ins that relax the strict defaults (SHA-1, RSA < 2048, partial chains). Plain data; the
// Validator interprets it.

/// What the leaf certificate will be used for (extKeyUsage / keyUsage of the leaf, and of the
/// intermediates' extKeyUsage when they carry one).
public enum Purpose: String, Sendable, Hashable, CaseIterable {
/// A TLS server: the leaf must allow serverAuth.
    case server
/// A TLS client: the leaf must allow clientAuth.
    case client
/// Any purpose: no extendedKeyUsage or keyUsage requirement on the leaf.
    case any

    /// RFC 5280 §4.2.1.12's name of the key purpose the extKeyUsage must allow ("any" for `.any`).
    public var keyPurposeName: String {
        switch self {
        case .server: return "serverAuth"
        case .client: return "clientAuth"
        case .any: return "any"
        }
    }
}

/// Which certificate profile the chain must meet on top of RFC 5280's path validation.
public enum Profile: String, Sendable, Hashable, CaseIterable {
    /// RFC 5280 plus the CA/Browser Forum Baseline Requirements §7.1 profiles for root, subordinate CA
    /// and subscriber certificates, as rustls-webpki and pyca/cryptography apply them. The default.
    case webPKI = "web"
    /// RFC 5280 alone: private PKIs and device fleets with their own CA.
    case rfc5280
}

/// What a verification checks: the certificate profile, the purpose, the host, the time, the
/// algorithm and key-size refusals, certificate policies, revocation and the path-search budget.
/// The defaults are strict (the web-PKI profile, a server, now, no SHA-1, no RSA under 2048 bits).
public struct Policy: Sendable, Hashable {
    /// The certificate profile; `.webPKI` by default.
    public var profile: Profile
    /// What the leaf is for; `.server` by default.
    public var purpose: Purpose
    /// The peer's DNS name or IP literal (IPv4 dotted quad, IPv6 text); nil skips the identity check.
    public var host: String?
    /// The validation time; nil means "now" (read when `verify` runs).
    public var validationTime: Instant?
    /// The most intermediate certificates between the leaf and the trust anchor (OpenSSL's -verify_depth).
    public var maxDepth: Int
    /// Accept SHA-1 signatures (refused by default).
    public var allowSHA1: Bool
    /// Accept RSA issuer keys shorter than 2048 bits (refused by default).
    public var allowWeakRSA: Bool
    /// Accept a leaf that is itself in the trust store although not self-signed (OpenSSL's
    /// -partial_chain). Intermediates in the store always end a path.
    public var partialChain: Bool
    /// Check every certificate's validity period (turned off only to ask "would it verify but for time?").
    public var checksValidityPeriod: Bool
    /// Limits on the path search; exhausting one is a fatal error.
    public var budget: SearchBudget
    /// The certificate-policy inputs of RFC 5280 §6.1.1 (c), (e), (f), (g); by default any policy
    /// will do and none is required, as OpenSSL and Go default.
    public var certificatePolicies: CertificatePolicyInputs
    /// Revocation checking (RFC 5280 §6.3) against the Verifier's CRLs; off by default.
    public var revocation: RevocationPolicy

    /// A policy; every argument defaults to the strict choice.
    public init(
        profile: Profile = .webPKI, purpose: Purpose = .server, host: String? = nil, validationTime: Instant? = nil, maxDepth: Int = 12,
        allowSHA1: Bool = false, allowWeakRSA: Bool = false, partialChain: Bool = false,
        checksValidityPeriod: Bool = true, budget: SearchBudget = SearchBudget(),
        certificatePolicies: CertificatePolicyInputs = CertificatePolicyInputs(),
        revocation: RevocationPolicy = RevocationPolicy()
    ) {
        self.profile = profile
        self.purpose = purpose
        self.host = host
        self.validationTime = validationTime
        self.maxDepth = maxDepth
        self.allowSHA1 = allowSHA1
        self.allowWeakRSA = allowWeakRSA
        self.partialChain = partialChain
        self.checksValidityPeriod = checksValidityPeriod
        self.budget = budget
        self.certificatePolicies = certificatePolicies
        self.revocation = revocation
    }
}

/// Bounds on the work one `verify` call may do, so pathological pools (many certificates with the
/// same name, cross-signing loops) end quickly with `.searchBudgetExhausted` instead of running on.
public struct SearchBudget: Sendable, Hashable {
    /// Issuer candidates explored (each costs a signature check or a cache look-up), summed over the search.
    public var maxCandidates: Int
    /// Signature verifications performed (cache hits do not count).
    public var maxSignatureChecks: Int
    /// Complete paths handed to the validator.
    public var maxPathsValidated: Int

    /// Name-constraint comparisons (names of a certificate × constraints that apply to them), summed
    /// over every path validated: bounds the quadratic work a CA with thousands of constraints and a
    /// leaf with thousands of names could demand. The default is webpki's.
    public var maxNameConstraintComparisons: Int
    /// The size of one path's policy graph (RFC 9618): its nodes plus the entries of their
    /// expected_policy_sets, which bounds the work of certificate-policy processing. PKIs that map
    /// policies (bridge CAs) stay in the hundreds; crafted mappings past the limit end the search.
    public var maxPolicyGraphSize: Int

    /// Bounds for one path search; the defaults suit any real chain and stop hostile pools early.
    public init(maxCandidates: Int = 1024, maxSignatureChecks: Int = 100, maxPathsValidated: Int = 32,
                maxNameConstraintComparisons: Int = 250_000, maxPolicyGraphSize: Int = 4096) {
        self.maxCandidates = maxCandidates
        self.maxSignatureChecks = maxSignatureChecks
        self.maxPathsValidated = maxPathsValidated
        self.maxNameConstraintComparisons = maxNameConstraintComparisons
        self.maxPolicyGraphSize = maxPolicyGraphSize
    }
}

/// Which limit of a SearchBudget was hit.
public enum SearchLimit: String, Sendable, Hashable {
/// Issuer candidates considered.
    case candidates = "candidate issuers"
/// Signatures verified.
    case signatureChecks = "signature checks"
/// Complete paths validated.
    case pathsValidated = "paths validated"
/// Names compared with name constraints.
    case nameConstraintComparisons = "name-constraint comparisons"
/// Nodes of the certificate-policy graph.
    case policyGraphSize = "policy graph nodes and expected policies"

    /// The SearchBudget property that sets this limit.
    public var budgetProperty: String {
        switch self {
        case .candidates: return "maxCandidates"
        case .signatureChecks: return "maxSignatureChecks"
        case .pathsValidated: return "maxPathsValidated"
        case .nameConstraintComparisons: return "maxNameConstraintComparisons"
        case .policyGraphSize: return "maxPolicyGraphSize"
        }
    }
}
