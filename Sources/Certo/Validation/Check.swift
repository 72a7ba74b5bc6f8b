// One check the Validator made on a certificate of a verified path, as a typed fact: what was checked
// (with the values it was checked against) and the rule it comes from. Every check in a VerifiedChain
// passed; a check that fails ends the path with a VerificationFailureReason instead. Recorded only when
// the caller asks for them (`Verifier.verify(..., explain: true)`); rendering is the caller's business.

/// One check made on a certificate of a verified path, as a typed fact (the CLI puts it in words).
public enum Check: Sendable, Equatable {
    /// The trust anchor's validity period (checked against the validation time when validity is checked).
    case anchorValidity(notBefore: Int64, notAfter: Int64)
    /// Whether the anchor's own key verifies its signature (false: a partial chain to a trusted intermediate).
    case anchorSelfSigned(Bool)
    /// The anchor meets the Baseline Requirements' root profile (web profile only).
    case anchorProfile
    /// The anchor's pathLenConstraint lowers max_path_length.
    case anchorPathLength(Int)
    /// The anchor's nameConstraints apply to the certificates below it.
    case anchorNameConstraints
    /// §6.1.3 (a)(1): the signature, verified with the key of the certificate named `signer`.
    case signature(signer: DistinguishedName)
    /// §6.1.3 (a)(2): the validity period contains `time`.
    case validity(notBefore: Int64, notAfter: Int64, time: Instant)
    /// §6.1.3 (a)(4): the issuer name is the issuer's subject.
    case issuerName
    /// §6.1.3 (b), (c): the names are within the permitted and outside the excluded subtrees.
    case withinNameConstraints
    /// The certificate meets the profile's rules for its place in the path.
    case certificateProfile(Profile)
    /// §6.1.3 (d): the certificate's policies (dotted) were processed into the policy graph.
    case certificatePolicies([String])
    /// §6.1.4 (b): `count` policy mappings were applied (or, with mapping inhibited, their policies dropped).
    case policyMappings(count: Int)
    /// §6.1.4 (i): policyConstraints lower explicit_policy and policy_mapping.
    case policyConstraints(requireExplicitPolicy: Int?, inhibitPolicyMapping: Int?)
    /// §6.1.4 (j): inhibitAnyPolicy lowers inhibit_anyPolicy.
    case inhibitAnyPolicy(Int)
    /// §6.1.3 (a)(3): a CRL of the issuer covers the certificate and does not list it.
    case notRevoked(RevocationSource)
    /// §6.1.3 (a)(3): no source answered; accepted because revocation is soft-fail.
    case revocationUnknown(RevocationProblem)
    /// §6.1.4 (k): basicConstraints cA is TRUE.
    case isCertificateAuthority
    /// §6.1.4 (l): a self-issued intermediate does not count against max_path_length.
    case selfIssuedNotCounted
    /// §6.1.4 (m): pathLenConstraint `constraint` leaves `remaining` more CA certificates below.
    case pathLength(constraint: Int, remaining: Int)
    /// §6.1.4 (n): keyUsage includes keyCertSign.
    case keyCertSign
    /// §6.1.4 (g): the certificate's nameConstraints join the working constraints.
    case nameConstraintsAdded
    /// §6.1.4 (o) for an intermediate, §6.1.5 (f) for the leaf: no critical extension left unprocessed.
    case noUnhandledCriticalExtension(leaf: Bool)
    /// extendedKeyUsage, where present, allows the purpose.
    case extendedKeyUsage(Purpose)
    /// The leaf's keyUsage allows the TLS purpose (web profile).
    case keyUsage(Purpose)
    /// The leaf's own public key is a valid key of its kind.
    case validPublicKey(PublicKeyInfo)
    /// The leaf's subjectAltName matches the host name or IP address.
    case subjectAltName(host: String)

    /// The section the check comes from.
    public var rule: Rule {
        switch self {
        case .anchorValidity, .anchorSelfSigned, .anchorPathLength, .anchorNameConstraints: return .rfc5280("§6.1.1")
        case .anchorProfile: return .br("§7.1.2.1")
        case .signature: return .rfc5280("§6.1.3(a)(1)")
        case .validity: return .rfc5280("§6.1.3(a)(2)")
        case .issuerName: return .rfc5280("§6.1.3(a)(4)")
        case .withinNameConstraints: return .rfc5280("§6.1.3(b)(c)")
        case .certificateProfile(let profile): return profile == .webPKI ? .br("§7.1") : .rfc5280("§4")
        case .certificatePolicies: return .rfc5280("§6.1.3(d)")
        case .policyMappings: return .rfc5280("§6.1.4(b)")
        case .policyConstraints: return .rfc5280("§6.1.4(i)")
        case .inhibitAnyPolicy: return .rfc5280("§6.1.4(j)")
        case .notRevoked, .revocationUnknown: return .rfc5280("§6.1.3(a)(3)")
        case .isCertificateAuthority: return .rfc5280("§6.1.4(k)")
        case .selfIssuedNotCounted: return .rfc5280("§6.1.4(l)")
        case .pathLength: return .rfc5280("§6.1.4(m)")
        case .keyCertSign: return .rfc5280("§6.1.4(n)")
        case .nameConstraintsAdded: return .rfc5280("§6.1.4(g)")
        case .noUnhandledCriticalExtension(let leaf): return .rfc5280(leaf ? "§6.1.5(f)" : "§6.1.4(o)")
        case .extendedKeyUsage: return .rfc5280("§4.2.1.12")
        case .keyUsage: return .rfc5280("§4.2.1.3")
        case .validPublicKey: return .rfc5280("§4.1.2.7")
        case .subjectAltName: return Rule(.rfc6125, "§6.4")
        }
    }
}
