// The same client against `openssl s_server` on 127.0.0.1, once with TLS 1.2 only and once with TLS
// 1.3 only: the good chain is verified and application data reaches the server; each broken chain is
// refused with Certo's reason, and s_server, which prints all application data it receives, shows
// none of the bytes the client wrote before the verdict.
import CertoNIOSSL
import NIOCore
import NIOSSL
import Testing

enum TLSVersionCase: String, CaseIterable, Sendable, CustomStringConvertible {
    case tls12 = "-tls1_2"
    case tls13 = "-tls1_3"

    var description: String { self == .tls12 ? "TLS 1.2" : "TLS 1.3" }
    var negotiated: TLSVersion { self == .tls12 ? .tlsv12 : .tlsv13 }
}

@Suite("openssl s_server on 127.0.0.1")
struct OpenSSLServerTests {
    @Test("verified handshake, then application data", arguments: TLSVersionCase.allCases)
    func verified(_ version: TLSVersionCase) async throws {
        let pki = try TestPKI.get()
        let server = try await OpenSSLServer.start(serving: pki.good, tlsVersionFlag: version.rawValue)
        defer { server.stop() }
        let connection = try await TestClient.connect(port: server.port, client: try deviceClient(pki))
        let chain = try await connection.verdict.get()
        #expect(chain.links.map { $0.certificate.subject.commonName } ==
                ["*.iot.us-east-1.certo.test", "Certo Test RSA 2048 M01", "Certo Test Root CA 1"])
        #expect(try await connection.channel.channel.nioSSL_tlsVersion().get() == version.negotiated)
        let probe = "hello-certo-\(version.rawValue)-\(server.port)"
        try await connection.channel.executeThenClose { _, outbound in
            try await outbound.write(ByteBuffer(string: probe + "\n"))
            #expect(await eventually(within: 10) { server.output.contains(probe) }, "s_server:\n\(server.output)")
        }
    }

    @Test("a broken chain is refused with Certo's reason and no application data is sent",
          arguments: TLSVersionCase.allCases, BrokenServer.allCases)
    func refused(_ version: TLSVersionCase, _ variant: BrokenServer) async throws {
        let pki = try TestPKI.get()
        let server = try await OpenSSLServer.start(serving: variant.identity(in: pki), tlsVersionFlag: version.rawValue)
        defer { server.stop() }
        let probe = "CONNECT-probe-\(variant)-\(server.port)"
        let attempt = try await TestClient.refusedAttempt(port: server.port, client: try deviceClient(pki),
                                                          eagerBytes: Array((probe + "\n").utf8))
        #expect(attempt.refusalReason == variant.expectedReason, "verdict: \(attempt.verdict)")
        #expect(throws: CertoTLSError.self) { try attempt.eagerWrite.get() }
        // s_server ends (-naccept 1) once the client's alert has closed the connection.
        #expect(await server.waitForConnectionEnd(seconds: 10), "s_server:\n\(server.output)")
        #expect(server.output.contains("ERROR"), "s_server:\n\(server.output)")
        #expect(!server.output.contains(probe), "s_server:\n\(server.output)")
    }
}
