// The RSA signature schemes a key can check, named as swift-crypto's `_RSA.Signing.Padding` does,
// plus the PSS parameters a restricted (id-RSASSA-PSS) key carries.
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

/// The RSASSA-PSS parameters of an id-RSASSA-PSS SubjectPublicKeyInfo (RFC 4055 §3.1). A key that
/// carries them verifies only PSS signatures with the same hash and MGF1 hash and a salt at least
/// `saltLength` bytes long.
public struct RSAPSSRestriction: Sendable, Hashable {
    public let hash: HashAlgorithm
    public let mgf1Hash: HashAlgorithm
    /// The minimum salt length in bytes.
    public let saltLength: Int

    public init(hash: HashAlgorithm, mgf1Hash: HashAlgorithm, saltLength: Int) {
        self.hash = hash
        self.mgf1Hash = mgf1Hash
        self.saltLength = saltLength
    }

    /// RFC 4055 §3.1: same hash and mask generation function, salt no shorter than the key's.
    func permits(hash: HashAlgorithm, mgf1: HashAlgorithm, saltLength: Int) -> Bool {
        hash == self.hash && mgf1 == mgf1Hash && saltLength >= self.saltLength
    }
}
