// ECDSA P-256 / P-384 verification: Certo beside swift-crypto (BoringSSL) in the same run. Keys and
// signatures are made with swift-crypto at set-up and handed to Certo as SPKI DER and DER
// signatures; both sides verify a precomputed digest with an already parsed key and signature
// (and, in the first-use pair, a key decoded for each verification).
import Benchmark
import CertoSignature
import Crypto

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.throughput, .wallClock], maxDuration: .seconds(2))
    let message = Array("certo ecdsa benchmark message".utf8)

    // P-256 with SHA-256.
    let p256Private = Crypto.P256.Signing.PrivateKey()
    let p256Digest = Crypto.SHA256.hash(data: message)
    let p256Signature = try! p256Private.signature(for: p256Digest)
    let p256CertoKey = try! CertoSignature.P256.Signing.PublicKey(derRepresentation: Array(p256Private.publicKey.derRepresentation))
    let p256CertoSignature = try! CertoSignature.P256.Signing.ECDSASignature(derRepresentation: Array(p256Signature.derRepresentation))
    let p256DigestBytes = Array(p256Digest)
    precondition(p256CertoKey.isValidSignature(p256CertoSignature, forDigest: p256DigestBytes), "Certo rejects swift-crypto's P-256 signature")

    Benchmark("certo p256-verify") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(p256CertoKey.isValidSignature(p256CertoSignature, forDigest: p256DigestBytes))
        }
    }
    Benchmark("swift-crypto p256-verify") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(p256Private.publicKey.isValidSignature(p256Signature, for: p256Digest))
        }
    }

    // A key's first verification: both sides decode the SEC1 point and verify once. Certo's reused
    // keys run on per-key tables from their second verification; the first-use pairs show the cost
    // for a key that checks one signature.
    let p256Point = Array(p256Private.publicKey.x963Representation)
    Benchmark("certo p256-verify-first-use") { benchmark in
        for _ in benchmark.scaledIterations {
            let key = try CertoSignature.P256.Signing.PublicKey(x963Representation: p256Point)
            blackHole(key.isValidSignature(p256CertoSignature, forDigest: p256DigestBytes))
        }
    }
    Benchmark("swift-crypto p256-verify-first-use") { benchmark in
        for _ in benchmark.scaledIterations {
            let key = try Crypto.P256.Signing.PublicKey(x963Representation: p256Point)
            blackHole(key.isValidSignature(p256Signature, for: p256Digest))
        }
    }

    // P-384 with SHA-384.
    let p384Private = Crypto.P384.Signing.PrivateKey()
    let p384Digest = Crypto.SHA384.hash(data: message)
    let p384Signature = try! p384Private.signature(for: p384Digest)
    let p384CertoKey = try! CertoSignature.P384.Signing.PublicKey(derRepresentation: Array(p384Private.publicKey.derRepresentation))
    let p384CertoSignature = try! CertoSignature.P384.Signing.ECDSASignature(derRepresentation: Array(p384Signature.derRepresentation))
    let p384DigestBytes = Array(p384Digest)
    precondition(p384CertoKey.isValidSignature(p384CertoSignature, forDigest: p384DigestBytes), "Certo rejects swift-crypto's P-384 signature")

    Benchmark("certo p384-verify") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(p384CertoKey.isValidSignature(p384CertoSignature, forDigest: p384DigestBytes))
        }
    }
    Benchmark("swift-crypto p384-verify") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(p384Private.publicKey.isValidSignature(p384Signature, for: p384Digest))
        }
    }
    let p384Point = Array(p384Private.publicKey.x963Representation)
    Benchmark("certo p384-verify-first-use") { benchmark in
        for _ in benchmark.scaledIterations {
            let key = try CertoSignature.P384.Signing.PublicKey(x963Representation: p384Point)
            blackHole(key.isValidSignature(p384CertoSignature, forDigest: p384DigestBytes))
        }
    }
    Benchmark("swift-crypto p384-verify-first-use") { benchmark in
        for _ in benchmark.scaledIterations {
            let key = try Crypto.P384.Signing.PublicKey(x963Representation: p384Point)
            blackHole(key.isValidSignature(p384Signature, for: p384Digest))
        }
    }
}
