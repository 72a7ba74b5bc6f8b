// Small helpers shared by the ECDSA vector suites: hash names and a reference key and signature.
import CertoHash
import CertoTestSupport

/// The SHA-2 hash named "SHA-256" / "SHA-384" / "SHA-512" / "SHA-224" in vector files.
func ecdsaTestHash(named name: String) -> HashAlgorithm? {
    switch name {
    case "SHA-224": return .sha224
    case "SHA-256": return .sha256
    case "SHA-384": return .sha384
    case "SHA-512": return .sha512
    default: return nil
    }
}

/// A valid P-256 key and signature made once with openssl, for tests that need one known-good case.
enum ECDSAReference {
    static let p256SPKI = TestHex.decode("3059301306072a8648ce3d020106082a8648ce3d030107034200040147fa8d6a4e13e827b06a0347288ce8b538959514319ce49172399ae7045a1ff629138d88573abc387805ba75aec05fcad8ba33e4e6cc6bdca35d93c6f24cd3")!
    static let p256Signature = TestHex.decode("3045022100f9066ae62c38710edc5e371a28f43e7a213132e4c80ea196f60cdaf8cacdf164022047dd98a59c75dd75fec9f506f72e3513db7db0491e4c6cb5638408c76f80a2fa")!
    /// SHA-256("certo bench message"), the message the signature was made over.
    static let p256Digest = TestHex.decode("6cc3afc3a5bf54b1f009ba1f3943a5543f6885b878486d474e49290fd6a34dbb")!
}
