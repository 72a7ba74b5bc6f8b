// Finds candidate paths from a leaf to a trust anchor and hands each complete one to the Validator.
// Candidates for an issuer come from the store and the pool by subject name, ranked once per lookup:
// authority / subject key identifiers agree, then the validity period covers the validation time, then
// trusted. The search is iterative deepening: depth-first with backtracking, first allowing no
// intermediate, then one, and so on up to Policy.maxDepth, so the shortest path is found first and a
// cross-signed mesh cannot trap the search in long detours. Pass N treats as new only what happens at
// exactly N intermediates (shorter paths were judged in earlier passes), and each (certificate, issuer
// key) link is verified at most once per search, so re-walking a prefix costs no signature check.
// Candidates whose subjectKeyIdentifier contradicts the authorityKeyIdentifier are left for a second
// round, run only when the first finds nothing, so look-alikes with other identifiers cost nothing.
// A path ends at the first certificate whose name AND key are in the trust store and that is
// self-signed (its own key verifies its signature; the same subject and issuer name is not enough); a
// trusted certificate that is not self-signed ends a path only with Policy.partialChain, and otherwise
// needs its own issuer. A certificate already on the path (same name and key) is never added again:
// that is the loop check. Each link's signature is verified as the link is added (RFC 5280 §6.1.3
// (a)(1)), so a candidate with the wrong key is dropped at once.
//
// Budget (Policy.budget, all fatal when exceeded — the search stops with .searchBudgetExhausted):
// candidates explored (default 1,024), signature verifications (100), complete paths validated (32);
// name-constraint comparisons (250,000, counted by the Validator over every path); plus Policy.maxDepth
// (default 12) intermediates between leaf and anchor, self-issued ones not counted (RFC 5280 §6.1.4 (l)),
// which only ends that branch.

struct PathBuilder {
    let store: TrustStore
    let policy: Policy
    let validator: Validator
    let cache: SignatureCache?
    let keys: IssuerKeyCache?
    let collectNotes: Bool
    private let pool: [Certificate]
    /// The pool, deduplicated and indexed by subject.
    private let candidatePool: CandidatePool
    private static let linearPoolLimit = 8

    private(set) var attempts: [PathAttempt] = []
    private var candidatesConsidered = 0
    private var signatureChecks = 0
    private var pathsValidated = 0
    private var nameConstraintComparisons = 0
    /// Links verified in this search, by the certificate's node and the issuer's SubjectPublicKeyInfo,
    /// with the outcome. Scanned, not hashed: a search holds a few links, and hashing a key costs more.
    private var links: [(link: Link, failure: VerificationFailureReason?)] = []
    /// The pass's intermediate allowance, and whether some branch was cut by it (a deeper pass may help).
    private var allowance = 0
    /// Long candidate lists by the node they issue, ranked once for every pass.
    private var candidateLists: [Node: [Candidate]] = [:]
    private var deferred = false
    /// Whether candidates whose subjectKeyIdentifier contradicts the authorityKeyIdentifier are skipped,
    /// and whether one was.
    private var strictKeyIdentifiers = true
    private var passedOverMismatch = false

    struct Success {
        let path: [Certificate]
        let notes: [[Check]]?
        let policies: CertificatePolicySet
        let revocation: [RevocationStatus]
    }

    /// Where a certificate of the search comes from: links are remembered by node.
    enum Node: Hashable {
        case leaf
        case pool(Int)
        case anchor(Int)
    }

    private struct Link: Equatable {
        let node: Node
        let issuerKey: PublicKeyInfo
    }

    private struct Candidate {
        let certificate: Certificate
        let node: Node
        /// Its subjectKeyIdentifier differs from the authorityKeyIdentifier of the certificate it would issue.
        var identifierMismatch = false
        var anchorIndex: Int? {
            if case .anchor(let index) = node { return index }
            return nil
        }
    }

    init(store: TrustStore, candidates: CandidatePool, policy: Policy, validator: Validator,
         cache: SignatureCache?, keys: IssuerKeyCache? = nil, collectNotes: Bool) {
        self.store = store
        self.policy = policy
        self.validator = validator
        self.cache = cache
        self.keys = keys
        self.collectNotes = collectNotes
        self.candidatePool = candidates
        self.pool = candidates.certificates
    }

    /// Searches for a valid path from `leaf`. Returns it, or nil with `attempts` filled in; throws only
    /// when a budget is exhausted.
    mutating func build(from leaf: Certificate) throws(VerificationFailureReason) -> Success? {
        // The leaf itself may be the anchor: a trusted self-signed certificate, or any trusted
        // certificate when partial chains are allowed.
        if let index = store.anchorIndex(matching: leaf) {
            let selfSigned = isSelfSigned(anchorAt: index)
            if selfSigned || policy.partialChain,
               let success = try validate([store.certificates[index]], anchorIsSelfSigned: selfSigned) {
                return success
            }
        }
        var path = [leaf]
        var nodes: [Node] = [.leaf]
        // First only candidates whose key identifier does not contradict the authorityKeyIdentifier, so
        // look-alikes with other identifiers cost nothing; then, if some were passed over, all of them.
        for strict in [true, false] {
            if !strict {
                guard passedOverMismatch else { return nil }
                attempts.removeAll()
            }
            strictKeyIdentifiers = strict
            passedOverMismatch = false
            allowance = 0
            while true {
                deferred = false
                if let success = try extend(&path, &nodes, intermediates: 0) { return success }
                guard deferred, allowance < policy.maxDepth else { break }
                allowance += 1
            }
        }
        return nil
    }

    /// Extends `path` (whose non-self-issued intermediates number `intermediates`) within this pass's
    /// allowance. Only events at exactly `allowance` intermediates are new in this pass; the rest
    /// repeat an earlier pass and are neither recorded nor charged a second signature check.
    private mutating func extend(_ path: inout [Certificate], _ nodes: inout [Node],
                                 intermediates: Int) throws(VerificationFailureReason) -> Success? {
        let certificate = path[path.count - 1]
        let node = nodes[nodes.count - 1]
        let depth = path.count - 1
        let candidates = rankedCandidates(of: certificate, node: node)
        var usable = false
        for candidate in candidates {
            let issuer = candidate.certificate
            let selfSignedAnchor = candidate.anchorIndex.map { isSelfSigned(anchorAt: $0) } ?? false
            // A trusted candidate ends the path when it is self-signed, or under partial chains.
            let endsPath = candidate.anchorIndex != nil && (selfSignedAnchor || policy.partialChain)

            if strictKeyIdentifiers && candidate.identifierMismatch {
                passedOverMismatch = true
                continue
            }
            // Loop check: the same name and key already on the path.
            if path.contains(where: { $0.subject == issuer.subject && $0.publicKey == issuer.publicKey }) {
                if issuer.publicKey == certificate.publicKey && certificate.isSelfIssued {
                    usable = true
                    if intermediates == allowance {
                        record(path, reachedAnchor: false, depth: depth, reason: .untrustedRoot(certificate.subject))
                    }
                }
                continue
            }
            usable = true
            // Policy.maxDepth counts intermediates, as OpenSSL's -verify_depth does, except self-issued
            // ones, which RFC 5280 §6.1.4 (l) does not count against max_path_length either.
            let count = intermediates + (!endsPath && !issuer.isSelfIssued ? 1 : 0)
            if count > allowance {
                if allowance < policy.maxDepth {
                    deferred = true
                } else {
                    record(path, reachedAnchor: false, depth: depth, reason: .depthExceeded(limit: policy.maxDepth))
                }
                continue
            }
            // A complete path shorter than this pass's allowance was judged in an earlier pass.
            if endsPath && count < allowance { continue }
            // Only new work is charged: re-walking a prefix of an earlier pass repeats known links.
            if count == allowance {
                candidatesConsidered += 1
                guard candidatesConsidered <= policy.budget.maxCandidates else { throw exhausted(.candidates) }
            }

            // RFC 5280 §6.1.3 (a)(1): the candidate's key must verify this certificate's signature.
            if let failure = try link(certificate, node: node, issuedBy: candidate) {
                if count == allowance { record(path + [issuer], reachedAnchor: false, depth: depth, reason: failure) }
                continue
            }
            path.append(issuer)
            nodes.append(candidate.node)
            if endsPath {
                if let success = try validate(path, anchorIsSelfSigned: selfSignedAnchor) { return success }
            } else if let success = try extend(&path, &nodes, intermediates: count) {
                return success
            }
            path.removeLast()
            nodes.removeLast()
        }
        if !usable && intermediates == allowance {
            if certificate.isSelfIssued && candidates.allSatisfy({ $0.certificate.publicKey == certificate.publicKey }) {
                record(path, reachedAnchor: false, depth: depth, reason: .untrustedRoot(certificate.subject))
            } else {
                record(path, reachedAnchor: false, depth: depth,
                       reason: .issuerNotFound(issuer: certificate.issuer,
                                               caIssuersURIs: PathBuilder.caIssuersURIs(of: certificate)))
            }
        }
        return nil
    }

    /// The key of the store's anchor at `index`, parsed once per store (the store keeps it).
    private func anchorKey(at index: Int) throws(VerificationFailureReason) -> PublicKey {
        if let known = store.anchorState.key(at: index) { return known }
        let key = try SignatureCheck.publicKey(of: store.certificates[index])
        store.anchorState.store(key, at: index)
        return key
    }

    /// Whether the anchor at `index` is self-signed: self-issued, and its own key verifies its own
    /// signature (whatever the signature algorithm; the policy's refusals concern the links of a path).
    /// Decided once per store.
    private func isSelfSigned(anchorAt index: Int) -> Bool {
        if let known = store.anchorState.isSelfSigned(at: index) { return known }
        let anchor = store.certificates[index]
        var result = false
        if anchor.isSelfIssued, let key = try? anchorKey(at: index) {
            var checks = 0
            let lenient = Policy(allowSHA1: true, allowWeakRSA: true)
            result = (try? SignatureCheck.verify(anchor, issuedBy: anchor, key: key, policy: lenient,
                                                 cache: nil, signatureChecks: &checks)) != nil
        }
        store.anchorState.storeSelfSigned(result, at: index)
        return result
    }

    /// The link's outcome (nil: the issuer's key verifies the certificate's signature), verified at
    /// most once per search for each (certificate, issuer key) pair.
    private mutating func link(_ certificate: Certificate, node: Node, issuedBy candidate: Candidate) throws(VerificationFailureReason) -> VerificationFailureReason? {
        let key = Link(node: node, issuerKey: candidate.certificate.publicKey)
        if let known = links.first(where: { $0.link == key }) { return known.failure }
        var failure: VerificationFailureReason?
        do {
            let knownKey = try candidate.anchorIndex.map { index throws(VerificationFailureReason) in try anchorKey(at: index) }
            try SignatureCheck.verify(certificate, issuedBy: candidate.certificate, key: knownKey, policy: policy,
                                      cache: cache, keys: keys, signatureChecks: &signatureChecks)
        } catch {
            if case .searchBudgetExhausted = error { throw error }
            failure = error
        }
        if signatureChecks > policy.budget.maxSignatureChecks { throw exhausted(.signatureChecks) }
        links.append((key, failure))
        return failure
    }

    private mutating func validate(_ path: [Certificate], anchorIsSelfSigned: Bool) throws(VerificationFailureReason) -> Success? {
        pathsValidated += 1
        guard pathsValidated <= policy.budget.maxPathsValidated else { throw exhausted(.pathsValidated) }
        var notes: [[Check]]? = collectNotes ? Array(repeating: [], count: path.count) : nil
        do {
            let (policies, revocation) = try validator.validate(path, anchorIsSelfSigned: anchorIsSelfSigned, notes: &notes,
                                                                comparisons: &nameConstraintComparisons)
            return Success(path: path, notes: notes, policies: policies, revocation: revocation)
        } catch {
            record(path, reachedAnchor: true, depth: error.depth, reason: error.reason)
            if case .searchBudgetExhausted(let limit, _, _) = error.reason { throw exhausted(limit) }
            return nil
        }
    }

    /// The budget failure for `limit`, naming its size and how many paths the search had tried.
    private func exhausted(_ limit: SearchLimit) -> VerificationFailureReason {
        let size: Int
        switch limit {
        case .candidates: size = policy.budget.maxCandidates
        case .signatureChecks: size = policy.budget.maxSignatureChecks
        case .pathsValidated: size = policy.budget.maxPathsValidated
        case .nameConstraintComparisons: size = policy.budget.maxNameConstraintComparisons
        case .policyGraphSize: size = policy.budget.maxPolicyGraphSize
        }
        return .searchBudgetExhausted(limit, size: size, pathsTried: attempts.count)
    }

    private mutating func record(_ path: [Certificate], reachedAnchor: Bool, depth: Int, reason: VerificationFailureReason) {
        attempts.append(PathAttempt(certificates: path, reachedAnchor: reachedAnchor, depth: depth, reason: reason))
    }

    /// issuerCandidates, kept for the passes to come when the list is long (a crowd of look-alikes).
    private mutating func rankedCandidates(of certificate: Certificate, node: Node) -> [Candidate] {
        if let known = candidateLists[node] { return known }
        let candidates = issuerCandidates(of: certificate)
        if candidates.count > PathBuilder.linearPoolLimit { candidateLists[node] = candidates }
        return candidates
    }

    /// Possible issuers of `certificate`: trust anchors and pool certificates whose subject is its issuer
    /// name (pool copies of an anchor, same name and key, are replaced by the store's certificate).
    /// Ranked: key identifiers agree, then the validity period covers the validation time, then trusted.
    private func issuerCandidates(of certificate: Certificate) -> [Candidate] {
        var candidates: [Candidate] = []
        let anchorIndices = store.indices(named: certificate.issuer)
        for index in anchorIndices { candidates.append(Candidate(certificate: store.certificates[index], node: .anchor(index))) }
        let poolIndices = candidatePool.indices(named: certificate.issuer)
        for index in poolIndices {
            let pooled = pool[index]
            if anchorIndices.contains(where: { store.certificates[$0].publicKey == pooled.publicKey }) { continue }
            candidates.append(Candidate(certificate: pooled, node: .pool(index)))
        }
        // A lone candidate is tried at once, whatever its identifiers: there is nothing to prefer to it.
        if candidates.count < 2 { return candidates }
        let time = validator.time
        // Scored once per candidate, then a stable sort by descending score.
        var scores: [Int] = []
        scores.reserveCapacity(candidates.count)
        for position in candidates.indices {
            let issuer = candidates[position].certificate
            var value = candidates[position].anchorIndex != nil ? 1 : 0
            if time.isWithin(notBefore: issuer.notBefore, notAfter: issuer.notAfter) { value += 2 }
            switch certificate.keyIdentifierRelation(toIssuer: issuer) {
            case .agrees: value += 4
            case .contradicts:
                value -= 4
                candidates[position].identifierMismatch = true
            case .unknown: break
            }
            scores.append(value)
        }
        return candidates.indices.sorted { a, b in
            scores[a] != scores[b] ? scores[a] > scores[b] : a < b
        }.map { candidates[$0] }
    }

    static func caIssuersURIs(of certificate: Certificate) -> [String] {
        certificate.extensions.caIssuersURIs
    }
}
