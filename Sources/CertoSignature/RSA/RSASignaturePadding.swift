// The RSA signature schemes a key can check, named as swift-crypto's `_RSA.Signing.Padding` does.
// The hash travels with the padding, so a check names everything it depends on.
import CertoHash

/// How an RSA signature was encoded, with the hash it covers.
public enum RSASignaturePadding: Sendable, Hashable {
    /// RSASSA-PKCS1-v1_5 (RFC 8017 §8.2) with DigestInfo for `hash`.
    case pkcs1v15(HashAlgorithm)
    /// RSASSA-PSS (RFC 8017 §8.1) with MGF1.
    case pss(hash: HashAlgorithm, mgf1: HashAlgorithm, saltLength: Int)
    /// RSASSA-PSS with the hash, MGF1 hash and salt length from the key's id-RSASSA-PSS parameters;
    /// invalid for a key without them.
    case pssWithKeyParameters

    /// PSS with MGF1 over the same hash and a salt as long as the digest (the common choice, TLS 1.3's).
    public static func pss(_ hash: HashAlgorithm) -> RSASignaturePadding {
        .pss(hash: hash, mgf1: hash, saltLength: hash.digestByteCount)
    }
}
