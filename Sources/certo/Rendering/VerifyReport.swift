// Renders a verification for people (--explain), for OpenSSL-style listings (-show_chain) and for
// programs (--json): the same facts each time — every link's signer, algorithm, key, validity window
// and checks, the anchor, and on failure every candidate path (most specific first) with the rule
// that refused it, and the hints. It names the certificate profile judged under and the certificates
// that were never candidates because they failed strict parsing (`Skipped`, located by the caller,
// who knows which file each came from). The library reports these as typed values; this file and
// CheckText.swift turn them into the CLI's text and JSON.
import Certo

enum VerifyReport {
    /// A certificate offered as an intermediate that was never a candidate because it failed strict
    /// parsing, or a whole file of them that could not be split into certificates.
    struct Skipped: Sendable, Equatable {
        let file: String
        /// 0-based index of the certificate in `file`; nil when the file itself could not be read as
        /// PEM or DER certificates.
        let position: Int?
        let error: CertificateError

        init(file: String, position: Int?, error: CertificateError) {
            self.file = file
            self.position = position
            self.error = error
        }
    }

    /// How `--explain` names a profile.
    static func profileDescription(_ profile: Profile) -> String {
        switch profile {
        case .webPKI: return "web (RFC 5280 + CA/B Forum Baseline Requirements §7.1)"
        case .rfc5280: return "rfc5280"
        }
    }

    // MARK: Text

    static func explain(file: String, policy: Policy, chain: VerifiedChain, skipped: [Skipped] = []) -> String {
        var lines = header(file: file, policy: policy, time: chain.validationTime, profile: chain.profile)
        for (depth, link) in chain.links.enumerated() {
            let certificate = link.certificate
            lines.append("  depth \(depth): \(certificate.subject.openSSLDescription)")
            lines.append("    key: \(link.publicKeyDescription)")
            if let issuer = link.issuer {
                lines.append("    signed by: \(issuer.subject.openSSLDescription)")
                lines.append("    algorithm: \(VerifiedChain.algorithmName(link.signatureAlgorithm)), signer key \(KeyDescription.describe(issuer.publicKey))")
            } else {
                let selfSigned = certificate.isSelfIssued ? "self-signed " : ""
                lines.append("    trust anchor: \(selfSigned)certificate found in the trust store (its own signature is not needed)")
            }
            lines.append("    valid: \(Instant.utcString(certificate.notBefore)) to \(Instant.utcString(certificate.notAfter))")
            for check in link.checks { lines.append("    ok: \(CheckText.line(check))") }
        }
        lines.append("  the path ends at the trust anchor \(chain.anchor.subject.openSSLDescription)")
        lines.append("  certificate policies valid for the path (RFC 5280 §6.1.6): \(policyText(chain.policies))")
        lines += skipped.map(skippedLine)
        return lines.joined(separator: "\n")
    }

    static func explainFailure(file: String, policy: Policy, error: VerificationError, hints: [Hint],
                                      skipped: [Skipped] = []) -> String {
        var lines = header(file: file, policy: policy, time: policy.validationTime, profile: policy.profile)
        // A leaf that does not parse has no subject to name.
        let subject = error.subject.rdns.isEmpty ? "" : " (\(error.subject.openSSLDescription))"
        lines.append("  failed at depth \(error.depth)\(subject): \(error.reason.message)")
        lines.append("    rule: \(error.reason.rule)")
        if !error.attempts.isEmpty {
            lines.append("  candidate paths tried, most specific failure first:")
            for (number, attempt) in error.attempts.enumerated() {
                let names = attempt.certificates.map { $0.subject.openSSLDescription }.joined(separator: " <- ")
                let end = attempt.reachedAnchor ? " (reached a trust anchor)" : ""
                lines.append("   \(number + 1). \(names)\(end)")
                lines.append("      at depth \(attempt.depth): \(attempt.reason.message)")
                lines.append("      rule: \(attempt.reason.rule)")
            }
        }
        lines += skipped.map(skippedLine)
        for hint in hints { lines.append("  hint: \(hint)") }
        return lines.joined(separator: "\n")
    }

    /// The user-constrained policy set in words.
    private static func policyText(_ set: CertificatePolicySet) -> String {
        switch set {
        case .anyPolicy: return "any (anyPolicy throughout)"
        case .policies(let list): return list.isEmpty ? "none" : list.joined(separator: ", ")
        }
    }

    /// OpenSSL's -show_chain listing.
    static func showChain(_ chain: VerifiedChain) -> String {
        var lines = ["Chain:"]
        for (depth, link) in chain.links.enumerated() {
            let trust = link.isTrustAnchor ? "" : " (untrusted)"
            lines.append("depth=\(depth): \(link.certificate.subject.openSSLDescription)\(trust)")
        }
        return lines.joined(separator: "\n")
    }

    private static func header(file: String, policy: Policy, time: Instant?, profile: Profile) -> [String] {
        var text = "\(file): verifying"
        if let time { text += " at \(time)" }
        text += " for \(policy.purpose.rawValue) use"
        if let host = policy.host { text += ", host \(host)" }
        return [text, "  profile: \(profileDescription(profile))"]
    }

    private static func skippedLine(_ skipped: Skipped) -> String {
        guard let position = skipped.position else { return "  skipped file: \(skipped.file): \(skipped.error)" }
        return "  skipped malformed certificate: \(skipped.file), position \(position): \(skipped.error)"
    }

    // MARK: JSON

    static func json(file: String, policy: Policy, chain: VerifiedChain?, error: VerificationError?, hints: [Hint],
                            skipped: [Skipped] = []) -> String {
        var fields: [String] = []
        fields.append("\"file\": \(JSONString.quoted(file))")
        fields.append("\"ok\": \(chain != nil)")
        if let time = chain?.validationTime ?? policy.validationTime { fields.append("\"validation_time\": \(JSONString.quoted(time.description))") }
        fields.append("\"purpose\": \(JSONString.quoted(policy.purpose.rawValue))")
        fields.append("\"host\": \(policy.host.map(JSONString.quoted) ?? "null")")
        fields.append("\"profile\": \(JSONString.quoted((chain?.profile ?? policy.profile).rawValue))")
        if let chain {
            var links: [String] = []
            for (depth, link) in chain.links.enumerated() {
                var object = certificateFields(link.certificate, depth: depth)
                object.append("\"public_key\": \(JSONString.quoted(link.publicKeyDescription))")
                object.append("\"trust_anchor\": \(link.isTrustAnchor)")
                if let issuer = link.issuer {
                    object.append("\"signed_by\": \(JSONString.quoted(issuer.subject.openSSLDescription))")
                    object.append("\"signature_algorithm\": \(JSONString.quoted(VerifiedChain.algorithmName(link.signatureAlgorithm)))")
                    object.append("\"signer_key\": \(JSONString.quoted(KeyDescription.describe(issuer.publicKey)))")
                }
                object.append("\"checks\": [\(link.checks.map { JSONString.quoted(CheckText.line($0)) }.joined(separator: ", "))]")
                object.append("\"revocation\": \(RevocationJSON.status(link.revocation))")
                links.append("{" + object.joined(separator: ", ") + "}")
            }
            fields.append("\"chain\": [\(links.joined(separator: ", "))]")
            let policies: [String]
            switch chain.policies {
            case .anyPolicy: policies = [PolicyInformation.anyPolicy]
            case .policies(let list): policies = list
            }
            fields.append("\"certificate_policies\": [\(policies.map(JSONString.quoted).joined(separator: ", "))]")
        }
        if let error {
            let (code, text) = error.reason.openSSLCode
            fields.append("\"error\": {\"depth\": \(error.depth), \"subject\": \(JSONString.quoted(error.subject.openSSLDescription)), \"reason\": \(JSONString.quoted(reasonName(error.reason))), \"message\": \(JSONString.quoted(error.reason.message)), \"openssl_code\": \(code), \"openssl_text\": \(JSONString.quoted(text)), \"rule\": \(JSONString.quoted(error.reason.rule.description))\(RevocationJSON.refusal(error.reason).map { ", \"revocation\": " + $0 } ?? "")}")
            var attempts: [String] = []
            for attempt in error.attempts {
                let certificates = attempt.certificates.map { JSONString.quoted($0.subject.openSSLDescription) }.joined(separator: ", ")
                attempts.append("{\"path\": [\(certificates)], \"reached_anchor\": \(attempt.reachedAnchor), \"depth\": \(attempt.depth), \"reason\": \(JSONString.quoted(reasonName(attempt.reason))), \"message\": \(JSONString.quoted(attempt.reason.message)), \"rule\": \(JSONString.quoted(attempt.reason.rule.description))}")
            }
            fields.append("\"attempts\": [\(attempts.joined(separator: ", "))]")
        }
        let skippedObjects = skipped.map { entry in
            "{\"file\": \(JSONString.quoted(entry.file)), \"position\": \(entry.position.map(String.init) ?? "null"), \"error\": \(JSONString.quoted(entry.error.description))}"
        }
        fields.append("\"skipped\": [\(skippedObjects.joined(separator: ", "))]")
        fields.append("\"hints\": [\(hints.map { JSONString.quoted($0.description) }.joined(separator: ", "))]")
        return "{" + fields.joined(separator: ", ") + "}"
    }

    private static func certificateFields(_ certificate: Certificate, depth: Int) -> [String] {
        [
            "\"depth\": \(depth)",
            "\"subject\": \(JSONString.quoted(certificate.subject.openSSLDescription))",
            "\"issuer\": \(JSONString.quoted(certificate.issuer.openSSLDescription))",
            "\"serial\": \(JSONString.quoted(certificate.serialNumberHex))",
            "\"not_before\": \(JSONString.quoted(Instant.utcString(certificate.notBefore)))",
            "\"not_after\": \(JSONString.quoted(Instant.utcString(certificate.notAfter)))",
        ]
    }

    /// The reason's case name ("expired", "hostnameMismatch"): stable for scripts.
    static func reasonName(_ reason: VerificationFailureReason) -> String { reason.name }

}
