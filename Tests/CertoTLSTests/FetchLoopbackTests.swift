// CertoTLS against real peers on 127.0.0.1 only: openssl s_server over TLS 1.2, with ALPN, TLS 1.3
// only (AES-128-GCM, AES-256-GCM and ChaCha20-Poly1305, a stateless HelloRetryRequest), plus scripted servers that send
// garbage, close at once, stay silent, or send hostile records. Every case expects either the exact
// chain the server sent or one precise error; a silent peer ends in a 2-second timeout.
import Certo
import Foundation
import Testing
@testable import CertoTLS

@Suite("TLS fetch against loopback peers")
struct FetchLoopbackTests {
    /// For cases that end in a timeout: short, so the suite stays fast.
    static let timeout = 2.0
    /// For cases that end with data or an error from the peer: generous, since it is only reached on a
    /// stalled machine (CI runners are shared) and costs nothing when the peer answers.
    static let answerTimeout = 15.0

    static func pki() throws -> LoopbackPKI { try LoopbackPKI.shared.get() }

    static func fetch(
        port: UInt16, host: String = "127.0.0.1", serverName: String? = nil, alpn: [String] = [],
        versions: TLSVersionPolicy = .tls12AndTLS13, timeout: Double = answerTimeout
    ) throws(TLSError) -> TLSFetchResult {
        try TLSCertificateFetcher.fetch(TLSFetchRequest(
            host: host, port: port, serverName: serverName, alpnProtocols: alpn, timeout: timeout, versions: versions))
    }

    static func expectError(_ expected: TLSError, _ body: () throws(TLSError) -> TLSFetchResult) {
        do {
            let result = try body()
            Issue.record("expected \(expected), fetched \(result.certificates.count) certificates")
        } catch {
            #expect(error == expected)
        }
    }

    // MARK: openssl s_server

    struct ServerCase: Sendable, CustomStringConvertible {
        let name: String
        let arguments: [String]
        let versions: TLSVersionPolicy
        let alpn: [String]
        let expectedVersion: UInt16
        let expectedSuite: UInt16?
        let expectedALPN: String?
        let expectsRetry: Bool
        var description: String { name }
    }

    static let serverCases: [ServerCase] = [
        ServerCase(name: "TLS 1.2 only", arguments: ["-tls1_2"], versions: .tls12AndTLS13, alpn: [],
                   expectedVersion: 0x0303, expectedSuite: nil, expectedALPN: nil, expectsRetry: false),
        ServerCase(name: "TLS 1.2 with ALPN x-amzn-mqtt-ca", arguments: ["-tls1_2", "-alpn", "x-amzn-mqtt-ca"],
                   versions: .tls12Only, alpn: ["x-amzn-mqtt-ca"],
                   expectedVersion: 0x0303, expectedSuite: nil, expectedALPN: "x-amzn-mqtt-ca", expectsRetry: false),
        ServerCase(name: "TLS 1.3 only", arguments: ["-tls1_3"], versions: .tls12AndTLS13, alpn: [],
                   expectedVersion: 0x0304, expectedSuite: CipherSuite.aes128GCMSHA256, expectedALPN: nil, expectsRetry: false),
        ServerCase(name: "TLS 1.3 with ALPN", arguments: ["-tls1_3", "-alpn", "x-amzn-mqtt-ca"], versions: .tls13Only,
                   alpn: ["x-amzn-mqtt-ca"], expectedVersion: 0x0304, expectedSuite: CipherSuite.aes128GCMSHA256,
                   expectedALPN: "x-amzn-mqtt-ca", expectsRetry: false),
        ServerCase(name: "TLS 1.3 AES-256-GCM-SHA384", arguments: ["-tls1_3", "-ciphersuites", "TLS_AES_256_GCM_SHA384"],
                   versions: .tls12AndTLS13, alpn: [], expectedVersion: 0x0304, expectedSuite: CipherSuite.aes256GCMSHA384,
                   expectedALPN: nil, expectsRetry: false),
        ServerCase(name: "TLS 1.3 ChaCha20-Poly1305", arguments: ["-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256"],
                   versions: .tls13Only, alpn: [], expectedVersion: 0x0304, expectedSuite: CipherSuite.chacha20Poly1305SHA256,
                   expectedALPN: nil, expectsRetry: false),
        ServerCase(name: "TLS 1.3 stateless (HelloRetryRequest with cookie)", arguments: ["-tls1_3", "-stateless"],
                   versions: .tls12AndTLS13, alpn: [], expectedVersion: 0x0304, expectedSuite: CipherSuite.aes128GCMSHA256,
                   expectedALPN: nil, expectsRetry: true),
        ServerCase(name: "TLS 1.3 requesting a client certificate", arguments: ["-tls1_3", "-verify", "1"],
                   versions: .tls12AndTLS13, alpn: [], expectedVersion: 0x0304, expectedSuite: CipherSuite.aes128GCMSHA256,
                   expectedALPN: nil, expectsRetry: false),
    ]

    @Test("openssl s_server: the exact chain, and Certo verifies it for localhost", arguments: serverCases)
    func opensslServer(_ serverCase: ServerCase) throws {
        let pki = try Self.pki()
        let server = try OpenSSLServer(pki: pki, extraArguments: serverCase.arguments)
        defer { server.stop() }
        let result = try Self.fetch(port: server.port, serverName: "localhost", alpn: serverCase.alpn, versions: serverCase.versions)
        #expect(result.certificates == [pki.leafDER, pki.intermediateDER, pki.rootDER])
        #expect(result.version == serverCase.expectedVersion)
        if let suite = serverCase.expectedSuite { #expect(result.cipherSuite == suite) }
        #expect(result.alpnProtocol == serverCase.expectedALPN)
        #expect(result.helloRetryRequested == serverCase.expectsRetry)
        #expect(result.peerAddress == "127.0.0.1:\(server.port)")

        let certificates = try result.certificates.map { try Certificate(derEncoded: $0) }
        let verifier = Verifier(trustStore: TrustStore([try Certificate(derEncoded: pki.rootDER)]), policy: Policy(host: "localhost"))
        let chain = try verifier.verify(leaf: certificates[0], intermediates: Array(certificates.dropFirst()))
        #expect(chain.links.count == 3)
        let wrongHost = Verifier(trustStore: verifier.trustStore, policy: Policy(host: "example.com"))
        #expect(throws: VerificationError.self) { try wrongHost.verify(leaf: certificates[0], intermediates: Array(certificates.dropFirst())) }
    }

    @Test("a TLS 1.3-only server refuses a TLS 1.2-only ClientHello with protocol_version")
    func versionMismatch() throws {
        let server = try OpenSSLServer(pki: try Self.pki(), extraArguments: ["-tls1_3"])
        defer { server.stop() }
        Self.expectError(.alert(TLSAlert(level: 2, code: 70), stage: "ServerHello")) {
            () throws(TLSError) in try Self.fetch(port: server.port, versions: .tls12Only)
        }
    }

    @Test("a TLS 1.3 server that wants P-256 gets a precise unsupported-group error")
    func helloRetryForP256() throws {
        let server = try OpenSSLServer(pki: try Self.pki(), extraArguments: ["-tls1_3", "-groups", "P-256"])
        defer { server.stop() }
        Self.expectError(.unsupportedGroup(requested: NamedGroup.secp256r1)) { () throws(TLSError) in try Self.fetch(port: server.port) }
    }

    // MARK: Scripted servers

    @Test("nothing listening: connection refused")
    func refused() throws {
        let port = try #require(LoopbackSockets.freePort())
        Self.expectError(.connectionRefused(address: "127.0.0.1:\(port)")) { () throws(TLSError) in try Self.fetch(port: port) }
    }

    @Test("a server that never answers ends in a read timeout, not a hang")
    func silent() throws {
        let server = try ScriptedServer(.silent)
        defer { server.stop() }
        Self.expectError(.readTimeout(stage: "ServerHello", seconds: Self.timeout)) { () throws(TLSError) in
            try Self.fetch(port: server.port, timeout: Self.timeout)
        }
    }

    @Test("a server that closes at once")
    func closesAtOnce() throws {
        let server = try ScriptedServer(.closeImmediately)
        defer { server.stop() }
        do {
            let result = try Self.fetch(port: server.port)
            Issue.record("fetched \(result.certificates.count) certificates from a closed connection")
        } catch {
            // Depending on timing the close arrives before or after the ClientHello is written.
            #expect(error == .connectionClosed(stage: "ServerHello") || error == .connectionClosed(stage: "sending ClientHello"))
        }
    }

    static let http = Array("HTTP/1.1 400 Bad Request\r\n\r\n".utf8)

    struct HostileCase: Sendable, CustomStringConvertible {
        let name: String
        let reply: [UInt8]
        let close: Bool
        let expected: TLSError
        var description: String { name }
    }

    static let hostileCases: [HostileCase] = {
        let hello = TLS12Script.serverHello
        return [
            HostileCase(name: "HTTP answer", reply: http, close: false, expected: .notTLS(firstBytes: Array(http.prefix(5)))),  // the reader asks for a 5-byte header first
            HostileCase(name: "fatal alert handshake_failure", reply: TLS12Script.record(21, [2, 40]), close: false,
                        expected: .alert(TLSAlert(level: 2, code: 40), stage: "ServerHello")),
            HostileCase(name: "record longer than 2^14 + 256", reply: [22, 3, 3, 0xff, 0xff], close: false,
                        expected: .recordOverflow(length: 0xffff, limit: (1 << 14) + 256)),
            HostileCase(name: "plaintext record longer than 2^14", reply: TLS12Script.record(22, [UInt8](repeating: 2, count: (1 << 14) + 1)),
                        close: false, expected: .recordOverflow(length: (1 << 14) + 1, limit: 1 << 14)),
            HostileCase(name: "handshake message claiming 16 MiB", reply: TLS12Script.record(22, [2, 0xff, 0xff, 0xff]), close: false,
                        expected: .handshakeTooLarge(limit: 256 * 1024)),
            HostileCase(name: "connection closed inside a record", reply: [22, 3, 3, 0, 40, 2, 0], close: true,
                        expected: .malformedRecord(reason: "connection closed inside a record (7 of 45 bytes)")),
            HostileCase(name: "empty certificate list", reply: TLS12Script.record(22, hello + TLS12Script.certificate([])), close: false,
                        expected: .emptyChain),
            HostileCase(name: "ServerHelloDone instead of Certificate (anonymous)",
                        reply: TLS12Script.record(22, hello + TLS12Script.handshake(14, [])), close: false,
                        expected: .unexpectedMessage(expected: "Certificate", received: "ServerHelloDone")),
            HostileCase(name: "certificate length overrunning the list",
                        reply: TLS12Script.record(22, hello + TLS12Script.handshake(11, [0, 0, 4, 0, 0, 9, 1])), close: false,
                        expected: .malformedHandshake(message: "Certificate", reason: "certificate 1 of 9 bytes overruns its container (1 left) at byte 6")),
            HostileCase(name: "unknown record type after the first record",
                        reply: TLS12Script.record(22, hello) + [99, 3, 3, 0, 1, 0], close: false,
                        expected: .malformedRecord(reason: "unknown record content type 99")),
            HostileCase(name: "a cipher suite that was not offered",
                        reply: TLS12Script.record(22, TLS12Script.handshake(2, [3, 3] + [UInt8](repeating: 1, count: 32) + [0, 0x00, 0x18, 0])),
                        close: false, expected: .illegalParameter("server chose cipher suite 0x0018, which was not offered")),
        ]
    }()

    @Test("hostile or broken servers give one precise error", arguments: hostileCases)
    func hostile(_ hostileCase: HostileCase) throws {
        let server = try ScriptedServer(hostileCase.close ? .replyAndClose(hostileCase.reply) : .reply(hostileCase.reply))
        defer { server.stop() }
        Self.expectError(hostileCase.expected) { () throws(TLSError) in try Self.fetch(port: server.port) }
    }

    @Test("warning alerts before the chain (unrecognized_name) are ignored, up to a limit")
    func warningAlerts() throws {
        let chain: [[UInt8]] = [[0x30, 0x03, 0x02, 0x01, 0x07]]
        let warning = TLS12Script.record(21, [1, 112])
        let flight = TLS12Script.record(22, TLS12Script.serverHello + TLS12Script.certificate(chain))
        let server = try ScriptedServer(.reply(warning + flight))
        defer { server.stop() }
        #expect(try Self.fetch(port: server.port).certificates == chain)

        let flood = try ScriptedServer(.reply([UInt8]((0..<5).flatMap { _ in warning }) + flight))
        defer { flood.stop() }
        Self.expectError(.alert(TLSAlert(level: 1, code: 112), stage: "ServerHello")) { () throws(TLSError) in
            try Self.fetch(port: flood.port)
        }
    }

    @Test("record bytes are capped in total, not only handshake bytes: a 200 KB chain in 1-byte records is refused")
    func recordBytesCap() throws {
        // 200 KB of handshake is under the 256 KiB handshake cap, but six wire bytes per handshake
        // byte pass the 1 MiB record cap; the same chain in full records fetches.
        let chain: [[UInt8]] = [[UInt8](repeating: 0x5a, count: 200_000)]
        let flight = TLS12Script.serverHello + TLS12Script.certificate(chain)
        let tiny = try ScriptedServer(.reply(TLS12Script.fragmented(flight, size: 1)))
        defer { tiny.stop() }
        Self.expectError(.tooMuchData(limit: 1 << 20)) { () throws(TLSError) in try Self.fetch(port: tiny.port) }

        let whole = try ScriptedServer(.reply(TLS12Script.fragmented(flight, size: 16384)))
        defer { whole.stop() }
        #expect(try Self.fetch(port: whole.port).certificates == chain)
    }

    @Test("handshake messages reassembled from 1-byte records and several per record", arguments: [1, 7, 300, 16384])
    func fragmentation(_ size: Int) throws {
        let chain: [[UInt8]] = [[0x30, 0x03, 0x02, 0x01, 0x01], [UInt8](repeating: 0x5a, count: 3000)]
        let flight = TLS12Script.fragmented(TLS12Script.serverHello + TLS12Script.certificate(chain), size: size)
        let server = try ScriptedServer(.reply(flight))
        defer { server.stop() }
        let result = try Self.fetch(port: server.port)
        #expect(result.certificates == chain)
        #expect(result.version == 0x0303)
        #expect(result.cipherSuite == 0xc02f)
    }
}
