// End to end with a real MQTT broker: Mosquitto on 127.0.0.1 with the AWS IoT-shaped chain, checked by
// `certo check`, then talked to by a NIO client through CertoNIOSSL (CONNECT, CONNACK, PUBLISH) and by
// the example program; and the three broken brokers, refused with Certo's reason. The broker's own log
// (log_type all) is the witness that a refused client never sent CONNECT: Mosquitto logs "New
// connection from" for the TCP connection and "New client connected ... as ID" only once CONNECT
// arrives, so a refused client's ID must never appear.
import CertoNIOSSL
import MQTTPackets
import Testing

@Suite("Mosquitto over TLS on 127.0.0.1")
struct MosquittoTests {
    @Test("certo check verifies the broker, and refuses the wrong host's")
    func certoCheck() async throws {
        let pki = try TestPKI.get()
        let certo = try Programs.certo()
        let broker = try await MosquittoBroker.start(serving: pki.good, pki: pki)
        defer { broker.stop() }
        // certo check validates at the current time (it has no --at): the good chain runs to 2045.
        let good = try await Programs.run(certo, ["check", "127.0.0.1:\(broker.port)", "--ca", pki.rootPath, "--sni", TestPKI.brokerHost])
        #expect(good.status == 0, "certo check: \(good.stdout)\(good.stderr)")
        let wrong = try await MosquittoBroker.start(serving: pki.wrongHost, pki: pki)
        defer { wrong.stop() }
        let refused = try await Programs.run(certo, ["check", "127.0.0.1:\(wrong.port)", "--ca", pki.rootPath, "--sni", TestPKI.brokerHost])
        #expect(refused.status == 2, "certo check: \(refused.stdout)\(refused.stderr)")
    }

    @Test("a NIO client through CertoNIOSSL: verified handshake, CONNECT, CONNACK 0, PUBLISH, DISCONNECT")
    func session() async throws {
        let pki = try TestPKI.get()
        let broker = try await MosquittoBroker.start(serving: pki.good, pki: pki)
        defer { broker.stop() }
        let connection = try await TestClient.connect(port: broker.port, client: try deviceClient(pki))
        let chain = try await connection.verdict.get()
        #expect(chain.links.count == 3)
        #expect(chain.leaf.subject.commonName == "*.iot.us-east-1.certo.test")
        #expect(chain.anchor.subject.commonName == "Certo Test Root CA 1")
        let validated = try await connection.channel.channel.nioSSL_peerValidatedCertificateChain().get()
        #expect(try validated?.map { try $0.toDERBytes() } == chain.certificates.map(\.derBytes))

        let clientID = "certo-session-\(broker.port)"
        let connack = try await TestClient.mqttSession(connection, clientID: clientID, topic: "certo/test",
                                                       payload: Array("hello over Certo".utf8))
        #expect(connack?.returnCode == 0)
        #expect(connack?.sessionPresent == false)
        #expect(await eventually(within: 10) { !broker.logLines(containing: "Received DISCONNECT from \(clientID)").isEmpty },
                "broker log:\n\(broker.log)")
        #expect(!broker.logLines(containing: "New client connected from 127.0.0.1").filter { $0.contains(" as \(clientID) ") }.isEmpty)
        #expect(!broker.logLines(containing: "Received PUBLISH from \(clientID)").filter { $0.contains("'certo/test'") }.isEmpty)
        #expect(connection.log.all == ["event verified 3"])
    }

    @Test("a broken broker is refused with Certo's reason, and the CONNECT written early never leaves",
          arguments: BrokenServer.allCases)
    func refusal(_ variant: BrokenServer) async throws {
        let pki = try TestPKI.get()
        let broker = try await MosquittoBroker.start(serving: variant.identity(in: pki), pki: pki)
        defer { broker.stop() }
        let clientID = "certo-refused-\(variant)-\(broker.port)"
        let attempt = try await TestClient.refusedAttempt(port: broker.port, client: try deviceClient(pki),
                                                          eagerBytes: MQTTPacket.connect(clientID: clientID))
        #expect(attempt.refusalReason == variant.expectedReason, "verdict: \(attempt.verdict)")
        #expect(throws: CertoTLSError.self) { try attempt.eagerWrite.get() }
        #expect(attempt.pipelineLog == ["event refused \(variant.expectedReason)", "error refused \(variant.expectedReason)"])
        // The broker saw the TCP connection end in a failed handshake, and never a CONNECT.
        #expect(await eventually(within: 10) {
            !broker.logLines(containing: "New connection from 127.0.0.1").isEmpty
                && !broker.logLines(containing: "disconnected").isEmpty
        }, "broker log:\n\(broker.log)")
        #expect(broker.logLines(containing: clientID).isEmpty, "broker log:\n\(broker.log)")
        #expect(broker.logLines(containing: "New client connected").isEmpty, "broker log:\n\(broker.log)")
    }

    @Test("certo-mqtt-example connects, verifies, prints the chain and publishes")
    func example() async throws {
        let pki = try TestPKI.get()
        let example = try Programs.example()
        let broker = try await MosquittoBroker.start(serving: pki.good, pki: pki)
        defer { broker.stop() }
        let clientID = "certo-example-\(broker.port)"
        let run = try await Programs.run(example, ["127.0.0.1:\(broker.port)", "--ca", pki.rootPath, "--sni", TestPKI.brokerHost,
                                             "--at", "2026-06-01T00:00:00Z", "--client-id", clientID,
                                             "--topic", "devices/0001/telemetry", "--message", "{\"temperature\": 21.5}"])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.contains("verified chain (3 certificates, web profile):"))
        #expect(run.stdout.contains("2 C=US, O=Certo Test, CN=Certo Test Root CA 1  [trust anchor]"), "\(run.stdout)")
        #expect(run.stdout.contains("CONNACK: accepted"))
        #expect(await eventually(within: 10) {
            !broker.logLines(containing: "Received PUBLISH from \(clientID)").filter { $0.contains("'devices/0001/telemetry'") }.isEmpty
        }, "broker log:\n\(broker.log)")
    }

    @Test("certo-mqtt-example refuses the wrong host with exit 2 and Certo's reason, before CONNECT")
    func exampleRefusal() async throws {
        let pki = try TestPKI.get()
        let example = try Programs.example()
        let broker = try await MosquittoBroker.start(serving: pki.wrongHost, pki: pki)
        defer { broker.stop() }
        let clientID = "certo-example-refused-\(broker.port)"
        let run = try await Programs.run(example, ["127.0.0.1:\(broker.port)", "--ca", pki.rootPath, "--sni", TestPKI.brokerHost,
                                             "--at", "2026-06-01T00:00:00Z", "--client-id", clientID])
        #expect(run.status == 2, "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("reason: hostnameMismatch"), "\(run.stderr)")
        #expect(broker.logLines(containing: clientID).isEmpty, "broker log:\n\(broker.log)")
    }
}
