// The entry point: verifies a leaf against a TrustStore under a Policy, using the intermediates as
// an unordered pool. Immutable and Sendable: one Verifier can serve many threads at once (the only
// shared mutable state is in the optional SignatureCache and IssuerKeyCache, each behind its own lock).

/// Builds a path from a leaf to a trust anchor and validates it (RFC 5280 §6, the web-PKI profile by
/// default), checking every signature with Certo's own code. One Verifier serves many chains and
/// threads: keep it for the life of the program, so its caches keep paying.
public struct Verifier: Sendable {
    /// The anchors paths must end at.
    public let trustStore: TrustStore
    /// What every verification checks (the per-call arguments of `verify(presentedChain:…)` override
    /// its host, time and purpose).
    public var policy: Policy {
        didSet { identity = policy.host.map { HostIdentity($0) } }
    }
    /// policy.host parsed once: nil when there is no host, .some(nil) when it is not a valid name or IP.
    private var identity: HostIdentity??
    /// Remembers signature checks across calls; nil turns caching off (benchmarks do).
    public let signatureCache: SignatureCache?
    /// Keeps parsed issuer keys (and their precomputation) across calls; nil turns it off.
    public let issuerKeyCache: IssuerKeyCache?
    /// CRLs for revocation checking (used when Policy.revocation asks for it).
    public var crls: [CertificateRevocationList] = []
    /// OCSP responses for revocation checking, for any certificates (as `openssl ocsp -respout` writes them).
    public var ocspResponses: [OCSPResponse] = []
    /// Fetches OCSP and CRLs over HTTP for certificates no given answer covers; nil fetches nothing.
    public var revocationFetcher: (any RevocationFetcher)?
    /// How many levels deep a CRL may be signed by another key of its issuer (§6.3.3 (f)): the
    /// verification of such a signer may need one itself (a CA that rolled its key over, PKITS 4.6.17),
    /// and the bound keeps the nesting finite.
    var separateCRLSignerLevels = 3
    /// The CRL signers whose own paths are being validated by the verifications this one is nested
    /// in. A signer whose revocation is answered by a CRL it signed itself (an indirect CRL issuer
    /// listed in its own CRL, PKITS 4.14.30) is taken as that CRL's signer without a further level:
    /// its path is the one under validation.
    var crlSignersInProgress: [Certificate] = []

    /// RFC 5280 §6.3.3 (f): a certificate named like `crl`'s issuer, allowed cRLSign, whose key verifies
    /// `crl` and whose own path validates to `anchor` (with its own revocation checked as the policy
    /// says). Candidates come from the intermediates and the trust store.
    func crlSigner(for crl: CertificateRevocationList, anchor: Certificate, time: Instant,
                   intermediates: [Certificate]) -> Certificate? {
        var nestedPolicy = policy
        nestedPolicy.profile = .rfc5280
        nestedPolicy.purpose = .any
        nestedPolicy.host = nil
        nestedPolicy.validationTime = time
        nestedPolicy.certificatePolicies = CertificatePolicyInputs()
        nestedPolicy.revocation.scope = .all
        for candidate in intermediates + trustStore.certificates where candidate.subject == crl.issuer {
            guard CRLCheck.problem(signing: crl, with: candidate, policy: policy) == nil else { continue }
            if crlSignersInProgress.contains(where: { $0.derBytes == candidate.derBytes }) { return candidate }
            var nested = Verifier(trustStore: TrustStore([anchor]), policy: nestedPolicy, signatureCache: nil, issuerKeyCache: nil)
            nested.crls = crls
            nested.ocspResponses = ocspResponses
            nested.revocationFetcher = revocationFetcher
            nested.separateCRLSignerLevels = separateCRLSignerLevels - 1
            nested.crlSignersInProgress = crlSignersInProgress + [candidate]
            if (try? nested.verify(leaf: candidate, intermediates: intermediates)) != nil { return candidate }
        }
        return nil
    }

    /// A verifier for `trustStore` under `policy`, with a signature-result cache and an issuer-key cache
    /// (pass nil to turn either off; both are shared safely across threads).
    public init(trustStore: TrustStore, policy: Policy = Policy(), signatureCache: SignatureCache? = SignatureCache(),
                issuerKeyCache: IssuerKeyCache? = IssuerKeyCache()) {
        self.trustStore = trustStore
        self.policy = policy
        self.signatureCache = signatureCache
        self.issuerKeyCache = issuerKeyCache
        self.identity = policy.host.map { HostIdentity($0) }
    }

    /// Builds and validates a path from `leaf` to a trust anchor. On failure the error names the depth,
    /// the certificate and the most specific reason over every candidate path, and lists the attempts.
    public func verify(leaf: Certificate, intermediates: [Certificate] = []) throws(VerificationError) -> VerifiedChain {
        try verify(leaf: leaf, intermediates: intermediates, explain: false)
    }

    /// As `verify(leaf:intermediates:)`; with `explain`, every link of the result carries its checks in
    /// words. `stapledOCSPResponse` is the DER the TLS server stapled for the leaf, if any: used when
    /// Policy.revocation checks the leaf (one that does not parse is reported, not trusted).
    public func verify(leaf: Certificate, intermediates: [Certificate], explain: Bool,
                       stapledOCSPResponse: [UInt8]? = nil) throws(VerificationError) -> VerifiedChain {
        try verify(leaf: leaf, candidates: CandidatePool(intermediates), explain: explain, stapledOCSPResponse: stapledOCSPResponse)
    }

    /// The search over intermediates already deduplicated and indexed (an IntermediatePool's, built once).
    func verify(leaf: Certificate, candidates: CandidatePool, explain: Bool,
                stapledOCSPResponse: [UInt8]?) throws(VerificationError) -> VerifiedChain {
        let intermediates = candidates.certificates
        let time = policy.validationTime ?? Instant.now()
        var hostIdentity: HostIdentity?
        if let host = policy.host {
            guard case .some(.some(let parsed)) = identity else {
                throw VerificationError(depth: 0, subject: leaf.subject, reason: .invalidHost(host))
            }
            hostIdentity = parsed
        }
        var validator = Validator(policy: policy, time: time, identity: hostIdentity)
        if policy.revocation.mode != .off {
            validator.revocationSources = RevocationSources(
                crls: crls, ocspResponses: ocspResponses,
                staple: stapledOCSPResponse.map { der in Result { () throws(CertificateError) in try OCSPResponse(derEncoded: der) } },
                fetch: revocationFetcher.map { RevocationFetchSession(fetcher: $0) })
            validator.signatureCache = signatureCache
            validator.issuerKeyCache = issuerKeyCache
        }
        if policy.revocation.mode != .off && separateCRLSignerLevels > 0 {
            validator.separateCRLSigner = { [self] crl, anchor in crlSigner(for: crl, anchor: anchor, time: time, intermediates: intermediates) }
        }
        var builder = PathBuilder(store: trustStore, candidates: candidates, policy: policy,
                                  validator: validator, cache: signatureCache, keys: issuerKeyCache, collectNotes: explain)
        let success: PathBuilder.Success?
        do {
            success = try builder.build(from: leaf)
        } catch {
            throw VerificationError(depth: 0, subject: leaf.subject, reason: error, attempts: Verifier.ranked(builder.attempts))
        }
        if let success {
            return VerifiedChain(path: success.path, notes: success.notes, validationTime: time, profile: policy.profile,
                                 policies: success.policies, revocation: success.revocation)
        }
        let attempts = Verifier.ranked(builder.attempts)
        guard let best = attempts.first else {
            // Unreachable in practice (a failed search always records an attempt); stay typed anyway.
            throw VerificationError(depth: 0, subject: leaf.subject,
                                    reason: .issuerNotFound(issuer: leaf.issuer, caIssuersURIs: []))
        }
        let subject = best.depth < best.certificates.count ? best.certificates[best.depth].subject : leaf.subject
        throw VerificationError(depth: best.depth, subject: subject, reason: best.reason, attempts: attempts)
    }

    /// Verifies a chain given as DER certificates, as they come from a file or a peer: a leaf that fails
    /// strict parsing fails the verification with `.malformedCertificate` (depth 0, empty subject); an
    /// intermediate that fails is skipped as a candidate and listed in `skippedIntermediates`.
    public func verify(encodedLeaf: [UInt8], encodedIntermediates: [[UInt8]] = [], explain: Bool = false,
                       stapledOCSPResponse: [UInt8]? = nil) throws(VerificationError) -> VerifiedChain {
        try verify(encodedLeaf: encodedLeaf, pool: IntermediatePool(encoded: encodedIntermediates), explain: explain,
                   stapledOCSPResponse: stapledOCSPResponse)
    }

    /// As `verify(encodedLeaf:encodedIntermediates:explain:)` with intermediates already parsed once.
    public func verify(encodedLeaf: [UInt8], pool: IntermediatePool, explain: Bool = false,
                       stapledOCSPResponse: [UInt8]? = nil) throws(VerificationError) -> VerifiedChain {
        let leaf: Certificate
        do {
            leaf = try Certificate(derEncoded: encodedLeaf)
        } catch {
            throw VerificationError(depth: 0, subject: DistinguishedName.empty, reason: .malformedCertificate(error),
                                    skippedIntermediates: pool.skipped)
        }
        do {
            var chain = try verify(leaf: leaf, candidates: pool.candidates, explain: explain,
                                   stapledOCSPResponse: stapledOCSPResponse)
            chain.skippedIntermediates = pool.skipped
            return chain
        } catch {
            throw VerificationError(depth: error.depth, subject: error.subject, reason: error.reason, attempts: error.attempts,
                                    skippedIntermediates: pool.skipped)
        }
    }

    /// Most specific first (higher rank); among equals, paths that got further first, then search order.
    static func ranked(_ attempts: [PathAttempt]) -> [PathAttempt] {
        attempts.enumerated().sorted { a, b in
            if a.element.reason.rank != b.element.reason.rank { return a.element.reason.rank > b.element.reason.rank }
            if a.element.certificates.count != b.element.certificates.count {
                return a.element.certificates.count > b.element.certificates.count
            }
            return a.offset < b.offset
        }.map(\.element)
    }
}
