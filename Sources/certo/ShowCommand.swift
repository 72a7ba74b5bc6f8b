// `certo show [--json] FILE...`: what `openssl x509 -text -noout` tells a person, compactly: per
// certificate its fields, every extension decoded, fingerprints, and for chain files which certificate
// issued which (by name and key identifier; no signature is checked here). Bad input: one line, exit 1.
import ArgumentParser
import Certo
import CertoHash
import CertoX509
#if canImport(Glibc)
import Glibc
#endif

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print what a person needs to know about certificates.")

    @Flag(help: "Print a JSON array with one object per certificate.")
    var json = false

    @Argument(help: "PEM (any number of certificates) or DER files.")
    var files: [String]

    func run() throws {
        let now = Int64(time(nil))
        var failed = false
        // --json objects are printed as they are made (the array's bytes as before), so only one
        // file's certificates are ever held.
        var printedObjects = 0
        for (fileIndex, path) in files.enumerated() {
            let certificates: [Certificate]
            do {
                certificates = try Certificate.parseAll(try readWholeFile(path))
            } catch let error as FileReadError {
                printError("certo show: \(error)")
                failed = true
                continue
            } catch {
                printError("certo show: \(path): \(error)")
                failed = true
                continue
            }
            let links = IssuerLinks(certificates)
            if json {
                for (index, certificate) in certificates.enumerated() {
                    let object = ShowJSON.object(certificate, file: path, index: index, links: links, now: now)
                    print(printedObjects == 0 ? "[" + object : ",\n " + object, terminator: "")
                    printedObjects += 1
                }
            } else {
                if fileIndex > 0 { print("") }
                if files.count > 1 || certificates.count > 1 {
                    print("\(path): \(certificates.count) certificate\(certificates.count == 1 ? "" : "s")")
                }
                for (index, certificate) in certificates.enumerated() {
                    if index > 0 { print("") }
                    print(ShowText.render(certificate, index: index, links: links, now: now, numbered: certificates.count > 1))
                }
                if certificates.count > 1 { print(""); print(links.summary) }
            }
        }
        if json { print(printedObjects == 0 ? "[]" : "]") }
        if failed { throw ExitCode(1) }
    }
}

/// Which certificate in a file issued which: subject/issuer names match (RFC 5280 §7.1) and the key
/// identifiers do not contradict each other (CertoX509's keyIdentifierRelation, as path building uses).
struct IssuerLinks {
    /// issuers[i] = indices of candidates that may have issued certificate i (excluding i itself).
    let issuers: [[Int]]
    let selfIssued: [Bool]
    let keyIdentifierMatched: [[Bool]]

    init(_ certificates: [Certificate]) {
        var issuers: [[Int]] = []
        var matched: [[Bool]] = []
        // Candidates by subject, in file order: a bundle of thousands is linked in linear time, not
        // by comparing every pair of names.
        var bySubject: [DistinguishedName: [Int]] = [:]
        for (index, certificate) in certificates.enumerated() { bySubject[certificate.subject, default: []].append(index) }
        for certificate in certificates {
            var found: [Int] = []
            var byKey: [Bool] = []
            for j in bySubject[certificate.issuer] ?? [] where certificates[j] != certificate {
                let relation = certificate.keyIdentifierRelation(toIssuer: certificates[j])
                if relation == .contradicts { continue }
                found.append(j)
                byKey.append(relation == .agrees)
            }
            issuers.append(found)
            matched.append(byKey)
        }
        self.issuers = issuers
        self.keyIdentifierMatched = matched
        self.selfIssued = certificates.map(\.isSelfIssued)
    }

    func issuerDescription(_ index: Int) -> String? {
        if selfIssued[index] && issuers[index].isEmpty { return "itself (self-issued)" }
        guard !issuers[index].isEmpty else { return nil }
        return zip(issuers[index], keyIdentifierMatched[index]).map { j, byKey in
            "cert_\(j + 1) (" + (byKey ? "name and key identifier match" : "name matches") + ")"
        }.joined(separator: ", ")
    }

    var summary: String {
        var lines = ["Chain:"]
        for index in issuers.indices {
            if let text = issuerDescription(index) {
                lines.append("  cert_\(index + 1) issued by \(text)")
            } else {
                lines.append("  cert_\(index + 1): issuer not in this file")
            }
        }
        return lines.joined(separator: "\n")
    }
}

enum ShowText {
    static func render(_ c: Certificate, index: Int, links: IssuerLinks, now: Int64, numbered: Bool) -> String {
        var lines: [String] = []
        let pad = "  "
        func field(_ name: String, _ value: String) {
            let label = name + ":"
            lines.append(pad + label + String(repeating: " ", count: max(1, 13 - label.count)) + value)
        }
        lines.append(numbered ? "cert_\(index + 1):" : "Certificate:")
        field("Version", "\(c.version)")
        field("Serial", colonHex(c.serialNumber).lowercased() + serialNote(c))
        field("Signature", c.signatureAlgorithm.description)
        field("Issuer", c.issuer.openSSLDescription)
        field("Validity", "\(CivilTime.iso8601(c.notBefore)) to \(CivilTime.iso8601(c.notAfter)) (\(validityStatus(c, now: now).text))")
        field("Subject", c.subject.isEmpty ? "(empty)" : c.subject.openSSLDescription)
        field("Public key", publicKeyText(c.publicKey))
        if c.extensions.all.isEmpty {
            field("Extensions", "(none)")
        } else {
            lines.append(pad + "Extensions:")
            for ext in c.extensions.all {
                lines.append(pad + "  " + ext.name + (ext.critical ? " (critical)" : "") + ": " + ext.summary)
            }
        }
        field("SHA-256", colonHex(c.fingerprint(.sha256)))
        field("SHA-1", colonHex(c.fingerprint(.sha1)))
        if numbered {
            field("Issued by", links.issuerDescription(index) ?? "not in this file")
        }
        return lines.joined(separator: "\n")
    }

    static func serialNote(_ c: Certificate) -> String {
        let problems = c.serialNumberProblems
        var notes: [String] = []
        if problems.contains(.negative) { notes.append("negative") }
        if problems.contains(.zero) { notes.append("zero") }
        if problems.contains(.longerThan20Octets) { notes.append("longer than 20 octets") }
        return notes.isEmpty ? "" : " (" + notes.joined(separator: ", ") + ": RFC 5280 forbids)"
    }

    static func publicKeyText(_ key: PublicKeyInfo) -> String {
        switch key.algorithm {
        case .rsa, .rsaPSS:
            let exponent = key.rsaPublicExponentBytes.map { bytes -> String in
                if bytes.count <= 8 { return "e=" + String(bytes.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }) }
                return "e=0x" + colonHex(bytes).replacingColons()
            } ?? ""
            return key.algorithm.description + (exponent.isEmpty ? "" : ", " + exponent)
        default:
            return key.algorithm.description
        }
    }
}

struct ValidityStatus {
    let code: String
    let text: String
}

func validityStatus(_ c: Certificate, now: Int64) -> ValidityStatus {
    if now > c.notAfter {
        return ValidityStatus(code: "expired", text: "expired \(days(now - c.notAfter)) ago")
    }
    if now < c.notBefore {
        return ValidityStatus(code: "not yet valid", text: "not yet valid; starts in \(days(c.notBefore - now))")
    }
    return ValidityStatus(code: "valid", text: "valid now; expires in \(days(c.notAfter - now))")
}

private func days(_ seconds: Int64) -> String {
    let count = seconds / 86_400
    if count >= 1 { return "\(count) day\(count == 1 ? "" : "s")" }
    let hours = seconds / 3600
    return hours >= 1 ? "\(hours) hour\(hours == 1 ? "" : "s")" : "\(seconds) second\(seconds == 1 ? "" : "s")"
}

enum ShowJSON {
    static func object(_ c: Certificate, file: String, index: Int, links: IssuerLinks, now: Int64) -> String {
        var fields: [(String, String)] = []
        fields.append(("file", JSONString.quoted(file)))
        fields.append(("name", JSONString.quoted("cert_\(index + 1)")))
        fields.append(("version", String(c.version)))
        fields.append(("serial", JSONString.quoted(c.serialNumberHex)))
        fields.append(("signature_algorithm", JSONString.quoted(c.signatureAlgorithm.description)))
        fields.append(("issuer", JSONString.quoted(c.issuer.openSSLDescription)))
        fields.append(("issuer_rfc4514", JSONString.quoted(c.issuer.description)))
        fields.append(("subject", JSONString.quoted(c.subject.openSSLDescription)))
        fields.append(("subject_rfc4514", JSONString.quoted(c.subject.description)))
        fields.append(("not_before", JSONString.quoted(CivilTime.iso8601(c.notBefore))))
        fields.append(("not_after", JSONString.quoted(CivilTime.iso8601(c.notAfter))))
        fields.append(("validity", JSONString.quoted(validityStatus(c, now: now).code)))
        fields.append(("public_key", publicKey(c.publicKey)))
        let extensions = c.extensions.all.map { ext in
            "{\"oid\": \(JSONString.quoted(ext.oid)), \"name\": \(JSONString.quoted(ext.name)), \"critical\": \(ext.critical), \"value\": \(JSONString.quoted(ext.summary))}"
        }
        fields.append(("extensions", "[" + extensions.joined(separator: ", ") + "]"))
        if let names = c.extensions.subjectAlternativeNames {
            fields.append(("subject_alt_names", "[" + names.map { JSONString.quoted($0.description) }.joined(separator: ", ") + "]"))
        }
        fields.append(("sha256", JSONString.quoted(hexString(c.fingerprint(.sha256)))))
        fields.append(("sha1", JSONString.quoted(hexString(c.fingerprint(.sha1)))))
        fields.append(("self_issued", String(c.isSelfIssued)))
        let issuers = links.issuers[index].map { JSONString.quoted("cert_\($0 + 1)") }
        fields.append(("issued_by", "[" + issuers.joined(separator: ", ") + "]"))
        return "{" + fields.map { "\(JSONString.quoted($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    static func publicKey(_ key: PublicKeyInfo) -> String {
        switch key.algorithm {
        case .rsa(let bits):
            return "{\"algorithm\": \"RSA\", \"bits\": \(bits)}"
        case .rsaPSS(let bits, _):
            return "{\"algorithm\": \"RSA-PSS\", \"bits\": \(bits)}"
        case .ec(let curve):
            return "{\"algorithm\": \"EC\", \"curve\": \(JSONString.quoted(curve.description))" + (curve.bits.map { ", \"bits\": \($0)" } ?? "") + "}"
        case .unknown(let oid):
            return "{\"algorithm\": \(JSONString.quoted(key.algorithm.description)), \"oid\": \(JSONString.quoted(oid))}"
        }
    }

}

private extension String {
    func replacingColons() -> String { String(filter { $0 != ":" }) }
}
