// What makes CertoNIOSSL hard to leave open: whatever TLSConfiguration the caller starts from, the
// configuration it builds requires a peer certificate, trusts nothing of BoringSSL's, has no pre-shared
// keys and no renegotiation; one host string gives the SNI (none for IP addresses) and Certo's host;
// and the locked configuration used without Certo's callback refuses even a good server.
@testable import CertoNIOSSL
import NIOCore
import NIOPosix
import NIOSSL
import NIOTLS
import Testing

@Suite("CertoNIOSSL configuration")
struct ConfigurationTests {
    @Test("a wide-open base configuration comes out locked")
    func locksOpenConfiguration() throws {
        var open = TLSConfiguration.makeClientConfiguration()
        open.certificateVerification = .none
        open.trustRoots = .default
        open.additionalTrustRoots = [.certificates([])]
        open.renegotiationSupport = .always
        open.minimumTLSVersion = .tlsv1
        open.pskClientProvider = { _ in PSKClientIdentityResponse(key: NIOSSLSecureBytes([1, 2, 3]), identity: "device") }
        open.applicationProtocols = ["x-amzn-mqtt-ca"]
        let client = try CertoTLSClient(host: "device.iot.us-east-1.certo.test", trustStore: TrustStore([]), configuration: open)
        let locked = client.configuration
        #expect(locked.certificateVerification == .noHostnameVerification)
        #expect(locked.trustRoots == .certificates([]))
        #expect(locked.additionalTrustRoots.isEmpty)
        #expect(locked.pskClientProvider == nil)
        #expect(locked.minimumTLSVersion == .tlsv12)
        #expect(locked.applicationProtocols == ["x-amzn-mqtt-ca"])  // the caller's own settings stay
        #expect(LockedConfiguration.isLocked(locked))
        #expect(client.verifier.policy.purpose == .server)
        #expect(client.verifier.policy.host == "device.iot.us-east-1.certo.test")
    }

    @Test("the server side: client certificates required, purpose client, no host")
    func serverLocked() throws {
        let pki = try TestPKI.get()
        var policy = Policy(purpose: .any, host: "ignored.certo.test")
        policy.validationTime = TestPKI.validationTime
        let server = try CertoTLSServer(
            certificateChain: try NIOSSLCertificate.fromPEMFile(pki.good.chainPath).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: pki.good.keyPath, format: .pem)),
            clientTrustStore: pki.trustStore(), policy: policy)
        #expect(server.configuration.certificateVerification == .noHostnameVerification)
        #expect(LockedConfiguration.isLocked(server.configuration))
        #expect(server.verifier.policy.purpose == .client)
        #expect(server.verifier.policy.host == nil)
    }

    @Test("one host string: SNI for names, none for IP addresses", arguments: [
        ("a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test", "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test", "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test" as String?),
        ("127.0.0.1", "127.0.0.1", nil),
        ("[::1]", "::1", nil),
        ("2001:db8::7", "2001:db8::7", nil),
    ])
    func hostAndSNI(_ given: String, _ host: String, _ sni: String?) throws {
        let client = try CertoTLSClient(host: given, trustStore: TrustStore([]))
        #expect(client.host == host)
        #expect(client.serverName == sni)
        #expect(client.verifier.policy.host == host)
    }

    @Test("an empty host is refused at setup", arguments: ["", "[]", "bad\u{0}host"])
    func invalidHost(_ host: String) {
        #expect(throws: CertoTLSSetupError.self) { try CertoTLSClient(host: host, trustStore: TrustStore([])) }
    }

    /// Records whether a plain NIO TLS handler completed its handshake.
    final class HandshakeWatcher: ChannelInboundHandler {
        typealias InboundIn = NIOAny
        private var completed: EventLoopPromise<Bool>?

        init(_ completed: EventLoopPromise<Bool>) { self.completed = completed }

        private func finish(_ handshakeCompleted: Bool) {
            completed?.succeed(handshakeCompleted)
            completed = nil
        }

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            if case TLSUserEvent.handshakeCompleted = event { finish(true) }
            context.fireUserInboundEventTriggered(event)
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            finish(false)
            context.close(promise: nil)
        }

        func channelInactive(context: ChannelHandlerContext) {
            finish(false)
            context.fireChannelInactive()
        }
    }

    @Test("the locked configuration without Certo's callback trusts no server, not even a good one")
    func lockedConfigurationAloneRefuses() async throws {
        let pki = try TestPKI.get()
        let server = try await OpenSSLServer.start(serving: pki.good, tlsVersionFlag: "-tls1_3")
        defer { server.stop() }
        let client = try deviceClient(pki)
        let context = try NIOSSLContext(configuration: client.configuration)
        let completed = MultiThreadedEventLoopGroup.singleton.next().makePromise(of: Bool.self)
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(NIOSSLClientHandler(context: context, serverHostname: TestPKI.brokerHost))
                    try channel.pipeline.syncOperations.addHandler(HandshakeWatcher(completed))
                }
            }
            .connect(host: "127.0.0.1", port: Int(server.port)).get()
        #expect(try await completed.futureResult.get() == false)
        try? await channel.closeFuture.get()
    }
}
