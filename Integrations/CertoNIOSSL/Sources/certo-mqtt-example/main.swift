// A device's job, end to end: connect to an MQTT broker over TLS through CertoNIOSSL, let Certo verify
// the broker's chain for the host name, print the verified chain, then MQTT 3.1.1 CONNECT, wait for
// CONNACK, PUBLISH one QoS 0 message and DISCONNECT. Nothing is written before Certo's verdict.
import CertoNIOSSL
import MQTTPackets
import NIOCore
import NIOPosix
import NIOSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One line on standard error (through the descriptor: C's `stderr` is a mutable global).
func printError(_ text: String) {
    let bytes = Array((text + "\n").utf8)
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
        if written <= 0 { return }
        offset += written
    }
}

func fail(_ code: Int32, _ message: String) -> Never {
    printError("certo-mqtt-example: \(message)")
    exit(code)
}

let arguments: Arguments
do {
    arguments = try Arguments(Array(CommandLine.arguments.dropFirst()))
} catch {
    if !error.description.isEmpty { printError("certo-mqtt-example: \(error.description)") }
    printError(Arguments.usage)
    exit(error.description.isEmpty ? 0 : 1)
}

// What the broker must prove, and to whom.
let trustStore: TrustStore
do {
    trustStore = arguments.caFiles.isEmpty ? try TrustStore.system() : try TrustStore.load(files: arguments.caFiles)
} catch {
    fail(1, "trust store: \(error)")
}
var policy = Policy(profile: arguments.profile)
policy.validationTime = arguments.validationTime

var tls = TLSConfiguration.makeClientConfiguration()
tls.applicationProtocols = arguments.alpn
if let certificateFile = arguments.certificateFile, let keyFile = arguments.keyFile {
    do {
        tls.certificateChain = try NIOSSLCertificate.fromPEMFile(certificateFile).map { .certificate($0) }
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(file: keyFile, format: .pem))
    } catch {
        fail(1, "device identity \(certificateFile), \(keyFile): \(error)")
    }
}

let client: CertoTLSClient
do {
    client = try CertoTLSClient(host: arguments.serverName ?? arguments.host, trustStore: trustStore, policy: policy, configuration: tls)
} catch {
    fail(1, "\(error)")
}

let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)

let timeout = TimeAmount.seconds(arguments.timeoutSeconds)
let connection: (channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>, verdict: EventLoopFuture<VerifiedChain>)
do {
    connection = try await ClientBootstrap(group: group)
        .connectTimeout(timeout)
        .connect(host: arguments.host, port: arguments.port) { channel in
            channel.eventLoop.makeCompletedFuture {
                let verdict = try channel.pipeline.syncOperations.addCertoTLSClientHandlers(client)
                let wrapped = try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                return (wrapped, verdict)
            }
        }
} catch {
    fail(3, "cannot connect to \(arguments.host):\(arguments.port): \(error)")
}
// One deadline for the whole exchange: a broker that stops answering is cut off.
let deadline = connection.channel.channel.eventLoop.scheduleTask(in: timeout * 3) {
    connection.channel.channel.close(promise: nil)
}

let chain: VerifiedChain
do {
    chain = try await connection.verdict.get()
} catch let error as CertoTLSError {
    if let refusal = error.verificationError {
        fail(2, "refused \(client.host): \(refusal)\n  reason: \(refusal.reason.name)")
    }
    fail(3, "\(error)")
} catch {
    fail(3, "\(error)")
}

let version = (try? await connection.channel.channel.nioSSL_tlsVersion().get()).flatMap { $0 }
print("connected to \(arguments.host):\(arguments.port) (\(version.map(describe) ?? "TLS")), \(client.host) verified by Certo at \(chain.validationTime)")
print(describe(chain))

do {
    try await connection.channel.executeThenClose { inbound, outbound in
        try await outbound.write(ByteBuffer(bytes: MQTTPacket.connect(clientID: arguments.clientID)))
        var reader = MQTTPacketReader()
        var connack: ConnAck?
        reading: for try await buffer in inbound {
            reader.append(buffer.readableBytesView)
            while let packet = try reader.next() {
                guard let answer = ConnAck(packet) else { fail(4, "expected CONNACK, got packet type \(packet.type)") }
                connack = answer
                break reading
            }
        }
        guard let connack else { fail(4, "the broker closed the connection before CONNACK") }
        guard connack.isAccepted else { fail(4, "the broker refused CONNECT: return code \(connack.returnCode)") }
        print("CONNACK: accepted (session present: \(connack.sessionPresent))")
        let payload = Array(arguments.message.utf8)
        try await outbound.write(ByteBuffer(bytes: MQTTPacket.publish(topic: arguments.topic, payload: payload)))
        print("PUBLISH: \(payload.count) bytes to \(arguments.topic) at QoS 0")
        try await outbound.write(ByteBuffer(bytes: MQTTPacket.disconnect))
        print("DISCONNECT")
    }
} catch {
    fail(3, "connection to \(arguments.host):\(arguments.port) failed: \(error)")
}
deadline.cancel()
try? await group.shutdownGracefully()
