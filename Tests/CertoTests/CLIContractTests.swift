// The `certo` command-line contract that outside scripts rely on (shared/ARCHITECTURE.md): exit codes
// 0 / 2 / 1, the `FILE: OK` and `error N at D depth lookup:` lines, OpenSSL's option spellings, and the
// `sigverify --jsonl` answer-per-line rule. Runs the certo binary that `swift test` builds beside the tests.
import Foundation
import Testing
import CertoTestSupport

@Suite("certo CLI contract")
struct CLIContractTests {
    static let awsHost = "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test"

    func chain(_ name: String) throws -> (root: String, untrusted: String, leaf: String) {
        (try VectorFiles.repositoryFile("chains/\(name)/root.pem").path,
         try VectorFiles.repositoryFile("chains/\(name)/untrusted.pem").path,
         try VectorFiles.repositoryFile("chains/\(name)/leaf.pem").path)
    }

    @Test func verifiedChainPrintsOKAndExitsZero() throws {
        let (root, untrusted, leaf) = try chain("aws-iot-rsa2048")
        let result = try runCerto(["verify", "--ca", root, "--untrusted", untrusted, "--at", "2026-06-01T00:00:00Z",
                                   "--host", Self.awsHost, "--purpose", "server", leaf])
        #expect(result.status == 0)
        #expect(result.stdout == "\(leaf): OK\n")
        #expect(result.stderr.isEmpty)
    }

    @Test func openSSLSpellingsAreAliases() throws {
        let (root, untrusted, leaf) = try chain("aws-iot-rsa2048")
        let result = try runCerto(["verify", "-CAfile", root, "-untrusted", untrusted, "-attime", "1780272000",
                                   "-verify_hostname", Self.awsHost, "-purpose", "sslserver", leaf])
        #expect(result.status == 0)
        #expect(result.stdout == "\(leaf): OK\n")
    }

    @Test func failedVerificationExitsTwoWithOpenSSLStyleLines() throws {
        let (root, untrusted, leaf) = try chain("bad-signature")
        let result = try runCerto(["verify", "--ca", root, "--untrusted", untrusted, "--at", "2026-06-01T00:00:00Z",
                                   "--host", Self.awsHost, leaf])
        #expect(result.status == 2)
        #expect(result.stdout.contains("error 7 at 0 depth lookup: certificate signature failure\n"))
        #expect(result.stdout.hasSuffix("\(leaf): verification failed\n"))
        #expect(!result.stdout.contains(": OK"))
    }

    @Test func wrongHostIsAVerificationFailure() throws {
        let (root, untrusted, leaf) = try chain("aws-iot-rsa2048")
        let result = try runCerto(["verify", "--ca", root, "--untrusted", untrusted, "--at", "2026-06-01T00:00:00Z",
                                   "--host", "wrong-host.invalid", leaf])
        #expect(result.status == 2)
        #expect(!result.stdout.contains(": OK"))
    }

    @Test(arguments: [
        ["verify", "--ca", "/nonexistent/certo-root.pem", "leaf.pem"],
        ["verify", "--at", "yesterday", "leaf.pem"],
        ["verify", "--no-such-option"],
        ["hash", "--sha256", "--sha1", "-"],
        ["no-such-command"],
    ])
    func usageAndInputErrorsExitOneWithAMessage(arguments: [String]) throws {
        let result = try runCerto(arguments)
        #expect(result.status == 1, "\(arguments)")
        #expect(!result.stderr.isEmpty)
        #expect(!result.stdout.contains("OK"))
    }

    @Test func sigverifyBatchAnswersEveryLineInOrder() throws {
        // A P-256 key and signature made by the openssl CLI, so the oracle is independent of Certo.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("certo-cli-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("key.pem").path
        let publicKey = directory.appendingPathComponent("pub.der").path
        let message = directory.appendingPathComponent("msg.bin").path
        let signature = directory.appendingPathComponent("sig.der").path
        try Data("certo".utf8).write(to: URL(fileURLWithPath: message))
        try runProgram("/usr/bin/openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key])
        try runProgram("/usr/bin/openssl", ["ec", "-in", key, "-pubout", "-outform", "DER", "-out", publicKey])
        try runProgram("/usr/bin/openssl", ["dgst", "-sha256", "-sign", key, "-out", signature, message])
        let keyHex = hexOf(try Data(contentsOf: URL(fileURLWithPath: publicKey)))
        let signatureHex = hexOf(try Data(contentsOf: URL(fileURLWithPath: signature)))
        let messageHex = hexOf(Data("certo".utf8))
        let lines = [
            #"{"alg": "ecdsa-p256-sha256", "key": "\#(keyHex)", "msg": "\#(messageHex)", "sig": "\#(signatureHex)"}"#,
            #"{"alg": "ecdsa-p256-sha256", "key": "\#(keyHex)", "msg": "\#(messageHex)00", "sig": "\#(signatureHex)"}"#,
            "not json at all",
            #"{"alg": "ecdsa-p256-sha256", "key": 7, "msg": "", "sig": ""}"#,
            #"{"alg": "ecdsa-p256-sha256", "key": "\#(keyHex)", "msg": "\#(messageHex)", "sig": "\#(signatureHex)"}"#,
        ]
        let batch = directory.appendingPathComponent("batch.jsonl").path
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: batch))
        let result = try runCerto(["sigverify", "--jsonl", batch])
        let answers = result.stdout.split(separator: "\n").map(String.init)
        #expect(answers.count == lines.count)
        guard answers.count == lines.count else { return }
        #expect(answers[0] == #"{"valid": true}"#)
        #expect(answers[1].hasPrefix(#"{"valid": false, "error": "#))
        #expect(answers[2].hasPrefix(#"{"valid": false, "error": "malformed request"#))
        #expect(answers[3].hasPrefix(#"{"valid": false, "error": "malformed request"#))
        #expect(answers[4] == #"{"valid": true}"#)
    }
}

private func hexOf(_ data: Data) -> String {
    data.map { String(format: "%02x", $0) }.joined()
}

private struct ToolFailure: Error, CustomStringConvertible {
    let description: String
}

/// Runs an oracle tool; a non-zero exit is an error.
private func runProgram(_ executable: String, _ arguments: [String]) throws {
    let result = try ExternalProgram.run(executable, arguments)
    if result.status != 0 {
        throw ToolFailure(description: "\(executable) \(arguments) exited \(result.status): \(result.stderr)")
    }
}

private func runCerto(_ arguments: [String]) throws -> ProgramResult {
    guard let certo = ExternalProgram.builtCerto else {
        throw ToolFailure(description: "the certo executable was not built next to the tests (run `swift build` first)")
    }
    return try ExternalProgram.run(certo.path, arguments)
}
