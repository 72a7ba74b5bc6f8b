// CertoVerdictHandler alone, in an EmbeddedChannel, driven the way NIO's TLS handler and Certo's
// callback drive it: writes are held until the handshake completes with Certo's chain, a refusal fails
// them and reaches the pipeline as CertoTLSError.refused, and a handshake that completes without any
// verdict of Certo's (a resumed session, a pre-shared key) closes the connection.
import Certo
@testable import CertoNIOSSL
import NIOCore
import NIOEmbedded
import NIOTLS
import Testing

@Suite("CertoVerdictHandler")
struct VerdictHandlerTests {
    /// TestVectors/chains/aws-iot-rsa2048 verified at its validation time, for a real VerifiedChain.
    static func awsChain() throws -> VerifiedChain {
        let directory = Programs.packageDirectory + "/../../TestVectors/chains/aws-iot-rsa2048/"
        let store = try TrustStore.load(files: [directory + "root.pem"])
        let policy = Policy(host: "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test", validationTime: Instant(parsing: "2026-06-01T00:00:00Z"))
        let leaf = try TrustStore.certificates(inFile: directory + "leaf.pem")
        let intermediates = try TrustStore.certificates(inFile: directory + "untrusted.pem")
        return try Verifier(trustStore: store, policy: policy).verify(leaf: leaf[0], intermediates: intermediates)
    }

    final class Events: ChannelInboundHandler {
        typealias InboundIn = NIOAny
        var seen: [String] = []

        func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
            switch event {
            case CertoVerificationEvent.verified: seen.append("verified")
            case CertoVerificationEvent.refused(let error): seen.append("refused \(error.verificationError?.reason.name ?? "\(error)")")
            case TLSUserEvent.handshakeCompleted: seen.append("handshakeCompleted")
            default: seen.append("other")
            }
        }

        func errorCaught(context: ChannelHandlerContext, error: any Error) {
            seen.append("error \((error as? CertoTLSError)?.verificationError?.reason.name ?? "\(error)")")
        }

        func channelRead(context: ChannelHandlerContext, data: NIOAny) { seen.append("read") }
    }

    func makeChannel() throws -> (EmbeddedChannel, CertoVerdictHandler, Events) {
        let channel = EmbeddedChannel()
        let handler = CertoVerdictHandler(eventLoop: channel.eventLoop)
        let events = Events()
        try channel.pipeline.syncOperations.addHandler(handler)
        try channel.pipeline.syncOperations.addHandler(events)
        try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 8883)).wait()
        return (channel, handler, events)
    }

    @Test("writes wait for Certo's chain and the completed handshake, then go out in order")
    func heldUntilVerified() throws {
        let (channel, handler, events) = try makeChannel()
        let first = channel.writeAndFlush(ByteBuffer(string: "CONNECT"))
        try channel.writeInbound(ByteBuffer(string: "early"))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        handler.record(.success(try Self.awsChain()))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)  // Certo said yes; the handshake is not over
        channel.pipeline.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: nil))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == ByteBuffer(string: "CONNECT"))
        try first.wait()
        #expect(try handler.verdict.wait().links.count == 3)
        try channel.writeInbound(ByteBuffer(string: "CONNACK"))
        #expect(events.seen == ["verified", "handshakeCompleted", "read"])
        _ = try channel.finish()
    }

    @Test("a refusal fails the held writes and reaches the pipeline as Certo's error")
    func refusal() throws {
        let (channel, handler, events) = try makeChannel()
        let write = channel.writeAndFlush(ByteBuffer(string: "CONNECT"))
        let refusal = VerificationError(depth: 0, subject: .empty, reason: .hostnameMismatch(host: "device.certo.test"))
        handler.record(.failure(.refused(refusal)))
        channel.pipeline.fireErrorCaught(TestError.handshakeAlert)
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        #expect(throws: CertoTLSError.self) { try write.wait() }
        #expect(throws: CertoTLSError.self) { try handler.verdict.wait() }
        #expect(events.seen == ["refused hostnameMismatch", "error hostnameMismatch"])
        let late = channel.writeAndFlush(ByteBuffer(string: "PUBLISH"))
        #expect(throws: CertoTLSError.self) { try late.wait() }
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        _ = try? channel.finish()
    }

    @Test("a handshake that completes without Certo's verdict is closed, its writes failed")
    func completedWithoutVerdict() throws {
        let (channel, handler, events) = try makeChannel()
        let write = channel.writeAndFlush(ByteBuffer(string: "CONNECT"))
        channel.pipeline.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: nil))
        #expect(try channel.readOutbound(as: ByteBuffer.self) == nil)
        #expect(throws: CertoTLSError.self) { try write.wait() }
        #expect(!channel.isActive)
        guard case .failure(CertoTLSError.completedWithoutVerification) = Result(catching: { try handler.verdict.wait() }) else {
            Issue.record("expected completedWithoutVerification")
            return
        }
        #expect(events.seen == ["refused \(CertoTLSError.completedWithoutVerification)"])
    }

    @Test("a failure recorded first is never replaced by a later success")
    func failureSticks() throws {
        let (channel, handler, _) = try makeChannel()
        let refusal = VerificationError(depth: 0, subject: .empty, reason: .untrustedRoot(.empty))
        handler.record(.failure(.refused(refusal)))
        handler.record(.success(try Self.awsChain()))
        channel.pipeline.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: nil))
        #expect(throws: CertoTLSError.self) { try handler.verdict.wait() }
        #expect(!channel.isActive)
    }

    enum TestError: Error { case handshakeAlert }
}
