// RSA-2048/4096 PKCS#1 v1.5 SHA-256 verification of a precomputed digest: Certo beside swift-crypto's
// _CryptoExtras (BoringSSL inside), same key and signature, made once at set-up with swift-crypto.
// Keys parsed and digests computed outside the timed loop, as `openssl speed rsa2048` does.
import Benchmark
import CertoSignature
import Crypto
import _CryptoExtras

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.throughput, .wallClock], maxDuration: .seconds(2))
    for (bits, size) in [(2048, _RSA.Signing.KeySize.bits2048), (4096, _RSA.Signing.KeySize.bits4096)] {
        let privateKey = try! _RSA.Signing.PrivateKey(keySize: size)
        let digest = Crypto.SHA256.hash(data: Array("certo rsa benchmark".utf8))
        let signature = try! privateKey.signature(for: digest, padding: .insecurePKCS1v1_5)
        let peerKey = privateKey.publicKey
        let certoKey = try! RSAPublicKey(subjectPublicKeyInfoDER: Array(peerKey.derRepresentation))
        let signatureBytes = Array(signature.rawRepresentation)
        let digestBytes = Array(digest)
        precondition(certoKey.isValidPKCS1v15Signature(signatureBytes, digest: digestBytes, hash: .sha256))
        precondition(peerKey.isValidSignature(signature, for: digest, padding: .insecurePKCS1v1_5))

        Benchmark("certo rsa\(bits)-verify") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(certoKey.isValidPKCS1v15Signature(signatureBytes, digest: digestBytes, hash: .sha256))
            }
        }
        Benchmark("swift-crypto rsa\(bits)-verify") { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(peerKey.isValidSignature(signature, for: digest, padding: .insecurePKCS1v1_5))
            }
        }
    }
}
