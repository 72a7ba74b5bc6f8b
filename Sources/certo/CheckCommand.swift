// `certo check HOST[:PORT]`: fetches the server's chain (CertoTLS), then verifies it for that host
// name against the system store or --ca with Certo's Verifier, the seed's whole story in one run.
// It names a root the store lacks and recognises AWS IoT's legacy VeriSign/Symantec endpoint.
// Printing only: verification and its explanation come from the Certo library.
import ArgumentParser
import Certo
import CertoTLS

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Fetch a server's chain over TLS and verify it.",
        discussion: """
            Verifies the chain the server sends for HOST (or --sni NAME) as a TLS server, now, against the
            system store or only the --ca files. Exit status: 0 verified, 2 verification failed,
            1 usage or input error, 3 connection or TLS failure.
            """
    )

    @Argument(help: "HOST[:PORT]") var endpoint: String
    @Option(help: "Trusted certificates (PEM or DER) instead of the system store (repeatable).") var ca: [String] = []
    @Option(help: "Server name for SNI and the host-name check (default: HOST).") var sni: String?
    @Option(help: "ALPN protocol to offer, e.g. x-amzn-mqtt-ca (repeatable).") var alpn: [String] = []
    @Option(help: "Seconds allowed for the connect, and again for the handshake.") var timeout: Double = 10
    @Option(help: ArgumentHelp("Revocation: off; staple (the stapled OCSP response and the --crl and --ocsp-response files answer); fetch (those, then OCSP and CRLs fetched over http from the certificate's authorityInfoAccess and cRLDistributionPoints).", valueName: "mode"))
    var revocation: String = "staple"
    @Flag(help: "Every checked certificate needs a good answer (hard-fail); by default one nothing answers for is accepted and noted.")
    var revocationRequired = false
    @Option(help: ArgumentHelp("Certificates checked for revocation: leaf or all (below the anchor).", valueName: "scope"))
    var revocationScope: String = "leaf"
    @Option(help: "CRLs (PEM or DER) to check revocation against (repeatable).") var crl: [String] = []
    @Option(help: "OCSP responses (DER) to check revocation against (repeatable).") var ocspResponse: [String] = []
    @Option(help: "Seconds allowed for each revocation fetch.") var fetchTimeout: Double = 5
    @Flag(help: "Narrate the connection, every link and every check.") var explain = false
    @Flag(help: "One JSON object with the connection, the chain and the verdict.") var json = false

    func run() throws {
        let target = try Endpoint.parseOrExit(endpoint, command: "check", timeout: timeout)
        let store: TrustStore
        do {
            store = ca.isEmpty ? try TrustStore.system() : try TrustStore.load(files: ca)
        } catch {
            printError("certo check: \(error)")
            throw ExitCode(1)
        }
        var options = RevocationOptions(required: revocationRequired, crlFiles: crl, ocspFiles: ocspResponse, fetchTimeout: fetchTimeout)
        do {
            options.mode = try RevocationOptions.mode("--revocation", revocation, allowed: [.off, .staple, .fetch])
            options.scope = try RevocationOptions.scope("--revocation-scope", revocationScope)
        } catch {
            printError("certo check: \(error.message)")
            throw ExitCode(1)
        }
        guard let (crls, responses) = options.loadSources(command: "check", read: { file in
            switch FileBytes.read(file, limit: CertificateRevocationList.maximumByteCount) {
            case .success(let bytes): return bytes
            case .failure(let error):
                printError("certo check: \(error)")
                return nil
            }
        }) else { throw ExitCode(1) }
        let result = try Endpoint.fetchOrExit(target, sni: sni, alpn: alpn, timeout: timeout, command: "check")
        var certificates: [Certificate] = []
        for (index, der) in result.certificates.enumerated() {
            do {
                certificates.append(try Certificate(derEncoded: der))
            } catch {
                printError("certo check: \(target.display): certificate \(index + 1) from the server does not parse: \(error)")
                throw ExitCode(2)
            }
        }
        let host = sni ?? target.host
        var policy = Policy(purpose: .server, host: host, validationTime: Instant.now())
        policy.revocation = options.policy(fallback: .staple, defaultScope: .leaf)
        var verifier = Verifier(trustStore: store, policy: policy)
        verifier.crls = crls
        verifier.ocspResponses = responses
        verifier.revocationFetcher = options.fetcher(fallback: .staple)
        let leaf = certificates[0]
        let intermediates = Array(certificates.dropFirst())
        let name = target.display
        let legacy = Hint.awsIoTEndpoint(host: host, chain: certificates)?.description
        do {
            let chain = try verifier.verify(leaf: leaf, intermediates: intermediates, explain: explain || json,
                                            stapledOCSPResponse: result.stapledOCSPResponse)
            let notes = legacy.map { [$0] } ?? []
            if json {
                print(CheckReport.json(result: result, verification: VerifyReport.json(file: name, policy: policy, chain: chain, error: nil, hints: []), notes: notes))
                return
            }
            if explain {
                for line in ChainSummary.lines(result) { print(line) }
                print(VerifyReport.explain(file: name, policy: policy, chain: chain))
            }
            for note in notes { print("note: \(note)") }
            print("\(name): OK (\(host), \(result.versionName), \(chain.links.count)-certificate path to \(chain.anchor.subject.openSSLDescription))")
        } catch {
            let hints = verifier.diagnose(error, leaf: leaf, intermediates: intermediates)
            var notes = hints.map(\.description)
            if let legacy { notes.append(legacy) }
            if json {
                print(CheckReport.json(result: result, verification: VerifyReport.json(file: name, policy: policy, chain: nil, error: error, hints: hints), notes: notes))
                throw ExitCode(2)
            }
            if explain {
                for line in ChainSummary.lines(result) { print(line) }
                print(VerifyReport.explainFailure(file: name, policy: policy, error: error, hints: hints))
                if let legacy { print("  hint: \(legacy)") }
            } else {
                let (code, text) = error.reason.openSSLCode
                print("error \(code) at \(error.depth) depth lookup: \(text) (\(error.reason.message))")
                for note in notes { print("hint: \(note)") }
            }
            print("\(name): verification failed")
            throw ExitCode(2)
        }
    }
}

enum CheckReport {
    static func json(result: TLSFetchResult, verification: String, notes: [String]) -> String {
        var fields: [String] = []
        fields.append("\"peer\": \(JSONString.quoted(result.peerAddress))")
        fields.append("\"tls_version\": \(JSONString.quoted(result.versionName))")
        fields.append("\"cipher_suite\": \(JSONString.quoted(result.cipherSuiteName))")
        fields.append("\"alpn\": \(result.alpnProtocol.map(JSONString.quoted) ?? "null")")
        fields.append("\"server_name\": \(result.serverName.map(JSONString.quoted) ?? "null")")
        fields.append("\"certificates_sent\": \(result.certificates.count)")
        fields.append("\"ocsp_stapled\": \(result.stapledOCSPResponse != nil)")
        fields.append("\"notes\": [\(notes.map(JSONString.quoted).joined(separator: ", "))]")
        fields.append("\"verification\": \(verification)")
        return "{" + fields.joined(separator: ", ") + "}"
    }

}
