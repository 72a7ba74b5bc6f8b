// Many chains through one Verifier: the library's verifyAll (results in input order, concurrency
// bounded, cancellation) and `certo verify --jsonl` (one answer per line in order, malformed lines
// answered and the batch going on, --jobs).
import Certo
import CertoTestSupport
import Foundation
import Testing

@Suite struct BatchVerificationTests {
    static let time = Instant(seconds: 1_780_272_000)

    func chain(_ name: String) throws -> (root: Certificate, presented: [[UInt8]]) {
        let directory = "chains/\(name)"
        let root = try Certificate(pemEncoded: String(contentsOf: try VectorFiles.repositoryFile("\(directory)/root.pem"), encoding: .utf8))
        let leaf = try Certificate(pemEncoded: String(contentsOf: try VectorFiles.repositoryFile("\(directory)/leaf.pem"), encoding: .utf8))
        let intermediate = try Certificate(pemEncoded: String(contentsOf: try VectorFiles.repositoryFile("\(directory)/untrusted.pem"), encoding: .utf8))
        return (root, [leaf.derBytes, intermediate.derBytes])
    }

    @Test func verifyAllKeepsInputOrder() async throws {
        let rsa = try chain("aws-iot-rsa2048"), p256 = try chain("ecdsa-p256")
        let verifier = Verifier(trustStore: TrustStore([rsa.root, p256.root]))
        var requests: [ChainRequest] = []
        for index in 0..<60 {
            switch index % 3 {
            case 0: requests.append(ChainRequest(presentedChain: rsa.presented, host: "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test", time: Self.time))
            case 1: requests.append(ChainRequest(presentedChain: p256.presented, host: "www.p256.certo.test", time: Self.time))
            default: requests.append(ChainRequest(presentedChain: p256.presented, host: "wrong.example", time: Self.time))
            }
        }
        for width in [1, 2, 7] {
            let results = try await verifier.verifyAll(requests, maximumConcurrency: width)
            #expect(results.count == requests.count)
            for (index, result) in results.enumerated() {
                switch (index % 3, result) {
                case (0, .success(let chain)): #expect(chain.leaf.subject.commonName == "*.iot.us-east-1.certo.test")
                case (1, .success(let chain)): #expect(chain.leaf.subject.commonName == "www.p256.certo.test")
                case (2, .failure(let error)): #expect(error.reason.name == "hostnameMismatch")
                default: Issue.record("request \(index): unexpected \(result)")
                }
            }
        }
    }

    @Test func verifyAllStopsWhenCancelled() async throws {
        let rsa = try chain("aws-iot-rsa2048")
        let verifier = Verifier(trustStore: TrustStore([rsa.root]))
        let requests = Array(repeating: ChainRequest(presentedChain: rsa.presented, time: Self.time), count: 2_000)
        let task = Task { try await verifier.verifyAll(requests, maximumConcurrency: 2) }
        task.cancel()
        await #expect(throws: CancellationError.self) { try await task.value }
    }

    @Test func jsonlAnswersEveryLineInOrder() throws {
        guard let certo = ExternalProgram.builtCerto else { throw BatchSetupError("certo not built") }
        let rsaDirectory = try VectorFiles.repositoryFile("chains/aws-iot-rsa2048").path
        let p256Directory = try VectorFiles.repositoryFile("chains/ecdsa-p256").path
        func pem(_ path: String) throws -> String { try String(contentsOfFile: path, encoding: .utf8) }
        func quoted(_ text: String) -> String {
            let data = try! JSONSerialization.data(withJSONObject: [text])
            return String(String(decoding: data, as: UTF8.self).dropFirst().dropLast())
        }
        let rsaLeaf = try pem(rsaDirectory + "/leaf.pem"), rsaIntermediate = try pem(rsaDirectory + "/untrusted.pem")
        let p256Leaf = try Certificate(pemEncoded: try pem(p256Directory + "/leaf.pem"))
        let p256Intermediate = try pem(p256Directory + "/untrusted.pem")
        let base64Leaf = Data(p256Leaf.derBytes).base64EncodedString()
        let lines = [
            "{\"chain\": [\(quoted(rsaLeaf)), \(quoted(rsaIntermediate))], \"host\": \"a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test\"}",
            "{\"chain\": [\(quoted(p256Intermediate)), \"\(base64Leaf)\"], \"leaf\": 1, \"host\": \"www.p256.certo.test\", \"purpose\": \"server\", \"profile\": \"rfc5280\"}",
            "{not json",
            "{\"chain\": [\(quoted(rsaLeaf)), \(quoted(rsaIntermediate))], \"host\": \"wrong.example\"}",
            "{\"chain\": []}",
            "{\"chain\": [\(quoted(rsaLeaf)), \(quoted(rsaIntermediate))], \"time\": \"2050-01-01T00:00:00Z\"}",
        ]
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("certo-jsonl-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("requests.jsonl").path
        // 300 lines: several windows, so the order is kept across them too.
        try (0..<50).flatMap { _ in lines }.joined(separator: "\n").write(toFile: input, atomically: true, encoding: .utf8)
        let roots = directory.appendingPathComponent("roots.pem").path
        try (try pem(rsaDirectory + "/root.pem") + pem(p256Directory + "/root.pem")).write(toFile: roots, atomically: true, encoding: .utf8)
        for jobs in ["1", "2"] {
            let result = try ExternalProgram.run(certo.path, ["verify", "--ca", roots, "--at", "2026-06-01T00:00:00Z",
                                                              "--jsonl", input, "--jobs", jobs])
            #expect(result.status == 0, "\(result.stderr)")
            let answers = result.stdout.split(separator: "\n")
            #expect(answers.count == 300)
            for (index, answer) in answers.enumerated() {
                #expect(answer.hasPrefix("{\"line\": \(index + 1), "), "answer \(index + 1) out of order: \(answer.prefix(40))")
                switch index % 6 {
                case 0, 1: #expect(answer.contains("\"ok\": true"), "\(answer)")
                case 2, 4: #expect(answer.contains("\"reason\": \"malformedRequest\""), "\(answer)")
                case 3: #expect(answer.contains("\"reason\": \"hostnameMismatch\""), "\(answer)")
                default: #expect(answer.contains("\"reason\": \"expired\""), "\(answer)")
                }
            }
        }
        let usage = try ExternalProgram.run(certo.path, ["verify", "--jsonl", input, input])
        #expect(usage.status == 1 && !usage.stderr.isEmpty)
    }
}

private struct BatchSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
