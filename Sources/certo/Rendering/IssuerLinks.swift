// Which certificate in a file `certo show` was given issued which: subject/issuer names match
// (RFC 5280 §7.1) and the key identifiers do not contradict each other (CertoX509's
// keyIdentifierRelation, as path building uses). A hint for a person: no signature is checked.
import CertoX509

struct IssuerLinks {
    /// issuers[i] = indices of candidates that may have issued certificate i (excluding i itself).
    let issuers: [[Int]]
    let selfIssued: [Bool]
    let keyIdentifierMatched: [[Bool]]

    init(_ certificates: [CertificateDisplay]) {
        var issuers: [[Int]] = []
        var matched: [[Bool]] = []
        // Candidates by subject, in file order: a bundle of thousands is linked in linear time, not
        // by comparing every pair of names.
        var bySubject: [DistinguishedName: [Int]] = [:]
        for (index, certificate) in certificates.enumerated() { bySubject[certificate.subject, default: []].append(index) }
        for certificate in certificates {
            var found: [Int] = []
            var byKey: [Bool] = []
            for j in bySubject[certificate.issuer] ?? [] where certificates[j].derBytes != certificate.derBytes {
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
