// Verifying a chain as a TLS peer sends it: the leaf first, the rest an unordered pool of
// intermediates. The host, the time and the purpose are per call, so one Verifier (its trust store
// and caches) serves every connection; and an async form runs the work off the caller's executor.

extension Verifier {
    /// Verifies `presentedChain` (leaf first, then whatever intermediates the peer sent, in any
    /// order) for `host` (a DNS name or an IP address), at `time` and for `purpose`; each left nil
    /// keeps the Verifier's policy's (whose host nil checks no name, whose time nil is now). A
    /// per-call nil never removes a host check the policy asks for. An empty chain fails with
    /// `.malformedCertificate(.noCertificates)`.
    public func verify(presentedChain: [Certificate], host: String? = nil, time: Instant? = nil,
                       purpose: Purpose? = nil) throws(VerificationError) -> VerifiedChain {
        guard let leaf = presentedChain.first else {
            throw VerificationError(depth: 0, subject: .empty, reason: .malformedCertificate(.noCertificates))
        }
        return try configured(host: host, time: time, purpose: purpose)
            .verify(leaf: leaf, intermediates: Array(presentedChain.dropFirst()))
    }

    /// As `verify(presentedChain:host:time:purpose:)` for DER certificates as they come off the wire;
    /// a leaf that does not parse fails (`.malformedCertificate`), an intermediate that does not is
    /// left out and listed in `skippedIntermediates`. `stapledOCSPResponse`: the DER the server
    /// stapled, if any.
    public func verify(presentedChain: [[UInt8]], host: String? = nil, time: Instant? = nil, purpose: Purpose? = nil,
                       stapledOCSPResponse: [UInt8]? = nil) throws(VerificationError) -> VerifiedChain {
        guard let leaf = presentedChain.first else {
            throw VerificationError(depth: 0, subject: .empty, reason: .malformedCertificate(.noCertificates))
        }
        return try configured(host: host, time: time, purpose: purpose)
            .verify(encodedLeaf: leaf, encodedIntermediates: Array(presentedChain.dropFirst()),
                    stapledOCSPResponse: stapledOCSPResponse)
    }

    /// The same, off the caller's executor (for callers in structured concurrency: a verification is
    /// CPU work of tens to hundreds of microseconds, more with revocation fetching).
    @concurrent
    public func verifyAsync(presentedChain: [[UInt8]], host: String? = nil, time: Instant? = nil, purpose: Purpose? = nil,
                            stapledOCSPResponse: [UInt8]? = nil) async throws(VerificationError) -> VerifiedChain {
        try verify(presentedChain: presentedChain, host: host, time: time, purpose: purpose,
                   stapledOCSPResponse: stapledOCSPResponse)
    }

    /// This Verifier with the per-call settings applied (the caches and trust store are shared).
    func configured(host: String?, time: Instant?, purpose: Purpose?) -> Verifier {
        var copy = self
        if let host { copy.policy.host = host }
        if let time { copy.policy.validationTime = time }
        if let purpose { copy.policy.purpose = purpose }
        return copy
    }
}
