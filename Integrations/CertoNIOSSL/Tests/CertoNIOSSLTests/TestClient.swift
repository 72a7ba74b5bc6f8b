// The device side of the tests: a NIO client through CertoNIOSSL to 127.0.0.1:PORT. `session` does
// what a device does after Certo's verdict (CONNECT, CONNACK, PUBLISH, DISCONNECT); `refusedAttempt`
// plays an impatient application that writes its CONNECT from the channel initializer, before the
// connection is even up, and reports what became of that write, the verdict, and what the pipeline
// was told.
import CertoNIOSSL
import MQTTPackets
import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

/// What a handler after CertoNIOSSL's saw: the CertoVerificationEvents and the errors caught.
final class PipelineLog: Sendable {
    private let entries = Mutex<[String]>([])

    func add(_ entry: String) { entries.withLock { $0.append(entry) } }
    var all: [String] { entries.withLock { $0 } }
}

final class PipelineRecorder: ChannelInboundHandler {
    typealias InboundIn = NIOAny
    let log: PipelineLog

    init(_ log: PipelineLog) { self.log = log }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event as? CertoVerificationEvent {
        case .verified(let chain): log.add("event verified \(chain.links.count)")
        case .refused(let error): log.add("event refused \(error.verificationError?.reason.name ?? "\(error)")")
        case nil: break
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? CertoTLSError, let refusal = error.verificationError {
            log.add("error refused \(refusal.reason.name)")
        } else {
            log.add("error \(error)")
        }
        context.fireErrorCaught(error)
    }
}

struct Connection: Sendable {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>
    let verdict: EventLoopFuture<VerifiedChain>
    let log: PipelineLog
    /// The write made in the channel initializer, before TCP (let alone TLS) was up; nil if none.
    let eagerWrite: EventLoopFuture<Void>?
}

/// How a refused connection went.
struct RefusedAttempt: Sendable {
    let verdict: Result<VerifiedChain, any Error>
    /// The CONNECT written before the verdict: must have failed, never been sent.
    let eagerWrite: Result<Void, any Error>
    let pipelineLog: [String]

    /// The reason name of Certo's refusal, if the verdict was one.
    var refusalReason: String? {
        guard case .failure(let error) = verdict, let tlsError = error as? CertoTLSError else { return nil }
        return tlsError.verificationError?.reason.name
    }
}

enum TestClient {
    /// Connects through CertoNIOSSL; `eagerBytes`, if given, are written from the channel
    /// initializer, as an application that does not wait for anything would.
    static func connect(port: UInt16, client: CertoTLSClient, eagerBytes: [UInt8]? = nil) async throws -> Connection {
        let log = PipelineLog()
        let (channel, verdict, eagerWrite) = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connectTimeout(.seconds(10))
            .connect(host: "127.0.0.1", port: Int(port)) { channel in
                channel.eventLoop.makeCompletedFuture {
                    let verdict = try channel.pipeline.syncOperations.addCertoTLSClientHandlers(client)
                    try channel.pipeline.syncOperations.addHandler(PipelineRecorder(log))
                    let wrapped = try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                    let eagerWrite = eagerBytes.map { bytes in
                        let promise = channel.eventLoop.makePromise(of: Void.self)
                        channel.writeAndFlush(ByteBuffer(bytes: bytes), promise: promise)
                        return promise.futureResult
                    }
                    return (wrapped, verdict, eagerWrite)
                }
            }
        return Connection(channel: channel, verdict: verdict, log: log, eagerWrite: eagerWrite)
    }

    /// A device's session after the verdict: CONNECT, CONNACK, PUBLISH (QoS 0), DISCONNECT.
    static func mqttSession(_ connection: Connection, clientID: String, topic: String, payload: [UInt8]) async throws -> ConnAck? {
        _ = try await connection.verdict.get()
        return try await connection.channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: MQTTPacket.connect(clientID: clientID, keepAliveSeconds: 30)))
            var reader = MQTTPacketReader()
            var connack: ConnAck?
            reading: for try await buffer in inbound {
                reader.append(buffer.readableBytesView)
                if let packet = try reader.next() {
                    connack = ConnAck(packet)
                    break reading
                }
            }
            guard let connack, connack.isAccepted else { return connack }
            try await outbound.write(ByteBuffer(bytes: MQTTPacket.publish(topic: topic, payload: payload)))
            try await outbound.write(ByteBuffer(bytes: MQTTPacket.disconnect))
            return connack
        }
    }

    /// Connects with `eagerBytes` written before the handshake, then waits for the verdict, for that
    /// write's fate and for the channel to close.
    static func refusedAttempt(port: UInt16, client: CertoTLSClient, eagerBytes: [UInt8]) async throws -> RefusedAttempt {
        let connection = try await connect(port: port, client: client, eagerBytes: eagerBytes)
        let verdict = await Result { () async throws -> VerifiedChain in try await connection.verdict.get() }
        let eagerWrite = await Result { () async throws -> Void in try await connection.eagerWrite?.get() }
        if case .success = verdict { connection.channel.channel.close(promise: nil) }
        try? await connection.channel.channel.closeFuture.get()
        return RefusedAttempt(verdict: verdict, eagerWrite: eagerWrite, pipelineLog: connection.log.all)
    }
}

extension Result where Failure == any Error {
    init(_ body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
