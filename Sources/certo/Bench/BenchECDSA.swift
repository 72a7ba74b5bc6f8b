// ECDSA cases for `certo bench`: one verification per operation, with the key and signature parsed
// and the digest computed in the untimed set-up. The key is reused, so from its second verification
// on it runs on its precomputed tables; the `-first-use` cases measure a freshly decoded key. The key and signature were made once with
// `openssl ecparam -genkey` and `openssl dgst -sha256|-sha384 -sign` over "certo bench message".
import CertoSignature

extension BenchRegistry {
    static var ecdsaCases: [BenchCase] {
        [
            BenchCase(name: "p256-verify", bytesPerOp: nil) {
                let key = try P256.Signing.PublicKey(derRepresentation: benchConstantBytes(p256KeyDER))
                let signature = try P256.Signing.ECDSASignature(derRepresentation: benchConstantBytes(p256SignatureDER))
                let digest = benchConstantBytes(p256Digest)
                guard key.isValidSignature(signature, forDigest: digest) else { throw BenchECDSAError.referenceSignatureRejected }
                return { _ = blackHole(key.isValidSignature(signature, forDigest: digest)) }
            },
            // A key's first verification, before it has precomputed tables: the cost for a key that
            // checks one signature and is dropped. Includes decoding the SEC1 point.
            BenchCase(name: "p256-verify-first-use", bytesPerOp: nil) {
                let point = try P256.Signing.PublicKey(derRepresentation: benchConstantBytes(p256KeyDER)).x963Representation
                let signature = try P256.Signing.ECDSASignature(derRepresentation: benchConstantBytes(p256SignatureDER))
                let digest = benchConstantBytes(p256Digest)
                // The point decoded once above, so decoding cannot fail here.
                return { _ = blackHole((try? P256.Signing.PublicKey(x963Representation: point))?.isValidSignature(signature, forDigest: digest) == true) }
            },
            BenchCase(name: "p384-verify", bytesPerOp: nil) {
                let key = try P384.Signing.PublicKey(derRepresentation: benchConstantBytes(p384KeyDER))
                let signature = try P384.Signing.ECDSASignature(derRepresentation: benchConstantBytes(p384SignatureDER))
                let digest = benchConstantBytes(p384Digest)
                guard key.isValidSignature(signature, forDigest: digest) else { throw BenchECDSAError.referenceSignatureRejected }
                return { _ = blackHole(key.isValidSignature(signature, forDigest: digest)) }
            },
            BenchCase(name: "p384-verify-first-use", bytesPerOp: nil) {
                let point = try P384.Signing.PublicKey(derRepresentation: benchConstantBytes(p384KeyDER)).x963Representation
                let signature = try P384.Signing.ECDSASignature(derRepresentation: benchConstantBytes(p384SignatureDER))
                let digest = benchConstantBytes(p384Digest)
                return { _ = blackHole((try? P384.Signing.PublicKey(x963Representation: point))?.isValidSignature(signature, forDigest: digest) == true) }
            },
        ]
    }
}

private enum BenchECDSAError: Error {
    case referenceSignatureRejected
}

private let p256KeyDER = "3059301306072a8648ce3d020106082a8648ce3d030107034200040147fa8d6a4e13e827b06a0347288ce8b538959514319ce49172399ae7045a1ff629138d88573abc387805ba75aec05fcad8ba33e4e6cc6bdca35d93c6f24cd3"
private let p256SignatureDER = "3045022100f9066ae62c38710edc5e371a28f43e7a213132e4c80ea196f60cdaf8cacdf164022047dd98a59c75dd75fec9f506f72e3513db7db0491e4c6cb5638408c76f80a2fa"
/// SHA-256("certo bench message").
private let p256Digest = "6cc3afc3a5bf54b1f009ba1f3943a5543f6885b878486d474e49290fd6a34dbb"

private let p384KeyDER = "3076301006072a8648ce3d020106052b8104002203620004a1da5a7160988d2b3c46ce70abb57e9bbf7fbca5d8865889f2d14040631defd3d895d1ab7e5b3f3fa35ad41320fce9be2768de7bebaab9ec485f7e3466b47eb5fca46dcdcce8add7b2d0a7f6b0f10fa6e89ae0582848f6ee461e368cfb502194"
private let p384SignatureDER = "3065023100d874902eda4ebbe9b140c54d0ee9a8d7de0babd4262aafdf4b920b6a5274cf52f438c08232a9af56e32b0d5e408835440230252a5c2f77c59e10bda0c6aac24c9954b8cfb6a0db975edae30a5f4b6e131accf24b2904aea5e5a2a94d68b547965259"
/// SHA-384("certo bench message").
private let p384Digest = "a6395b3516cdeb737b50060e1756d52a52ae1f5ba384194eb7559ab6b36cf83600baf3adf7a6fc7951ac78e33f0bead4"
