// Hints for the classic causes of a failed verification, computed from the error and its attempts:
// a validation time before 2000 (clock not set), a chain that verifies but for time, a root the store
// lacks, a missing intermediate (with the issuer's AIA caIssuers URL); and, from a server's chain
// alone, AWS IoT's legacy endpoint. Used by --explain and --json.

/// A likely cause of a failed verification, recognised from the error and the chain.
public enum Hint: Sendable, Equatable, CustomStringConvertible {
    /// The validation time is before 2000-01-01: the clock is probably not set.
    case clockNotSet(Instant)
    /// Every other check passes: only the validity period at this time fails.
    case okExceptTime
    /// The best path ends at a self-signed root that is not in the trust store.
    case rootNotTrusted(DistinguishedName)
    /// The issuer of the certificate at `depth` was not supplied; `caIssuersURIs` says where to fetch it.
    case missingIssuer(depth: Int, issuer: DistinguishedName, caIssuersURIs: [String])
    /// A CA certificate's issuer is neither in the pool nor trusted: most often a root the store lacks.
    case rootMissingFromStore(issuer: DistinguishedName, caIssuersURIs: [String])
    /// The chain names the VeriSign Class 3 G5 root of AWS IoT's legacy (Symantec) endpoints, whose
    /// ATS endpoints chain to Amazon Root CA 1 or 3 instead; `atsHost` is the ATS name for the host.
    case legacyAWSIoTEndpoint(atsHost: String?)

    /// The hint in one sentence.
    public var description: String {
        switch self {
        case .clockNotSet(let time): return "the validation time \(time) is before 2000: clock not set?"
        case .okExceptTime: return "OK except time: the chain is otherwise valid at this time"
        case .rootNotTrusted(let root): return "the chain ends at the root \(root.openSSLDescription), which the trust store lacks"
        case .missingIssuer(let depth, let issuer, let uris):
            var text = "missing intermediate: the issuer of depth \(depth), \(issuer.openSSLDescription), was not supplied"
            if let uri = uris.first { text += "; fetch it from \(uri)" }
            return text
        case .rootMissingFromStore(let issuer, let uris):
            var text = "the chain stops at \(issuer.openSSLDescription), which is neither supplied nor trusted: a root the trust store lacks?"
            if let uri = uris.first { text += " (its certificate: \(uri))" }
            return text
        case .legacyAWSIoTEndpoint(let atsHost):
            var text = "the chain ends at \"\(Self.legacyAWSIoTRootName)\": this is AWS IoT's legacy (VeriSign/Symantec) endpoint"
            if let atsHost {
                text += "; use the ATS endpoint \(atsHost)"
            } else {
                text += "; use the account's ATS endpoint (PREFIX-ats.iot.REGION.amazonaws.com)"
            }
            return text + ", whose chain ends at Amazon Root CA 1 (RSA) or Amazon Root CA 3 (ECC)"
        }
    }
}

extension Hint {
    static let legacyAWSIoTRootName = "VeriSign Class 3 Public Primary Certification Authority - G5"

    /// `.legacyAWSIoTEndpoint` when a certificate of `chain` (as a server sent it for `host`) is issued
    /// by or is the legacy root; nil otherwise.
    public static func awsIoTEndpoint(host: String, chain: [Certificate]) -> Hint? {
        let namesLegacyRoot = chain.contains { certificate in
            certificate.issuer.commonName == legacyAWSIoTRootName || certificate.subject.commonName == legacyAWSIoTRootName
        }
        guard namesLegacyRoot else { return nil }
        // PREFIX.iot.REGION.amazonaws.com without "-ats": the same name with it.
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 5, labels[1] == "iot", host.hasSuffix(".amazonaws.com"), !labels[0].hasSuffix("-ats") else {
            return .legacyAWSIoTEndpoint(atsHost: nil)
        }
        return .legacyAWSIoTEndpoint(atsHost: ([labels[0] + "-ats"] + labels.dropFirst()).joined(separator: "."))
    }
}

extension Verifier {
    /// Why `error` (from verifying `leaf` with `intermediates`) probably happened, most useful first.
    /// May run the search again with validity checks off, to tell "OK except time".
    public func diagnose(_ error: VerificationError, leaf: Certificate, intermediates: [Certificate]) -> [Hint] {
        var hints: [Hint] = []
        let time = policy.validationTime ?? Instant.now()
        if time.seconds < 946_684_800 { hints.append(.clockNotSet(time)) }
        if error.attempts.contains(where: { $0.reason.isTimeFailure }) {
            var relaxed = self
            relaxed.policy.checksValidityPeriod = false
            if (try? relaxed.verify(leaf: leaf, intermediates: intermediates)) != nil { hints.append(.okExceptTime) }
        }
        var seenRoots: [DistinguishedName] = []
        var seenIssuers: [DistinguishedName] = []
        for attempt in error.attempts {
            switch attempt.reason {
            case .untrustedRoot(let root) where !seenRoots.contains(root):
                seenRoots.append(root)
                hints.append(.rootNotTrusted(root))
            case .issuerNotFound(let issuer, let uris) where !seenIssuers.contains(issuer):
                seenIssuers.append(issuer)
                if attempt.depth == 0 {
                    hints.append(.missingIssuer(depth: 0, issuer: issuer, caIssuersURIs: uris))
                } else {
                    hints.append(.rootMissingFromStore(issuer: issuer, caIssuersURIs: uris))
                }
            default:
                continue
            }
        }
        return hints
    }
}
