// Every case of TestVectors/chains (made by TestVectors/make-chains.sh) verified by Certo and by
// `openssl verify` run here as the oracle with the same anchors, pool, time, host and purpose: the
// verdicts must agree, failures at the same depth, and each case must give the reason its `expected`
// file names. An unexpected success fails the test just as an unexpected failure does.
import Certo
import CertoTestSupport
import Foundation
import Testing

struct ChainCase: CustomStringConvertible, Sendable {
    let name: String
    let directory: URL
    let fields: [String: String]

    var description: String { name }
    var host: String? { fields["host"].flatMap { $0.isEmpty ? nil : $0 } }
    var purpose: String { fields["purpose"] ?? "sslserver" }
    var expectOK: Bool { fields["verdict"] == "OK" }
    var expectedReason: String { fields["reason"] ?? "" }
    var time: Instant { Instant(parsing: fields["time"] ?? "") ?? Instant(seconds: 0) }

    static func all() throws -> [ChainCase] {
        let root = try VectorFiles.repositoryFile("chains")
        let names = try FileManager.default.contentsOfDirectory(atPath: root.path).sorted()
        return try names.map { name in
            let directory = root.appendingPathComponent(name)
            let text = try String(contentsOf: directory.appendingPathComponent("expected"), encoding: .utf8)
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                fields[String(line[..<colon])] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            return ChainCase(name: name, directory: directory, fields: fields)
        }
    }

    func certificates(_ file: String) throws -> [Certificate] {
        let bytes = [UInt8](try Data(contentsOf: directory.appendingPathComponent(file)))
        if bytes.isEmpty { return [] }
        return try Certificate.parseAll(bytes)
    }

    /// `openssl verify` with the case's settings: (ok, failing depth).
    func oracle() throws -> (ok: Bool, depth: Int?) {
        var arguments = ["verify", "-CAfile", directory.appendingPathComponent("root.pem").path,
                         "-attime", String(time.seconds), "-purpose", purpose]
        let untrusted = directory.appendingPathComponent("untrusted.pem")
        if let size = try FileManager.default.attributesOfItem(atPath: untrusted.path)[.size] as? Int, size > 0 {
            arguments += ["-untrusted", untrusted.path]
        }
        if let host {
            var isIP = false
            if case .ip = HostIdentity(host) { isIP = true }
            arguments += [isIP ? "-verify_ip" : "-verify_hostname", host]
        }
        arguments.append(directory.appendingPathComponent("leaf.pem").path)
        let output = try runTool("openssl", arguments)
        var depth: Int?
        if let range = output.text.range(of: #"error \d+ at \d+ depth"#, options: .regularExpression) {
            depth = Int(output.text[range].split(separator: " ")[3])
        }
        return (output.status == 0, depth)
    }
}

/// Runs a tool found on PATH; returns its exit status and its standard output followed by its errors.
func runTool(_ tool: String, _ arguments: [String]) throws -> (status: Int32, text: String) {
    let result = try ExternalProgram.run("/usr/bin/env", [tool] + arguments)
    return (result.status, result.stdout + result.stderr)
}

@Suite struct ChainVectorTests {
    static let cases: [ChainCase] = (try? ChainCase.all()) ?? []

    @Test func vectorsArePresent() throws {
        let cases = try ChainCase.all()
        #expect(cases.count >= 21, "TestVectors/chains holds \(cases.count) cases")
    }

    @Test(arguments: cases)
    func agreesWithOpenSSL(_ chainCase: ChainCase) throws {
        let anchors = try chainCase.certificates("root.pem")
        let pool = try chainCase.certificates("untrusted.pem")
        let leaf = try #require(try chainCase.certificates("leaf.pem").first)
        let purpose: Purpose = chainCase.purpose == "sslclient" ? .client : .server
        let verifier = Verifier(trustStore: TrustStore(anchors),
                                policy: Policy(purpose: purpose, host: chainCase.host, validationTime: chainCase.time),
                                signatureCache: nil)
        let oracle = try chainCase.oracle()
        #expect(oracle.ok == chainCase.expectOK, "openssl's verdict changed for \(chainCase.name)")
        var agreed = false
        do {
            let chain = try verifier.verify(leaf: leaf, intermediates: pool)
            #expect(oracle.ok, "\(chainCase.name): Certo accepted, openssl rejected at depth \(oracle.depth ?? -1)")
            #expect(chain.leaf == leaf)
            #expect(anchors.contains(chain.anchor))
            agreed = oracle.ok
        } catch {
            #expect(!oracle.ok, "\(chainCase.name): Certo rejected (\(error)), openssl accepted")
            #expect(error.depth == oracle.depth, "\(chainCase.name): depth \(error.depth) vs openssl \(oracle.depth ?? -1)")
            #expect(error.reason.name == chainCase.expectedReason, "\(chainCase.name): \(error.reason.name), expected \(chainCase.expectedReason)")
            agreed = !oracle.ok && error.depth == oracle.depth && error.reason.name == chainCase.expectedReason
        }
        reportVectorCount("TestVectors/chains/\(chainCase.name) vs openssl", ran: 1, passed: agreed ? 1 : 0)
    }

    /// The AWS-shaped chain yields each link with its signer, algorithm and key.
    @Test func awsShapedChainLinks() throws {
        let chainCase = try #require(try ChainCase.all().first { $0.name == "aws-iot-rsa2048" })
        let verifier = Verifier(trustStore: TrustStore(try chainCase.certificates("root.pem")),
                                policy: Policy(host: chainCase.host, validationTime: chainCase.time))
        let leaf = try #require(try chainCase.certificates("leaf.pem").first)
        let chain = try verifier.verify(leaf: leaf, intermediates: try chainCase.certificates("untrusted.pem"), explain: true)
        #expect(chain.links.count == 3)
        #expect(chain.links.map(\.publicKeyDescription) == ["RSA 2048-bit", "RSA 2048-bit", "RSA 2048-bit"])
        #expect(chain.links[0].signatureAlgorithm == .rsaPKCS1v15(.sha256))
        #expect(chain.links[0].issuer == chain.links[1].certificate)
        #expect(chain.links[2].isTrustAnchor && chain.links[2].issuer == nil)
        #expect(!chain.links[0].checks.isEmpty)
    }

    /// The legacy-root case must go through the cross certificate; the new-root case must not.
    @Test(arguments: [("cross-signed-new-root", 3), ("cross-signed-legacy-root", 4)])
    func crossSignedPaths(_ name: String, _ length: Int) throws {
        let chainCase = try #require(try ChainCase.all().first { $0.name == name })
        let verifier = Verifier(trustStore: TrustStore(try chainCase.certificates("root.pem")),
                                policy: Policy(host: chainCase.host, validationTime: chainCase.time))
        let leaf = try #require(try chainCase.certificates("leaf.pem").first)
        let chain = try verifier.verify(leaf: leaf, intermediates: try chainCase.certificates("untrusted.pem").reversed())
        #expect(chain.links.count == length, "\(name)")
    }

    /// Time-only failures are recognised as such by the diagnosis.
    @Test func expiredChainIsOKExceptTime() throws {
        let chainCase = try #require(try ChainCase.all().first { $0.name == "expired" })
        let verifier = Verifier(trustStore: TrustStore(try chainCase.certificates("root.pem")),
                                policy: Policy(host: chainCase.host, validationTime: chainCase.time))
        let leaf = try #require(try chainCase.certificates("leaf.pem").first)
        let pool = try chainCase.certificates("untrusted.pem")
        do {
            _ = try verifier.verify(leaf: leaf, intermediates: pool)
            Issue.record("expired chain verified")
        } catch {
            #expect(verifier.diagnose(error, leaf: leaf, intermediates: pool).contains(.okExceptTime))
        }
    }

    /// A missing intermediate is named, with the leaf's AIA caIssuers URL.
    @Test func missingIntermediateHint() throws {
        let chainCase = try #require(try ChainCase.all().first { $0.name == "missing-intermediate" })
        let verifier = Verifier(trustStore: TrustStore(try chainCase.certificates("root.pem")),
                                policy: Policy(host: chainCase.host, validationTime: chainCase.time))
        let leaf = try #require(try chainCase.certificates("leaf.pem").first)
        do {
            _ = try verifier.verify(leaf: leaf)
            Issue.record("chain without its intermediate verified")
        } catch {
            let hints = verifier.diagnose(error, leaf: leaf, intermediates: [])
            #expect(hints.contains(.missingIssuer(depth: 0, issuer: leaf.issuer, caIssuersURIs: ["http://crt.certo.test/intermediate.cer"])))
        }
    }
}
