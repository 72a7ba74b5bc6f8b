// NIST SHAVS (FIPS 180-4 validation) vectors from cryptography-vectors: every ShortMsg and LongMsg
// vector, and the Monte Carlo test (100 checkpoints of 1000 chained hashes) for SHA-1 and SHA-2.
import CertoHash
import CertoTestSupport
import Testing

/// One SHAVS file and the hash it tests.
struct SHAVSCase: CustomTestStringConvertible, Sendable {
    let path: String
    let algorithm: HashAlgorithm
    var testDescription: String { path }
}

private let families: [(HashAlgorithm, String)] = [
    (.sha1, "hashes/SHA1/SHA1"), (.sha224, "hashes/SHA2/SHA224"), (.sha256, "hashes/SHA2/SHA256"),
    (.sha384, "hashes/SHA2/SHA384"), (.sha512, "hashes/SHA2/SHA512"),
]

private let messageFiles: [SHAVSCase] = families.flatMap { algorithm, prefix in
    [SHAVSCase(path: prefix + "ShortMsg.rsp", algorithm: algorithm), SHAVSCase(path: prefix + "LongMsg.rsp", algorithm: algorithm)]
}

private let monteFiles: [SHAVSCase] = families.map { SHAVSCase(path: $0.1 + "Monte.rsp", algorithm: $0.0) }

@Suite struct SHAVSTests {
    @Test(arguments: messageFiles)
    func messageVectors(_ file: SHAVSCase) throws {
        let vectors = try SHAVS.messageVectors(file.path)
        #expect(vectors.count >= 64, "too few vectors read from \(file.path)")
        var passed = 0
        for vector in vectors {
            let digest = oneShot(file.algorithm, vector.message)
            #expect(digest == vector.digest, "\(file.path) line \(vector.line)")
            if digest == vector.digest { passed += 1 }
        }
        reportVectorCount(file.path, ran: vectors.count, passed: passed)
    }

    @Test(arguments: monteFiles)
    func monteCarlo(_ file: SHAVSCase) throws {
        let monte = try SHAVS.monteFile(file.path)
        #expect(monte.checkpoints.count == 100, "\(file.path) should hold 100 checkpoints")
        #expect(monte.seed.count == file.algorithm.digestByteCount)
        let produced: [[UInt8]]
        switch file.algorithm {
        case .sha1: produced = runMonteCarlo(Insecure.SHA1.self, seed: monte.seed, checkpoints: monte.checkpoints.count)
        case .sha224: produced = runMonteCarlo(SHA224.self, seed: monte.seed, checkpoints: monte.checkpoints.count)
        case .sha256: produced = runMonteCarlo(SHA256.self, seed: monte.seed, checkpoints: monte.checkpoints.count)
        case .sha384: produced = runMonteCarlo(SHA384.self, seed: monte.seed, checkpoints: monte.checkpoints.count)
        case .sha512: produced = runMonteCarlo(SHA512.self, seed: monte.seed, checkpoints: monte.checkpoints.count)
        }
        var passed = 0
        for (index, expected) in monte.checkpoints.enumerated() {
            #expect(produced[index] == expected, "\(file.path) COUNT = \(index)")
            if produced[index] == expected { passed += 1 }
        }
        reportVectorCount(file.path, ran: monte.checkpoints.count, passed: passed)
    }
}

/// The concrete type's one-shot digest (the HashAlgorithm dispatch is tested on its own elsewhere).
private func oneShot(_ algorithm: HashAlgorithm, _ message: [UInt8]) -> [UInt8] {
    switch algorithm {
    case .sha1: return Insecure.SHA1.hash(data: message).bytes
    case .sha224: return SHA224.hash(data: message).bytes
    case .sha256: return SHA256.hash(data: message).bytes
    case .sha384: return SHA384.hash(data: message).bytes
    case .sha512: return SHA512.hash(data: message).bytes
    }
}

/// SHAVS Monte Carlo (NIST SHAVS §6.4): MD0 = MD1 = MD2 = Seed; for i in 3...1002,
/// MDi = H(MDi-3 || MDi-2 || MDi-1); the checkpoint is MD1002, which seeds the next round.
private func runMonteCarlo<H: HashFunction>(_: H.Type, seed: [UInt8], checkpoints: Int) -> [[UInt8]] {
    var results: [[UInt8]] = []
    var current = seed
    for _ in 0..<checkpoints {
        var md0 = current, md1 = current, md2 = current
        for _ in 3...1002 {
            var hasher = H()
            hasher.update(data: md0)
            hasher.update(data: md1)
            hasher.update(data: md2)
            md0 = md1
            md1 = md2
            md2 = hasher.finalize().bytes
        }
        current = md2
        results.append(current)
    }
    return results
}
