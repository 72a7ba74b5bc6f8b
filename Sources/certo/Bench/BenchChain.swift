// Chain cases for `certo bench`: per operation, parse the leaf and the intermediate from DER and
// verify them with a host name against a trust store built once (in prepare), signature and issuer
// key caches off (the store still keeps its anchor keys), exactly what Benchmarks/ChainBenchmarks
// times for swift-certificates' Verifier; the -cold-cache and -warm-cache cases price the caches
// (see `Caches`). The chains are
// TestVectors/chains/aws-iot-rsa2048 and ecdsa-p256, found from this source file's location (or
// $CERTO_TESTVECTORS, or ./TestVectors) so they stay the files make-chains.sh generated.
import Certo
#if canImport(Glibc)
import Glibc
#endif

extension BenchRegistry {
    static var chainCases: [BenchCase] {
        [
            chainCase("chain-rsa2048", folder: "aws-iot-rsa2048", host: "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test"),
            chainCase("chain-p256", folder: "ecdsa-p256", host: "www.p256.certo.test"),
            chainCase("chain-rsa2048-cold-cache", folder: "aws-iot-rsa2048", host: "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test", caches: .cold),
            chainCase("chain-rsa2048-warm-cache", folder: "aws-iot-rsa2048", host: "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test", caches: .warm),
            chainCase("chain-p256-cold-cache", folder: "ecdsa-p256", host: "www.p256.certo.test", caches: .cold),
            chainCase("chain-p256-warm-cache", folder: "ecdsa-p256", host: "www.p256.certo.test", caches: .warm),
        ]
    }

    /// The Verifier's signature and issuer-key caches: off (the peers have none), emptied before every
    /// verification (what a chain seen for the first time costs a long-lived default Verifier), or
    /// kept across verifications of the same chain (a server's chain on every connection).
    enum Caches { case off, cold, warm }

    private static func chainCase(_ name: String, folder: String, host: String, caches: Caches = .off) -> BenchCase {
        BenchCase(name: name, bytesPerOp: nil) {
            let input = try BenchChainInput(folder: folder)
            let store = TrustStore(input.roots)
            let policy = Policy(purpose: .server, host: host, validationTime: BenchChainInput.validationTime)
            let verifier = caches == .off ? Verifier(trustStore: store, policy: policy, signatureCache: nil, issuerKeyCache: nil)
                                          : Verifier(trustStore: store, policy: policy)
            let leafDER = input.leaf.derBytes
            let intermediateDER = input.intermediate.derBytes
            // Set-up check: the case must verify, or the timing would measure a failure path.
            _ = try verifier.verify(leaf: input.leaf, intermediates: [input.intermediate])
            return {
                do {
                    let leaf = try Certificate(derEncoded: leafDER)
                    let intermediate = try Certificate(derEncoded: intermediateDER)
                    if caches == .cold {
                        verifier.signatureCache?.removeAll()
                        verifier.issuerKeyCache?.removeAll()
                    }
                    _ = blackHole(try verifier.verify(leaf: leaf, intermediates: [intermediate]))
                } catch {
                    fatalError("\(name): verification failed during the benchmark: \(error)")
                }
            }
        }
    }
}

struct BenchChainInput {
    /// The validation time written in every TestVectors/chains/*/expected file.
    static let validationTime = Instant(seconds: 1_780_272_000)

    let roots: [Certificate]
    let leaf: Certificate
    let intermediate: Certificate

    struct MissingChain: Error, CustomStringConvertible {
        let searched: [String]
        var description: String {
            "TestVectors/chains not found (looked in \(searched.joined(separator: ", "))); set CERTO_TESTVECTORS to the TestVectors directory"
        }
    }

    init(folder: String) throws {
        try self.init(directory: try BenchChainInput.chainsDirectory() + "/" + folder)
    }

    /// A folder with root.pem, untrusted.pem (one intermediate) and leaf.pem.
    init(directory: String) throws {
        roots = try TrustStore.certificates(inFile: directory + "/root.pem")
        leaf = try TrustStore.certificates(inFile: directory + "/leaf.pem")[0]
        intermediate = try TrustStore.certificates(inFile: directory + "/untrusted.pem")[0]
    }

    static func chainsDirectory() throws -> String {
        var candidates: [String] = []
        if let environment = getenv("CERTO_TESTVECTORS") { candidates.append(String(cString: environment) + "/chains") }
        // #filePath is .../Sources/certo/BenchChain.swift; the repository root is two levels up.
        var components = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        if components.count > 3 {
            components.removeLast(3)
            candidates.append(components.joined(separator: "/") + "/TestVectors/chains")
        }
        candidates.append("TestVectors/chains")
        for candidate in candidates where FileBytes.exists(candidate + "/aws-iot-rsa2048/leaf.pem") {
            return candidate
        }
        throw MissingChain(searched: candidates)
    }
}
