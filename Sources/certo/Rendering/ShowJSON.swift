// `certo show --json`'s object for one certificate. The fields and their order are the CLI contract's;
// `problems` comes last (empty for a certificate the strict parser accepted), and for a certificate
// read by the display decoder a field it could not read is null (version, signature_algorithm,
// not_before, not_after; validity is then "unknown" unless the readable time decides).
import CertoHash
import CertoX509

enum ShowJSON {
    static func object(_ c: CertificateDisplay, file: String, index: Int, links: IssuerLinks, now: Int64) -> String {
        var fields: [(String, String)] = []
        fields.append(("file", JSONString.quoted(file)))
        fields.append(("name", JSONString.quoted("cert_\(index + 1)")))
        fields.append(("version", c.version.map { String($0) } ?? "null"))
        fields.append(("serial", JSONString.quoted(c.serialNumberHex)))
        fields.append(("signature_algorithm", c.signatureAlgorithm.map { JSONString.quoted($0.description) } ?? "null"))
        fields.append(("issuer", JSONString.quoted(c.issuer.openSSLDescription)))
        fields.append(("issuer_rfc4514", JSONString.quoted(c.issuer.description)))
        fields.append(("subject", JSONString.quoted(c.subject.openSSLDescription)))
        fields.append(("subject_rfc4514", JSONString.quoted(c.subject.description)))
        fields.append(("not_before", c.notBefore.map { JSONString.quoted(CivilTime.iso8601($0)) } ?? "null"))
        fields.append(("not_after", c.notAfter.map { JSONString.quoted(CivilTime.iso8601($0)) } ?? "null"))
        fields.append(("validity", JSONString.quoted(validityStatus(c, now: now).code)))
        fields.append(("public_key", publicKey(c.publicKey)))
        let extensions = zip(c.extensions.all, c.extensionSummaries).map { ext, summary in
            "{\"oid\": \(JSONString.quoted(ext.oid)), \"name\": \(JSONString.quoted(ext.name)), \"critical\": \(ext.critical), \"value\": \(JSONString.quoted(summary))}"
        }
        fields.append(("extensions", "[" + extensions.joined(separator: ", ") + "]"))
        if let names = c.subjectAlternativeNames {
            fields.append(("subject_alt_names", "[" + names.map { JSONString.quoted($0) }.joined(separator: ", ") + "]"))
        }
        fields.append(("sha256", JSONString.quoted(hexString(c.fingerprint(.sha256)))))
        fields.append(("sha1", JSONString.quoted(hexString(c.fingerprint(.sha1)))))
        fields.append(("self_issued", String(c.isSelfIssued)))
        let issuers = links.issuers[index].map { JSONString.quoted("cert_\($0 + 1)") }
        fields.append(("issued_by", "[" + issuers.joined(separator: ", ") + "]"))
        fields.append(("problems", "[" + c.problems.map(problem).joined(separator: ", ") + "]"))
        return "{" + fields.map { "\(JSONString.quoted($0.0)): \($0.1)" }.joined(separator: ", ") + "}"
    }

    static func problem(_ problem: CertificateProblem) -> String {
        "{\"field\": \(JSONString.quoted(problem.field)), \"offset\": \(problem.offset.map { String($0) } ?? "null"), "
            + "\"problem\": \(JSONString.quoted(problem.what)), \"rule\": \(JSONString.quoted(problem.rule))}"
    }

    static func publicKey(_ key: DisplayedPublicKey) -> String {
        switch key {
        case .decoded(let info):
            return algorithm(info.algorithm)
        case .undecoded(let facts):
            if let known = facts.algorithm { return algorithm(known) }
            return "{\"algorithm\": \(JSONString.quoted(facts.algorithmName)), \"oid\": \(facts.algorithmOID.map(JSONString.quoted) ?? "null")}"
        }
    }

    private static func algorithm(_ algorithm: PublicKeyAlgorithm) -> String {
        switch algorithm {
        case .rsa(let bits):
            return "{\"algorithm\": \"RSA\", \"bits\": \(bits)}"
        case .rsaPSS(let bits, _):
            return "{\"algorithm\": \"RSA-PSS\", \"bits\": \(bits)}"
        case .ec(let curve):
            return "{\"algorithm\": \"EC\", \"curve\": \(JSONString.quoted(curve.description))" + (curve.bits.map { ", \"bits\": \($0)" } ?? "")
                + "}"
        case .unknown(let oid):
            return "{\"algorithm\": \(JSONString.quoted(algorithm.description)), \"oid\": \(JSONString.quoted(oid))}"
        }
    }
}
