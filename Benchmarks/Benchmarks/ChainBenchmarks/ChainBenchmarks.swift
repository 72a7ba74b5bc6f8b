// Chain verification: Certo's Verifier beside swift-certificates' Verifier (RFC5280Policy +
// ServerIdentityPolicy), same process, same inputs. Per iteration both sides parse the leaf and the
// intermediate from DER and verify them with a host name against a trust store built once; Certo's
// signature cache is off. Chains: TestVectors/chains/aws-iot-rsa2048 (RSA-2048) and ecdsa-p256.
import Benchmark
import Certo
import Foundation
import X509

private let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The fixed validation time of TestVectors/chains (2026-06-01T00:00:00Z).
private let validationSeconds: Int64 = 1_780_272_000

private struct ChainInput {
    let root: [UInt8]
    let intermediate: [UInt8]
    let leaf: [UInt8]
    let host: String

    init(folder: String, host: String) {
        let directory = repositoryRoot.appendingPathComponent("TestVectors/chains/\(folder)")
        func der(_ file: String) -> [UInt8] {
            guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(file).path),
                  let certificates = try? CertoX509.Certificate.parseAll([UInt8](data)), let first = certificates.first else {
                fatalError("cannot read \(folder)/\(file) under \(repositoryRoot.path)")
            }
            return first.derBytes
        }
        root = der("root.pem")
        intermediate = der("untrusted.pem")
        leaf = der("leaf.pem")
        self.host = host
    }
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.throughput, .wallClock, .mallocCountTotal], maxDuration: .seconds(3))
    let cases = [
        ("chain-rsa2048", ChainInput(folder: "aws-iot-rsa2048", host: "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test")),
        ("chain-p256", ChainInput(folder: "ecdsa-p256", host: "www.p256.certo.test")),
    ]
    for (name, input) in cases {
        // Certo: store and policy built once.
        let certoVerifier = Certo.Verifier(
            trustStore: TrustStore([try! CertoX509.Certificate(derEncoded: input.root)]),
            policy: Policy(purpose: .server, host: input.host, validationTime: Instant(seconds: validationSeconds)),
            signatureCache: nil,
            issuerKeyCache: nil
        )
        do {
            _ = try certoVerifier.verify(leaf: try CertoX509.Certificate(derEncoded: input.leaf),
                                         intermediates: [try CertoX509.Certificate(derEncoded: input.intermediate)])
        } catch {
            fatalError("certo \(name) does not verify: \(error)")
        }
        Benchmark("certo \(name)") { benchmark in
            for _ in benchmark.scaledIterations {
                do {
                    let leaf = try CertoX509.Certificate(derEncoded: input.leaf)
                    let intermediate = try CertoX509.Certificate(derEncoded: input.intermediate)
                    blackHole(try certoVerifier.verify(leaf: leaf, intermediates: [intermediate]))
                } catch {
                    fatalError("certo \(name): \(error)")
                }
            }
        }

        // swift-certificates: root store and policies built once.
        let peerRoot = try! X509.Certificate(derEncoded: input.root)
        let date = Date(timeIntervalSince1970: TimeInterval(validationSeconds))
        let peerVerifier = X509.Verifier(rootCertificates: CertificateStore([peerRoot])) {
            RFC5280Policy(validationTime: date)
            ServerIdentityPolicy(serverHostname: input.host, serverIP: nil)
        }
        Benchmark("swift-certificates \(name)") { benchmark async in
            var verifier = peerVerifier
            for _ in benchmark.scaledIterations {
                do {
                    let leaf = try X509.Certificate(derEncoded: input.leaf)
                    let intermediate = try X509.Certificate(derEncoded: input.intermediate)
                    let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore([intermediate]))
                    guard case .validCertificate = result else { fatalError("swift-certificates \(name): \(result)") }
                    blackHole(result)
                } catch {
                    fatalError("swift-certificates \(name): \(error)")
                }
            }
        }
    }
}
