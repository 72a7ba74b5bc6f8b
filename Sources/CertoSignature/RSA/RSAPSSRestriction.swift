// What an id-RSASSA-PSS key with parameters may verify (RFC 4055 §3.1, §3.3): the key's hash and MGF1
// hash exactly, and salts no shorter than its saltLength. Decoded by RSAKeyDecoder.
import CertoHash

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
