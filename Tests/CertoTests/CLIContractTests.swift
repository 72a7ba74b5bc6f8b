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

    // MARK: verify: profile, limits, malformed input (ARCHITECTURE "Additions of the second wave")

    /// The AWS-shaped chain's arguments, with `extra` options before the leaf.
    func awsArguments(_ extra: [String], leaf: String? = nil) throws -> [String] {
        let (root, untrusted, awsLeaf) = try chain("aws-iot-rsa2048")
        return ["verify", "--ca", root, "--untrusted", untrusted, "--at", "2026-06-01T00:00:00Z", "--host", Self.awsHost]
            + extra + [leaf ?? awsLeaf]
    }

    @Test(arguments: [["--profile", "web"], ["--profile", "rfc5280"], ["--profile=rfc5280"], ["--max-depth", "255"],
                      ["-verify_depth", "1"], ["--max-signature-checks", "2"], ["--max-signature-checks", "100000"]])
    func verifyOptionValuesInRangeAreAccepted(extra: [String]) throws {
        let result = try runCerto(try awsArguments(extra))
        #expect(result.status == 0, "\(extra): \(result.stdout) \(result.stderr)")
        #expect(result.stdout.hasSuffix(": OK\n"))
        #expect(result.stderr.isEmpty)
    }

    @Test(arguments: [["--profile", "strict"], ["--profile", "WEB"], ["--profile"], ["--max-depth", "256"], ["-verify_depth", "-1"],
                      ["--max-signature-checks", "0"], ["--max-signature-checks", "100001"], ["--max-signature-checks", "many"]])
    func verifyOptionValuesOutOfRangeExitOne(extra: [String]) throws {
        // A trailing option without its value would take the leaf as the value; put the leaf first then.
        let arguments = extra.count == 1 ? Array(try awsArguments([]).dropLast()) + [try chain("aws-iot-rsa2048").leaf] + extra
                                         : try awsArguments(extra)
        let result = try runCerto(arguments)
        #expect(result.status == 1, "\(extra)")
        #expect(result.stderr.hasPrefix("certo verify: \(extra[0].split(separator: "=")[0])"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func maxDepthZeroRefusesAChainWithAnIntermediate() throws {
        let result = try runCerto(try awsArguments(["--max-depth", "0"]))
        #expect(result.status == 2)
        #expect(result.stdout.contains("error 22 at 0 depth lookup: certificate chain too long\n"))
    }

    @Test func usageNamesTheNewOptions() throws {
        let result = try runCerto(["verify", "--help"])
        #expect(result.status == 0)
        for option in ["[--profile web|rfc5280]", "[--max-signature-checks N]", "--profile P", "0...255",
                       "[--policy OID]...", "--explicit-policy", "-inhibit_map", "-inhibit_any"] {
            #expect(result.stdout.contains(option), "\(option)")
        }
    }

    /// RFC 5280's policy inputs on PKITS 4.8.1 (GoodCA and its leaf assert NIST-test-policy-1), with
    /// both spellings: a policy the path holds verifies and is reported, another fails with OpenSSL's
    /// "no explicit policy", and text that is no OID is a usage error.
    @Test func certificatePolicyOptions() throws {
        func pkits(_ file: String) throws -> String { try VectorFiles.url(.cryptography, "x509/PKITS_data/certs/\(file)").path }
        let base = ["verify", "--profile", "rfc5280", "--purpose", "any", "--at", "1780272000",
                    "--ca", try pkits("TrustAnchorRootCertificate.crt"), "--untrusted", try pkits("GoodCACert.crt")]
        let leaf = try pkits("ValidCertificatePathTest1EE.crt")
        let held = try runCerto(base + ["--policy", "2.16.840.1.101.3.2.1.48.1", "--explicit-policy", "--json", leaf])
        #expect(held.status == 0)
        #expect(held.stdout.contains("\"certificate_policies\": [\"2.16.840.1.101.3.2.1.48.1\"]"))
        let other = try runCerto(base + ["-policy", "2.16.840.1.101.3.2.1.48.2", "-explicit_policy", leaf])
        #expect(other.status == 2)
        #expect(other.stdout.contains("error 43 at 0 depth lookup: no explicit policy\n"))
        #expect(!other.stdout.contains(": OK"))
        let notAnOID = try runCerto(base + ["--policy", "2.16.x", leaf])
        #expect(notAnOID.status == 1)
        #expect(notAnOID.stderr.contains("--policy: '2.16.x' is not a dotted object identifier"))
        for flag in ["--inhibit-policy-mapping", "-inhibit_map", "--inhibit-any", "-inhibit_any"] {
            #expect(try runCerto(base + [flag, leaf]).status == 0, "\(flag)")
        }
    }

    /// CRLs on PKITS 4.4.3's path (GoodCA revoked the leaf): --crl with --crl-check, and OpenSSL's spellings.
    @Test func crlOptions() throws {
        func pkits(_ file: String) throws -> String { try VectorFiles.url(.cryptography, "x509/PKITS_data/\(file)").path }
        let base = ["verify", "--profile", "rfc5280", "--purpose", "any", "--at", "1780272000",
                    "--ca", try pkits("certs/TrustAnchorRootCertificate.crt"), "--untrusted", try pkits("certs/GoodCACert.crt")]
        let crls = ["--crl", try pkits("crls/TrustAnchorRootCRL.crl"), "-CRLfile", try pkits("crls/GoodCACRL.crl")]
        let revoked = try runCerto(base + crls + ["--crl-check", "all", try pkits("certs/InvalidRevokedEETest3EE.crt")])
        #expect(revoked.status == 2)
        #expect(revoked.stdout.contains("error 23 at 0 depth lookup: certificate revoked\n"))
        #expect(!revoked.stdout.contains(": OK"))
        let good = try pkits("certs/ValidCertificatePathTest1EE.crt")
        let valid = try runCerto(base + crls + ["-crl_check_all", "--explain", good])
        #expect(valid.status == 0)
        #expect(valid.stdout.contains("§6.1.3(a)(3) not revoked (CRL number 1 of"))
        let noCRL = try runCerto(base + ["-crl_check", good])
        #expect(noCRL.status == 2)
        #expect(noCRL.stdout.contains("error 3 at 0 depth lookup: unable to get certificate CRL\n"))
        let notACRL = try runCerto(base + ["--crl", try pkits("certs/GoodCACert.crt"), good])
        #expect(notACRL.status == 1)
        #expect(!notACRL.stderr.isEmpty)
    }

    @Test func exhaustedSignatureBudgetIsAFailureThatNamesTheBudget() throws {
        // Leaf <- intermediate <- root takes two signature checks.
        let result = try runCerto(try awsArguments(["--max-signature-checks", "1", "--explain"]))
        #expect(result.status == 2)
        #expect(result.stdout.contains("error 22 at 0 depth lookup: search budget of 1 signature checks exhausted after 0 paths\n"))
        #expect(result.stdout.contains("rule: Certo SearchBudget.maxSignatureChecks"))
        #expect(result.stdout.contains("--max-signature-checks"))
    }

    @Test(arguments: MalformedLeaf.allCases)
    func malformedLeafIsAVerificationFailure(kind: MalformedLeaf) throws {
        try withScratchDirectory { directory in
            let leaf = directory.appendingPathComponent("leaf-\(kind).pem").path
            try Data(try kind.bytes(validLeaf: try chain("aws-iot-rsa2048").leaf)).write(to: URL(fileURLWithPath: leaf))
            let result = try runCerto(try awsArguments([], leaf: leaf))
            #expect(result.status == 2, "\(kind): \(result.stdout) \(result.stderr)")
            #expect(result.stdout.hasPrefix("\(leaf): malformed certificate: \(kind.errorText)"), "\(result.stdout)")
            #expect(result.stdout.contains("error 4 at 0 depth lookup: unable to decode certificate\n"))
            #expect(result.stdout.hasSuffix("\(leaf): verification failed\n"))
            #expect(result.stderr.isEmpty)

            let json = try runCerto(try awsArguments(["--json"], leaf: leaf))
            #expect(json.status == 2)
            #expect(json.stdout.contains(#""reason": "malformedCertificate""#))
            #expect(json.stdout.contains(#""rule": "RFC 5280 §4.1""#))
        }
    }

    @Test func unreadableFilesAreInputErrors() throws {
        try withScratchDirectory { directory in
            let (root, untrusted, leaf) = try chain("aws-iot-rsa2048")
            let garbage = directory.appendingPathComponent("garbage.pem").path
            try Data("not a certificate\n".utf8).write(to: URL(fileURLWithPath: garbage))
            let cases: [[String]] = [
                try awsArguments([], leaf: directory.appendingPathComponent("missing.pem").path),
                try awsArguments([], leaf: directory.path),
                ["verify", "--ca", root, "--untrusted", directory.appendingPathComponent("missing.pem").path, leaf],
                ["verify", "--ca", garbage, "--untrusted", untrusted, leaf],
            ]
            for arguments in cases {
                let result = try runCerto(arguments)
                #expect(result.status == 1, "\(arguments)")
                #expect(result.stderr.hasPrefix("certo verify: "), "\(arguments)")
                #expect(result.stderr.split(separator: "\n").count == 1, "\(result.stderr)")
                #expect(!result.stdout.contains("OK"))
            }
        }
    }

    @Test func malformedUntrustedCertificateIsSkippedAndNamed() throws {
        try withScratchDirectory { directory in
            let (_, untrusted, _) = try chain("aws-iot-rsa2048")
            // SEQUENCE { INTEGER 0 }: DER, but no certificate; then the real intermediate.
            let pool = directory.appendingPathComponent("pool.pem").path
            let bogus = "-----BEGIN CERTIFICATE-----\nMAMCAQA=\n-----END CERTIFICATE-----\n"
            try Data((bogus + (try String(contentsOfFile: untrusted, encoding: .utf8))).utf8).write(to: URL(fileURLWithPath: pool))
            let empty = directory.appendingPathComponent("empty.pem").path
            try Data().write(to: URL(fileURLWithPath: empty))
            let plain = try runCerto(try awsArguments(["--untrusted", pool, "--untrusted", empty]))
            #expect(plain.status == 0, "\(plain.stdout) \(plain.stderr)")
            #expect(plain.stdout.hasSuffix(": OK\n"))

            let explained = try runCerto(try awsArguments(["--untrusted", pool, "--untrusted", empty, "--explain"]))
            #expect(explained.status == 0)
            #expect(explained.stdout.contains("skipped malformed certificate: \(pool), position 0: "), "\(explained.stdout)")
            #expect(explained.stdout.contains("skipped file: \(empty): no certificate found"))

            let json = try runCerto(try awsArguments(["--untrusted", pool, "--json"]))
            #expect(json.status == 0)
            #expect(json.stdout.contains(#""skipped": [{"file": "\#(pool)", "position": 0, "error": "#), "\(json.stdout)")
        }
    }

    @Test func explainNamesTheProfileAndTheRuleOfEveryRefusal() throws {
        let (root, untrusted, leaf) = try chain("bad-signature")
        let base = ["verify", "--ca", root, "--untrusted", untrusted, "--at", "2026-06-01T00:00:00Z", "--host", Self.awsHost]
        let web = try runCerto(base + ["--explain", leaf])
        #expect(web.status == 2)
        #expect(web.stdout.contains("\n  profile: web (RFC 5280 + CA/B Forum Baseline Requirements §7.1)\n"), "\(web.stdout)")
        #expect(web.stdout.contains("\n    rule: RFC 5280 §6.1.3 (a)(1)\n"))
        #expect(web.stdout.contains("\n      rule: RFC 5280 §6.1.3 (a)(1)\n"))

        let rfc = try runCerto(base + ["--profile", "rfc5280", "--explain", leaf])
        #expect(rfc.stdout.contains("\n  profile: rfc5280\n"))

        let json = try runCerto(base + ["--profile", "rfc5280", "--json", leaf])
        #expect(json.status == 2)
        #expect(json.stdout.contains(#""profile": "rfc5280""#))
        #expect(json.stdout.contains(#""openssl_text": "certificate signature failure", "rule": "RFC 5280 §6.1.3 (a)(1)"}"#))
        #expect(json.stdout.contains(#""reason": "badSignature", "message": "signature does not verify with the issuer's key", "rule": "RFC 5280 §6.1.3 (a)(1)"}"#))

        let ok = try runCerto(try awsArguments(["--explain"]))
        #expect(ok.status == 0)
        #expect(ok.stdout.contains("\n  profile: web "))
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

/// Leaf files that cannot be decoded, and the start of the error each gives.
enum MalformedLeaf: String, CaseIterable, CustomStringConvertible {
    case truncatedDER, garbageText, emptyFile, unterminatedPEM, truncatedPEM

    var description: String { rawValue }

    func bytes(validLeaf: String) throws -> [UInt8] {
        let pem = try String(contentsOfFile: validLeaf, encoding: .utf8)
        let body = pem.split(separator: "\n").filter { !$0.hasPrefix("-----") }.joined()
        guard let der = Data(base64Encoded: body) else { throw ToolFailure(description: "\(validLeaf) is not PEM") }
        switch self {
        case .truncatedDER: return Array(der.prefix(der.count / 2))
        case .garbageText: return Array("not a certificate\n".utf8)
        case .emptyFile: return []
        case .unterminatedPEM: return Array(pem.split(separator: "\n").dropLast().joined(separator: "\n").utf8)
        case .truncatedPEM:
            let half = Data(der.prefix(der.count / 2)).base64EncodedString(options: .lineLength64Characters)
            return Array("-----BEGIN CERTIFICATE-----\n\(half)\n-----END CERTIFICATE-----\n".utf8)
        }
    }

    /// What `malformed certificate: ` is followed by.
    var errorText: String {
        switch self {
        case .truncatedDER, .truncatedPEM: return "byte "
        case .garbageText, .emptyFile: return "no certificate found"
        case .unterminatedPEM: return "line 1: BEGIN line without a matching END line"
        }
    }
}

/// Runs `body` with a fresh directory of its own (tests run in parallel), removed afterwards.
private func withScratchDirectory(_ body: (URL) throws -> Void) throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("certo-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    try body(directory)
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
