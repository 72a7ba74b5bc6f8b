// `certo show`'s text for one certificate: the fields `openssl x509 -text` leads with, one line each,
// every extension in one line, fingerprints, who issued it in a chain file, and for a certificate the
// strict parser refused, one `problem: FIELD: WHAT (RULE)` line per departure the display decoder found.
import CertoHash
import CertoX509

enum ShowText {
    static func render(_ c: CertificateDisplay, index: Int, links: IssuerLinks, now: Int64, numbered: Bool) -> String {
        var lines: [String] = []
        let pad = "  "
        func field(_ name: String, _ value: String) {
            let label = name + ":"
            lines.append(pad + label + String(repeating: " ", count: max(1, 13 - label.count)) + value)
        }
        lines.append(numbered ? "cert_\(index + 1):" : "Certificate:")
        field("Version", c.version.map { String($0) } ?? "unreadable")
        field("Serial", colonHex(c.serialNumber).lowercased() + serialNote(c))
        field("Signature", c.signatureAlgorithm?.description ?? "unreadable")
        field("Issuer", c.issuer.openSSLDescription)
        field("Validity", "\(timeText(c.notBefore)) to \(timeText(c.notAfter)) (\(validityStatus(c, now: now).text))")
        field("Subject", c.subject.isEmpty ? "(empty)" : c.subject.openSSLDescription)
        field("Public key", publicKeyText(c.publicKey))
        if c.extensions.all.isEmpty {
            field("Extensions", "(none)")
        } else {
            lines.append(pad + "Extensions:")
            for (ext, summary) in zip(c.extensions.all, c.extensionSummaries) {
                lines.append(pad + "  " + ext.name + (ext.critical ? " (critical)" : "") + ": " + summary)
            }
        }
        field("SHA-256", colonHex(c.fingerprint(.sha256)))
        field("SHA-1", colonHex(c.fingerprint(.sha1)))
        if numbered {
            field("Issued by", links.issuerDescription(index) ?? "not in this file")
        }
        for problem in c.problems {
            lines.append(pad + "problem: " + problem.description)
        }
        return lines.joined(separator: "\n")
    }

    static func timeText(_ time: Int64?) -> String {
        time.map { CivilTime.iso8601($0) } ?? "(unreadable)"
    }

    static func serialNote(_ c: CertificateDisplay) -> String {
        let problems = c.serialNumberProblems
        var notes: [String] = []
        if problems.contains(.negative) { notes.append("negative") }
        if problems.contains(.zero) { notes.append("zero") }
        if problems.contains(.longerThan20Octets) { notes.append("longer than 20 octets") }
        return notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ": RFC 5280 forbids)"
    }

    static func publicKeyText(_ key: DisplayedPublicKey) -> String {
        switch key {
        case .decoded(let info):
            return algorithmText(info.algorithm, exponent: info.rsaPublicExponentBytes)
        case .undecoded(let facts):
            let text = facts.algorithm.map { algorithmText($0, exponent: facts.rsaPublicExponentBytes) } ?? facts.algorithmName
            return text + " (not decoded strictly; see problems)"
        }
    }

    private static func algorithmText(_ algorithm: PublicKeyAlgorithm, exponent: [UInt8]?) -> String {
        switch algorithm {
        case .rsa, .rsaPSS:
            let text = exponent.map { bytes -> String in
                if bytes.count <= 8 { return "e=" + String(bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }) }
                return "e=0x" + hexString(bytes).uppercased()
            } ?? ""
            return algorithm.description + (text.isEmpty ? "" : ", " + text)
        default:
            return algorithm.description
        }
    }
}

struct ValidityStatus {
    let code: String
    let text: String
}

/// Where `now` lies in the validity period; "unknown" when a time that would decide cannot be read.
func validityStatus(_ c: CertificateDisplay, now: Int64) -> ValidityStatus {
    if let notAfter = c.notAfter, now > notAfter {
        return ValidityStatus(code: "expired", text: "expired \(days(now - notAfter)) ago")
    }
    if let notBefore = c.notBefore, now < notBefore {
        return ValidityStatus(code: "not yet valid", text: "not yet valid; starts in \(days(notBefore - now))")
    }
    guard let notAfter = c.notAfter, c.notBefore != nil else {
        return ValidityStatus(code: "unknown", text: "validity unknown: a time is unreadable")
    }
    return ValidityStatus(code: "valid", text: "valid now; expires in \(days(notAfter - now))")
}

private func days(_ seconds: Int64) -> String {
    let count = seconds / 86_400
    if count >= 1 { return "\(count) day\(count == 1 ? "" : "s")" }
    let hours = seconds / 3600
    return hours >= 1 ? "\(hours) hour\(hours == 1 ? "" : "s")" : "\(seconds) second\(seconds == 1 ? "" : "s")"
}
