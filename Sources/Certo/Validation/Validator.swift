// Judges one complete candidate path (leaf first, trust anchor last) by the RFC 5280 §6.1 procedure:
// state named after the RFC (working_issuer_name, max_path_length, permitted/excluded subtrees), each
// check labelled with its step, then the web PKI's purpose and host-name rules on the leaf.
// It does not search, and it does not verify signatures: the PathBuilder checks each link's
// signature (§6.1.3 (a)(1)) as it extends a path, so wrong-key candidates are pruned early.
// Every certificate of the path also meets the Policy's CertificateProfile (RFC 5280 §4.2 MUSTs and,
// under the web profile, the Baseline Requirements), the anchor included under the web profile.
// Certificate policies (§6.1.3 (d)-(f), §6.1.4 (a), (b), (h)-(j), §6.1.5 (a), (b), (g)) are PolicyState's,
// revocation (§6.1.3 (a)(3), §6.3) RevocationCheck's, once the rest of the path holds.

struct PathFailure: Error, Equatable, Sendable {
    let depth: Int
    let reason: VerificationFailureReason
}

struct Validator: Sendable {
    let policy: Policy
    let time: Instant
    let identity: HostIdentity?
    /// What revocation is checked against (Policy.revocation decides whether and for which certificates).
    var revocationSources = RevocationSources()
    /// The Verifier's caches, for OCSP responses' and delegated responder certificates' signatures.
    var signatureCache: SignatureCache?
    var issuerKeyCache: IssuerKeyCache?
    /// For a CRL its issuer's own key does not verify: a certificate of that issuer, with a validated
    /// path to `anchor`, whose key does (RFC 5280 §6.3.3 (f)); nil when there is none.
    var separateCRLSigner: (@Sendable (_ crl: CertificateRevocationList, _ anchor: Certificate) -> Certificate?)?

    private var profile: CertificateProfile {
        CertificateProfile(profile: policy.profile, purpose: policy.purpose)
    }

    /// Validates `path` (path[0] = leaf, path.last = anchor). Fills `notes[depth]` with one line per
    /// check when `notes` is non-nil (for --explain), leaving it untouched in the fast path.
    /// `anchorIsSelfSigned`: the anchor's own key verifies its signature. `comparisons` counts the
    /// name-constraint work across the paths of one search (SearchBudget.maxNameConstraintComparisons).
    /// Returns the certificate policies valid for the path (§6.1.6) and each certificate's revocation status.
    func validate(_ path: [Certificate], anchorIsSelfSigned: Bool, notes: inout [[Check]]?,
                  comparisons: inout Int) throws(PathFailure) -> (CertificatePolicySet, [RevocationStatus]) {
        let anchorDepth = path.count - 1
        let anchor = path[anchorDepth]
        func note(_ depth: Int, _ check: @autoclosure () -> Check) {
            if notes != nil { notes![depth].append(check()) }
        }
        func at(_ depth: Int, _ body: () throws(VerificationFailureReason) -> Void) throws(PathFailure) {
            do { try body() } catch { throw PathFailure(depth: depth, reason: error) }
        }
        let profile = self.profile

        // §6.1.2 initialisation from the trust anchor.
        var workingIssuerName = anchor.subject                       // (g) working_issuer_name
        var maxPathLength = policy.maxDepth                          // (k) max_path_length
        var maxPathLengthSetBy = anchorDepth
        var nameConstraints = NameConstraintsState()                 // (b) permitted_subtrees, (c) excluded_subtrees
        var policies = PolicyState(certificates: anchorDepth, inputs: policy.certificatePolicies,
                                   limit: policy.budget.maxPolicyGraphSize)  // (a), (d), (e), (f)
        var policySet = CertificatePolicySet.anyPolicy
        var revocation = [RevocationStatus](repeating: .notChecked, count: path.count)
        if policy.checksValidityPeriod && !time.isWithin(notBefore: anchor.notBefore, notAfter: anchor.notAfter) {
            throw PathFailure(depth: anchorDepth, reason: validityFailure(anchor))
        }
        note(anchorDepth, .anchorValidity(notBefore: anchor.notBefore, notAfter: anchor.notAfter))
        note(anchorDepth, .anchorSelfSigned(anchorIsSelfSigned))
        let anchorBasicConstraints = anchor.extensions.basicConstraints
        if anchorDepth > 0 {
            try at(anchorDepth) { () throws(VerificationFailureReason) in
                try profile.check(anchor, as: .anchor, selfSigned: anchorIsSelfSigned, basicConstraints: anchorBasicConstraints)
            }
            if policy.profile == .webPKI { note(anchorDepth, .anchorProfile) }
        }
        // Constraints carried by the anchor certificate are enforced (as OpenSSL and Chromium do).
        if let pathLen = anchorBasicConstraints?.pathLenConstraint, anchorDepth > 0, pathLen < maxPathLength {
            maxPathLength = pathLen
            note(anchorDepth, .anchorPathLength(pathLen))
        }
        if let constraints = anchor.extensions.nameConstraints, anchorDepth > 0 {
            try at(anchorDepth) { () throws(VerificationFailureReason) in try nameConstraints.add(constraints) }
            note(anchorDepth, .anchorNameConstraints)
        }

        var depth = anchorDepth - 1
        while depth >= 0 {
            let certificate = path[depth]
            let isLeaf = depth == 0

            // §6.1.3 (a)(1): the signature was verified with the working public key (the issuer's)
            // by the PathBuilder when it added this link.
            note(depth, .signature(signer: path[depth + 1].subject))

            // §6.1.3 (a)(2): validity, both bounds inclusive.
            if policy.checksValidityPeriod {
                guard time.isWithin(notBefore: certificate.notBefore, notAfter: certificate.notAfter) else {
                    throw PathFailure(depth: depth, reason: validityFailure(certificate))
                }
                note(depth, .validity(notBefore: certificate.notBefore, notAfter: certificate.notAfter, time: time))
            }

            // §6.1.3 (a)(3), not revoked: checked once the rest of the path holds (below), so no
            // path that fails anyway costs a fetch.

            // §6.1.3 (a)(4): issuer name is working_issuer_name.
            guard certificate.issuer == workingIssuerName else {
                throw PathFailure(depth: depth, reason: .issuerNameMismatch)
            }
            note(depth, .issuerName)

            // §6.1.3 (b), (c): name constraints, skipped for self-issued intermediates.
            if isLeaf || !certificate.isSelfIssued {
                let limit = policy.budget.maxNameConstraintComparisons
                var violation: GeneralName?
                try at(depth) { () throws(VerificationFailureReason) in
                    violation = try nameConstraints.violation(for: certificate, comparisons: &comparisons, limit: limit)
                }
                if let violation { throw PathFailure(depth: depth, reason: .nameConstraintViolation(name: violation)) }
                if !nameConstraints.isEmpty { note(depth, .withinNameConstraints) }
            }

            // §6.1.3 (d)-(f): certificate policies.
            let certificatePolicies = certificate.extensions.certificatePolicies
            try at(depth) { () throws(VerificationFailureReason) in
                try policies.process(certificatePolicies, selfIssuedIntermediate: !isLeaf && certificate.isSelfIssued)
            }
            if let certificatePolicies, !policies.isNull {
                note(depth, .certificatePolicies(certificatePolicies.map(\.policyIdentifier)))
            }

            // The certificate profile: a certificate is self-signed when its issuer's key is its own.
            let selfSigned = certificate.isSelfIssued && certificate.publicKey == path[depth + 1].publicKey
            let basicConstraints = certificate.extensions.basicConstraints
            try at(depth) { () throws(VerificationFailureReason) in
                try profile.check(certificate, as: isLeaf ? .leaf : .intermediate, selfSigned: selfSigned,
                                  basicConstraints: basicConstraints)
            }
            note(depth, .certificateProfile(policy.profile))

            if !isLeaf {
                try prepareForNext(certificate, basicConstraints: basicConstraints, depth: depth, path: path,
                                   workingIssuerName: &workingIssuerName,
                                   maxPathLength: &maxPathLength, maxPathLengthSetBy: &maxPathLengthSetBy,
                                   nameConstraints: &nameConstraints, policies: &policies, notes: &notes)
            } else {
                policySet = try wrapUp(certificate, policies: &policies, notes: &notes)
            }
            depth -= 1
        }
        // A one-certificate path: the leaf is itself the anchor; it still has to suit the purpose and host.
        // With no certificate below the anchor there are no policies to process: the caller's set stands.
        if anchorDepth == 0 {
            try at(0) { () throws(VerificationFailureReason) in
                try profile.check(anchor, as: .leaf, selfSigned: anchorIsSelfSigned, basicConstraints: anchorBasicConstraints)
            }
            policySet = try wrapUp(anchor, policies: &policies, notes: &notes)
        }

        // §6.1.3 (a)(3): not revoked (§6.3), for the certificates the policy checks, from the anchor down.
        let signer = separateCRLSigner.map { find in { (crl: CertificateRevocationList) in find(crl, anchor) } }
        for depth in stride(from: anchorDepth - 1, through: 0, by: -1) where policy.revocation.checks(depth: depth) {
            switch RevocationCheck.check(path[depth], depth: depth, issuer: path[depth + 1], sources: revocationSources,
                                         time: time, policy: policy, cache: signatureCache, keys: issuerKeyCache,
                                         separateSigner: signer) {
            case .revoked(let reason, let date, let source):
                throw PathFailure(depth: depth, reason: .revoked(reason: reason, date: date, source: source))
            case .unknown(let problem):
                if policy.revocation.mode == .hardFail { throw PathFailure(depth: depth, reason: .revocationStatusUnknown(problem)) }
                revocation[depth] = .unknown(problem)
                note(depth, .revocationUnknown(problem))
            case .good(let source):
                revocation[depth] = .good(source)
                note(depth, .notRevoked(source))
            }
        }
        return (policySet, revocation)
    }

    /// §6.1.4: preparation for certificate i+1, for every intermediate.
    private func prepareForNext(
        _ certificate: Certificate, basicConstraints: BasicConstraints?, depth: Int, path: [Certificate],
        workingIssuerName: inout DistinguishedName,
        maxPathLength: inout Int, maxPathLengthSetBy: inout Int,
        nameConstraints: inout NameConstraintsState, policies: inout PolicyState, notes: inout [[Check]]?
    ) throws(PathFailure) {
        func note(_ check: @autoclosure () -> Check) {
            if notes != nil { notes![depth].append(check()) }
        }
        // (a), (b): policy mappings; (h)-(j): the policy skip counts. RFC 5280 orders them around
        // (c)-(g), which touch none of their state.
        do { try policies.prepareForNext(certificate) } catch { throw PathFailure(depth: depth, reason: error) }
        if notes != nil {
            let extensions = certificate.extensions
            if let mappings = extensions.policyMappings { note(.policyMappings(count: mappings.count)) }
            if let constraints = extensions.policyConstraints {
                note(.policyConstraints(requireExplicitPolicy: constraints.requireExplicitPolicy, inhibitPolicyMapping: constraints.inhibitPolicyMapping))
            }
            if let inhibit = extensions.inhibitAnyPolicy { note(.inhibitAnyPolicy(inhibit)) }
        }
        // (c)-(f): working_issuer_name and working_public_key now come from this certificate.
        workingIssuerName = certificate.subject

        // (k): a CA must be v3 with basicConstraints cA = TRUE; v1/v2 intermediates are refused.
        guard certificate.version == 3 else {
            throw PathFailure(depth: depth, reason: .v1Intermediate(version: certificate.version))
        }
        guard let basicConstraints, basicConstraints.isCA else {
            throw PathFailure(depth: depth, reason: .notACA)
        }
        note(.isCertificateAuthority)

        // (l): a certificate that is not self-issued consumes one unit of max_path_length.
        if !certificate.isSelfIssued {
            guard maxPathLength > 0 else {
                throw PathFailure(depth: maxPathLengthSetBy, reason: .pathLengthExceeded(limit: pathLenConstraint(at: maxPathLengthSetBy, in: path)))
            }
            maxPathLength -= 1
        } else {
            note(.selfIssuedNotCounted)
        }
        // (m): pathLenConstraint lowers max_path_length.
        if let pathLen = basicConstraints.pathLenConstraint {
            if pathLen < maxPathLength {
                maxPathLength = pathLen
                maxPathLengthSetBy = depth
            }
            note(.pathLength(constraint: pathLen, remaining: maxPathLength))
        }

        // (n): keyUsage, when present, must allow keyCertSign.
        if let keyUsage = certificate.extensions.keyUsage {
            guard keyUsage.contains(.keyCertSign) else { throw PathFailure(depth: depth, reason: .keyCertSignMissing) }
            note(.keyCertSign)
        }

        // (g): fold in this CA's name constraints.
        if let constraints = certificate.extensions.nameConstraints {
            do { try nameConstraints.add(constraints) } catch { throw PathFailure(depth: depth, reason: error) }
            note(.nameConstraintsAdded)
        }

        // (o): no critical extension this library does not process.
        if let unknown = certificate.extensions.unhandledCriticalExtensions.first {
            throw PathFailure(depth: depth, reason: .unhandledCriticalExtension(oid: unknown.oid))
        }
        note(.noUnhandledCriticalExtension(leaf: false))

        // Web PKI: an intermediate's extKeyUsage, when present, must allow the purpose (OpenSSL, Chromium).
        if let required = requiredEKU, let allowed = ExtendedKeyUsageCheck.allows(certificate, purpose: required) {
            guard allowed else {
                throw PathFailure(depth: depth, reason: .extendedKeyUsageMismatch(required: policy.purpose))
            }
            note(.extendedKeyUsage(policy.purpose))
        }
    }

    /// §6.1.5 wrap-up for the leaf, then the policy's purpose and identity checks; returns the
    /// certificate policies valid for the path.
    private func wrapUp(_ leaf: Certificate, policies: inout PolicyState, notes: inout [[Check]]?) throws(PathFailure) -> CertificatePolicySet {
        func note(_ check: @autoclosure () -> Check) {
            if notes != nil { notes![0].append(check()) }
        }
        // §6.1.5 (f): no critical extension this library does not process.
        if let unknown = leaf.extensions.unhandledCriticalExtensions.first {
            throw PathFailure(depth: 0, reason: .unhandledCriticalExtension(oid: unknown.oid))
        }
        note(.noUnhandledCriticalExtension(leaf: true))

        // §6.1.5 (a), (b), (g): the policies valid for the whole path.
        let policySet: CertificatePolicySet
        do { policySet = try policies.wrapUp(leaf) } catch { throw PathFailure(depth: 0, reason: error) }

        // Strict default: the leaf's own RSA key must be at least 2048 bits too (issuer keys are
        // checked with each signature).
        if let refusal = policy.refusal(of: leaf.publicKey) { throw PathFailure(depth: 0, reason: refusal) }

        // The leaf's own key is checked as each issuer's is when it verifies a signature: a certificate
        // for a key nobody can hold (an EC point off its curve) must not verify.
        if let problem = SignatureCheck.keyProblem(of: leaf) {
            throw PathFailure(depth: 0, reason: .invalidPublicKey(problem))
        }
        note(.validPublicKey(leaf.publicKey))

        // Purpose: extKeyUsage (RFC 5280 §4.2.1.12) and keyUsage (§4.2.1.3) of the leaf.
        if let required = requiredEKU {
            // The web PKI does not let anyExtendedKeyUsage stand for serverAuth in a leaf (BR §7.1.2.7.10).
            let acceptsAny = policy.profile == .rfc5280
            if let allowed = ExtendedKeyUsageCheck.allows(leaf, purpose: required, acceptingAny: acceptsAny) {
                guard allowed else {
                    throw PathFailure(depth: 0, reason: .extendedKeyUsageMismatch(required: policy.purpose))
                }
                note(.extendedKeyUsage(policy.purpose))
            }
            // TLS's own rule on the leaf's keyUsage (RFC 8446 §4.4.2.2, RFC 5246 §7.4.2), applied with the web profile.
            if policy.profile == .webPKI, let keyUsage = leaf.extensions.keyUsage {
                let allowed: KeyUsage = policy.purpose == .server
                    ? [.digitalSignature, .keyEncipherment, .keyAgreement] : [.digitalSignature, .keyAgreement]
                guard !keyUsage.isDisjoint(with: allowed) else {
                    throw PathFailure(depth: 0, reason: .keyUsageMismatch(required: policy.purpose))
                }
                note(.keyUsage(policy.purpose))
            }
        }

        // Identity: RFC 6125, subjectAltName only.
        if let identity {
            let names = leaf.extensions.subjectAlternativeNames ?? []
            guard identity.matches(subjectAlternativeNames: names, allowingUnderscore: policy.profile == .rfc5280) else {
                throw PathFailure(depth: 0, reason: .hostnameMismatch(host: policy.host ?? ""))
            }
            note(.subjectAltName(host: policy.host ?? ""))
        }
        return policySet
    }

    /// The pathLenConstraint of the certificate at `depth` (the one whose limit was exceeded), for the message.
    private func pathLenConstraint(at depth: Int, in path: [Certificate]) -> Int {
        path[depth].extensions.basicConstraints?.pathLenConstraint ?? policy.maxDepth
    }

    /// The extKeyUsage purpose the policy needs; nil for `.any`.
    private var requiredEKU: KeyPurpose? {
        switch policy.purpose {
        case .server: return .serverAuth
        case .client: return .clientAuth
        case .any: return nil
        }
    }


    private func validityFailure(_ certificate: Certificate) -> VerificationFailureReason {
        time.seconds < certificate.notBefore ? .notYetValid(notBefore: certificate.notBefore) : .expired(notAfter: certificate.notAfter)
    }
}
