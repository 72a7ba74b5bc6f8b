// The server side: a NIO server on 127.0.0.1 with CertoTLSServer asks for a client certificate and
// lets Certo judge it for purpose client. `openssl s_client -cert/-key` plays the device: one whose
// certificate chains to the server's trusted root is accepted, one under another root is refused with
// Certo's reason, and one that sends no certificate fails the handshake before Certo is asked.
import CertoNIOSSL
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization
import Testing

enum DeviceCase: String, CaseIterable, Sendable, CustomStringConvertible {
    case trusted, rogue, noCertificate
    var description: String { rawValue }
}

/// The verdict of the first connection a server accepts (later ones are ignored).
final class FirstVerdict: Sendable {
    private let promise: Mutex<EventLoopPromise<VerifiedChain>?>
    let future: EventLoopFuture<VerifiedChain>

    init(on eventLoop: any EventLoop) {
        let promise = eventLoop.makePromise(of: VerifiedChain.self)
        future = promise.futureResult
        self.promise = Mutex(promise)
    }

    func complete(_ result: Result<VerifiedChain, any Error>) {
        let taken = promise.withLock { promise -> EventLoopPromise<VerifiedChain>? in
            defer { promise = nil }
            return promise
        }
        taken?.completeWith(result)
    }
}

@Suite("client certificates verified by Certo on a NIO server")
struct ClientCertificateTests {
    @Test("openssl s_client as the device", arguments: DeviceCase.allCases, TLSVersionCase.allCases)
    func device(_ device: DeviceCase, _ version: TLSVersionCase) async throws {
        let pki = try TestPKI.get()
        let server = try CertoTLSServer(
            certificateChain: try NIOSSLCertificate.fromPEMFile(pki.good.chainPath).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: pki.good.keyPath, format: .pem)),
            clientTrustStore: pki.trustStore(), policy: Policy(validationTime: TestPKI.validationTime))
        let group = MultiThreadedEventLoopGroup.singleton
        let first = FirstVerdict(on: group.next())
        let listener = try await ServerBootstrap(group: group)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let verdict = try channel.pipeline.syncOperations.addCertoTLSServerHandlers(server)
                    verdict.whenComplete { first.complete($0) }
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(listener.localAddress?.port)
        let timeout = group.next().scheduleTask(in: .seconds(20)) { first.complete(.failure(CertoTLSError.closedBeforeHandshake)) }

        var arguments = ["s_client", "-connect", "127.0.0.1:\(port)", version.rawValue, "-servername", TestPKI.brokerHost,
                         "-CAfile", pki.rootPath, "-brief"]
        switch device {
        case .trusted: arguments += ["-cert", pki.device.leafPath, "-key", pki.device.keyPath, "-cert_chain", pki.device.issuersPath]
        case .rogue: arguments += ["-cert", pki.rogueDevice.leafPath, "-key", pki.rogueDevice.keyPath,
                                   "-cert_chain", pki.rogueDevice.issuersPath]
        case .noCertificate: break
        }
        let client = try BackgroundProcess(Programs.openssl, arguments)
        client.send("ping\n")
        let verdict = await Result { () async throws -> VerifiedChain in try await first.future.get() }
        timeout.cancel()
        client.stop()
        try await listener.close()

        switch device {
        case .trusted:
            let chain = try verdict.get()
            #expect(chain.links.map { $0.certificate.subject.commonName } ==
                    ["certo-device-0001", "Certo Test RSA 2048 M01", "Certo Test Root CA 1"])
        case .rogue:
            #expect(throws: CertoTLSError.self) { try verdict.get() }
            if case .failure(let error as CertoTLSError) = verdict {
                #expect(error.verificationError?.reason.name == "untrustedRoot", "\(error)")
            }
        case .noCertificate:
            // BoringSSL ends the handshake (no certificate, SSL_VERIFY_FAIL_IF_NO_PEER_CERT) before
            // there is anything to ask Certo.
            guard case .failure(let error as CertoTLSError) = verdict, case .handshakeFailed = error else {
                Issue.record("expected a failed handshake, got \(verdict)")
                return
            }
        }
    }
}
