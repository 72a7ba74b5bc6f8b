// What the example prints about a verified chain: one block per link, leaf first, in the words of
// `certo verify --explain` (subject, issuer, key, the algorithm that signed it, validity).
import CertoNIOSSL
import NIOSSL

func describe(_ chain: VerifiedChain) -> String {
    var lines = ["verified chain (\(chain.links.count) certificates, \(chain.profile.rawValue) profile):"]
    for (depth, link) in chain.links.enumerated() {
        let certificate = link.certificate
        lines.append("  \(depth) \(certificate.subject.openSSLDescription)\(link.isTrustAnchor ? "  [trust anchor]" : "")")
        if let issuer = link.issuer {
            lines.append("    issued by \(issuer.subject.openSSLDescription), \(VerifiedChain.algorithmName(link.signatureAlgorithm))")
        }
        lines.append("    key \(link.publicKeyDescription), valid \(Instant.utcString(certificate.notBefore)) to \(Instant.utcString(certificate.notAfter))")
    }
    return lines.joined(separator: "\n")
}

func describe(_ version: TLSVersion) -> String {
    switch version {
    case .tlsv1: return "TLS 1.0"
    case .tlsv11: return "TLS 1.1"
    case .tlsv12: return "TLS 1.2"
    case .tlsv13: return "TLS 1.3"
    }
}
