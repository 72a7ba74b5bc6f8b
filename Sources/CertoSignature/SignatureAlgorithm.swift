// The signature schemes Certo verifies, named independently of how a certificate or a request spells them.
import CertoHash

public enum SignatureAlgorithm: Sendable, Hashable, CustomStringConvertible {
    /// RSASSA-PKCS1-v1_5 (RFC 8017 §8.2) with the given digest.
    case rsaPKCS1v15(HashAlgorithm)
    /// RSASSA-PSS (RFC 8017 §8.1) with MGF1 and an exact salt length.
    case rsaPSS(hash: HashAlgorithm, mgf1: HashAlgorithm, saltLength: Int)
    /// ECDSA (FIPS 186-4 §6.4) with a DER-encoded Ecdsa-Sig-Value signature.
    case ecdsa(HashAlgorithm)

    /// The digest the message is hashed with.
    public var hash: HashAlgorithm {
        switch self {
        case .rsaPKCS1v15(let hash), .ecdsa(let hash), .rsaPSS(let hash, _, _): return hash
        }
    }

    public var description: String {
        switch self {
        case .rsaPKCS1v15(let hash): return "RSA PKCS#1 v1.5 with \(hash)"
        case .rsaPSS(let hash, let mgf1, let salt): return "RSA-PSS with \(hash), MGF1-\(mgf1), salt \(salt)"
        case .ecdsa(let hash): return "ECDSA with \(hash)"
        }
    }
}
