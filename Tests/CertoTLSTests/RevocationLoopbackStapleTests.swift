// `certo check 127.0.0.1:PORT --revocation-required` against `openssl s_server -status_file` (started
// as OCSPStapleTests starts it, on 127.0.0.1 only) over TLS 1.2 and TLS 1.3, serving a leaf of a CA
// made at test time and stapling the response `openssl ocsp` made from that CA's database: a good
// staple verifies (its origin "staple" in --json), a revoked one refuses with error 23, and no staple
// leaves nothing to answer when answers are required.
import Testing

@Suite("Revocation end to end: staples from openssl s_server")
struct RevocationLoopbackStapleTests {
    typealias CLI = RevocationCLI

    static let versions = ["-tls1_2", "-tls1_3"]

    /// A CA, its leaf (revoked or not) served by s_server with `staple` (nil: none), and the check
    /// arguments for it.
    static func withServer(_ version: String, revoked: Bool = false, staple: Bool = true,
                           _ body: (_ arguments: [String], _ leaf: IssuedCertificate, _ port: UInt16) throws -> Void) throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let leaf = try ca.issueLeaf("staple")
        if revoked { try ca.revoke(leaf, reason: "keyCompromise") }
        var stapling: [String] = []
        if staple { stapling = ["-status_file", try ca.ocspResponse("staple.der", for: leaf)] }
        let server = try OpenSSLServer(pki: try ca.serverFiles(for: leaf), extraArguments: [version] + stapling)
        defer { server.stop() }
        try body(["check", "127.0.0.1:\(server.port)", "--ca", ca.certificatePath, "--sni", leaf.host, "--timeout", "15"], leaf, server.port)
    }

    @Test("a good staple: exit 0, its origin staple in --json", arguments: versions)
    func good(_ version: String) throws {
        try Self.withServer(version) { arguments, leaf, port in
            let text = try CLI.certo(arguments + ["--revocation-required"])
            #expect(text.status == 0, "\(text.stdout)\(text.stderr)")
            let tls = version == "-tls1_2" ? "TLS 1.2" : "TLS 1.3"
            #expect(CLI.lines(text.stdout).last?.hasPrefix("127.0.0.1:\(port): OK (\(leaf.host), \(tls), 2-certificate path to ") == true,
                    "\(text.stdout)")

            let json = try CLI.certo(arguments + ["--revocation-required", "--json"])
            #expect(json.status == 0)
            let verification = try CLI.verification(json, check: true)
            #expect(verification["ok"] as? Bool == true)
            let revocation = try CLI.linkRevocation(verification)
            #expect(revocation["status"] as? String == "good")
            let source = try CLI.source(revocation)
            #expect(source["origin"] as? String == "staple")
            #expect(source["kind"] as? String == "ocsp")
            #expect(source["responder"] as? String == "issuer")
        }
    }

    @Test("a revoked staple: exit 2, error 23 with the reason", arguments: versions)
    func revoked(_ version: String) throws {
        try Self.withServer(version, revoked: true) { arguments, _, port in
            let result = try CLI.certo(arguments + ["--revocation-required"])
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            let line = CLI.errorLine(result.stdout)
            #expect(line?.hasPrefix("error 23 at 0 depth lookup: certificate revoked (certificate revoked at ") == true, "\(result.stdout)")
            #expect(line?.contains("(keyCompromise) according to the stapled OCSP response produced ") == true, "\(result.stdout)")
            #expect(CLI.lines(result.stdout).last == "127.0.0.1:\(port): verification failed")

            // The staple refuses even when answers are not required.
            let soft = try CLI.certo(arguments)
            #expect(soft.status == 2, "\(soft.stdout)")
        }
    }

    @Test("no staple: exit 2 with --revocation-required, accepted without", arguments: versions)
    func noStaple(_ version: String) throws {
        try Self.withServer(version, staple: false) { arguments, _, _ in
            let required = try CLI.certo(arguments + ["--revocation-required"])
            #expect(required.status == 2, "\(required.stdout)\(required.stderr)")
            let line = CLI.errorLine(required.stdout)
            #expect(line?.hasPrefix("error 3 at 0 depth lookup: ") == true, "\(required.stdout)")
            #expect(line?.contains("no stapled OCSP response, CRL or OCSP response was given, and fetching is off") == true,
                    "\(required.stdout)")

            let soft = try CLI.certo(arguments + ["--json"])
            #expect(soft.status == 0, "\(soft.stdout)")
            let revocation = try CLI.linkRevocation(try CLI.verification(soft, check: true))
            #expect(revocation["status"] as? String == "unknown")
        }
    }
}
