// Finds candidate paths from a leaf to a trust anchor and hands each complete one to the Validator.
// Candidates for an issuer come from the store and the pool by subject name, ranked by authority /
// subject key identifier agreement (then trusted first); the search is depth-first with backtracking,
// so cross-signed and re-issued CAs are tried in turn. A path ends at the first certificate whose name
// AND key are in the trust store and that is self-signed (its own key verifies its signature; the same
// subject and issuer name is not enough); a trusted certificate that is not self-signed ends a path
// only with Policy.partialChain, and otherwise needs its own issuer. A certificate already on the
// path (same name and key) is never added again: that is the loop check. Each link's signature is verified as the link is
// added (RFC 5280 §6.1.3 (a)(1)), so a candidate with the wrong key is dropped at once.
//
// Budget (Policy.budget, all fatal when exceeded — the search stops with .searchBudgetExhausted):
// candidates considered (default 256), signature verifications (64), complete paths validated (32);
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
    private let poolBySubject: [DistinguishedName: [Int]]
    private static let linearPoolLimit = 8

    private(set) var attempts: [PathAttempt] = []
    private var candidatesConsidered = 0
    private var signatureChecks = 0
    private var pathsValidated = 0
    private var nameConstraintComparisons = 0

    struct Success {
        let path: [Certificate]
        let notes: [[String]]?
    }

    init(store: TrustStore, intermediates: [Certificate], policy: Policy, validator: Validator,
         cache: SignatureCache?, keys: IssuerKeyCache? = nil, collectNotes: Bool) {
        self.store = store
        self.policy = policy
        self.validator = validator
        self.cache = cache
        self.keys = keys
        self.collectNotes = collectNotes
        var unique: [Certificate] = []
        for certificate in intermediates where !unique.contains(where: { $0.derBytes == certificate.derBytes }) {
            unique.append(certificate)
        }
        // Small pools (the usual one or two intermediates) are scanned; large ones indexed by name.
        var index: [DistinguishedName: [Int]] = [:]
        if unique.count > PathBuilder.linearPoolLimit {
            for (position, certificate) in unique.enumerated() { index[certificate.subject, default: []].append(position) }
        }
        self.pool = unique
        self.poolBySubject = index
    }

    /// Searches for a valid path from `leaf`. Returns it, or nil with `attempts` filled in; throws only
    /// when a budget is exhausted.
    mutating func build(from leaf: Certificate) throws(VerificationFailureReason) -> Success? {
        var path = [leaf]
        // The leaf itself may be the anchor: a trusted self-signed certificate, or any trusted
        // certificate when partial chains are allowed.
        if let index = store.anchorIndex(matching: leaf) {
            let selfSigned = store.isSelfSigned(anchorAt: index)
            if selfSigned || policy.partialChain,
               let success = try validate([store.certificates[index]], anchorIsSelfSigned: selfSigned) {
                return success
            }
        }
        return try extend(&path)
    }

    private mutating func extend(_ path: inout [Certificate]) throws(VerificationFailureReason) -> Success? {
        let certificate = path[path.count - 1]
        let depth = path.count - 1
        let candidates = issuerCandidates(of: certificate)
        var recorded = false
        for (candidate, anchorIndex) in candidates {
            let trusted = anchorIndex != nil
            let selfSignedAnchor = anchorIndex.map { store.isSelfSigned(anchorAt: $0) } ?? false
            // A trusted candidate ends the path when it is self-signed, or under partial chains.
            let endsPath = trusted && (selfSignedAnchor || policy.partialChain)
            candidatesConsidered += 1
            guard candidatesConsidered <= policy.budget.maxCandidates else { throw .searchBudgetExhausted(.candidates) }

            // Loop check: the same name and key already on the path.
            if path.contains(where: { $0.subject == candidate.subject && $0.publicKey == candidate.publicKey }) {
                if candidate.publicKey == certificate.publicKey && certificate.isSelfIssued {
                    record(path, reachedAnchor: false, depth: depth, reason: .untrustedRoot(certificate.subject))
                    recorded = true
                }
                continue
            }
            // Policy.maxDepth counts intermediates, as OpenSSL's -verify_depth does, except self-issued
            // ones, which RFC 5280 §6.1.4 (l) does not count against max_path_length either.
            var intermediates = path.dropFirst().reduce(0) { $0 + ($1.isSelfIssued ? 0 : 1) }
            if !endsPath && !candidate.isSelfIssued { intermediates += 1 }
            if intermediates > policy.maxDepth {
                record(path, reachedAnchor: false, depth: depth, reason: .depthExceeded(limit: policy.maxDepth))
                recorded = true
                continue
            }
            // RFC 5280 §6.1.3 (a)(1): the candidate's key must verify this certificate's signature.
            let before = signatureChecks
            do {
                let knownKey = try anchorIndex.map { index throws(VerificationFailureReason) in try store.publicKey(ofAnchorAt: index) }
                try SignatureCheck.verify(certificate, issuedBy: candidate, key: knownKey, policy: policy, cache: cache,
                                          keys: keys, signatureChecks: &signatureChecks)
            } catch {
                if case .searchBudgetExhausted = error { throw error }
                record(path + [candidate], reachedAnchor: false, depth: depth, reason: error)
                recorded = true
                if signatureChecks > policy.budget.maxSignatureChecks { throw .searchBudgetExhausted(.signatureChecks) }
                continue
            }
            if signatureChecks > before && signatureChecks > policy.budget.maxSignatureChecks {
                throw .searchBudgetExhausted(.signatureChecks)
            }
            path.append(candidate)
            if endsPath {
                if let success = try validate(path, anchorIsSelfSigned: selfSignedAnchor) { return success }
            } else if let success = try extend(&path) {
                return success
            }
            path.removeLast()
            recorded = true
        }
        if !recorded {
            if certificate.isSelfIssued && candidates.allSatisfy({ $0.0.publicKey == certificate.publicKey }) {
                record(path, reachedAnchor: false, depth: depth, reason: .untrustedRoot(certificate.subject))
            } else {
                record(path, reachedAnchor: false, depth: depth,
                       reason: .issuerNotFound(issuer: certificate.issuer,
                                               caIssuersURIs: PathBuilder.caIssuersURIs(of: certificate)))
            }
        }
        return nil
    }

    private mutating func validate(_ path: [Certificate], anchorIsSelfSigned: Bool) throws(VerificationFailureReason) -> Success? {
        pathsValidated += 1
        guard pathsValidated <= policy.budget.maxPathsValidated else { throw .searchBudgetExhausted(.pathsValidated) }
        var notes: [[String]]? = collectNotes ? Array(repeating: [], count: path.count) : nil
        do {
            try validator.validate(path, anchorIsSelfSigned: anchorIsSelfSigned, notes: &notes,
                                   comparisons: &nameConstraintComparisons)
            return Success(path: path, notes: notes)
        } catch {
            record(path, reachedAnchor: true, depth: error.depth, reason: error.reason)
            if case .searchBudgetExhausted = error.reason { throw error.reason }
            return nil
        }
    }

    private mutating func record(_ path: [Certificate], reachedAnchor: Bool, depth: Int, reason: VerificationFailureReason) {
        attempts.append(PathAttempt(certificates: path, reachedAnchor: reachedAnchor, depth: depth, reason: reason))
    }

    /// Possible issuers of `certificate`: trust anchors and pool certificates whose subject is its issuer
    /// name, each flagged trusted when its name and key are in the store (pool copies of an anchor are
    /// replaced by the store's certificate). Ranked: key identifiers agree, then trusted, then the rest.
    private func issuerCandidates(of certificate: Certificate) -> [(Certificate, Int?)] {
        var candidates: [(Certificate, Int?)] = []
        let anchorIndices = store.indices(named: certificate.issuer)
        for index in anchorIndices { candidates.append((store.certificates[index], index)) }
        let poolIndices = pool.count > PathBuilder.linearPoolLimit
            ? poolBySubject[certificate.issuer] ?? []
            : pool.indices.filter { pool[$0].subject == certificate.issuer }
        for index in poolIndices {
            let pooled = pool[index]
            // A pool copy of an anchor (same name and key) is the anchor.
            if anchorIndices.contains(where: { store.certificates[$0].publicKey == pooled.publicKey }) { continue }
            if !candidates.contains(where: { $0.0.derBytes == pooled.derBytes }) { candidates.append((pooled, nil)) }
        }
        if candidates.count < 2 { return candidates }
        let authorityKeyID = certificate.extensions.authorityKeyIdentifier?.keyIdentifier
        func score(_ candidate: (Certificate, Int?)) -> Int {
            var value = candidate.1 != nil ? 1 : 0
            if let authorityKeyID, let subjectKeyID = candidate.0.extensions.subjectKeyIdentifier {
                value += authorityKeyID == subjectKeyID ? 4 : -4
            }
            return value
        }
        // Stable sort by descending score.
        return candidates.enumerated().sorted { a, b in
            let (sa, sb) = (score(a.element), score(b.element))
            return sa != sb ? sa > sb : a.offset < b.offset
        }.map(\.element)
    }

    static func caIssuersURIs(of certificate: Certificate) -> [String] {
        certificate.extensions.caIssuersURIs
    }
}
