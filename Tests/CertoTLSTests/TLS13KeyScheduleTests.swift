// The TLS 1.3 key schedule and record protection against RFC 8448 §3 ("Simple 1-RTT Handshake"):
// the X25519 exchange from the trace's private keys, every secret from the early secret to the
// handshake traffic secrets, the traffic keys and IVs, and the client's encrypted Finished record,
// sealed byte for byte and opened again. Values typed from the RFC's published trace.
import CertoTestSupport
import Testing
@testable import CertoTLS

@Suite("TLS 1.3 key schedule (RFC 8448 §3)")
struct TLS13KeyScheduleTests {
    static let clientPrivate = "49af42ba7f7994852d713ef2784bcbcaa7911de26adc5642cb634540e7ea5005"
    static let clientPublic = "99381de560e4bd43d23d8e435a7dbafeb3c06e51c13cae4d5413691e529aaf2c"
    static let serverPrivate = "b1580eeadf6dd589b8ef4f2d5652578cc810e9980191ec8d058308cea216a21e"
    static let serverPublic = "c9828876112095fe66762bdbf7c672e156d6cc253b833df1dd69b1b04e751f0f"
    static let sharedSecret = "8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d"
    /// Transcript-Hash(ClientHello, ServerHello) as printed in the trace.
    static let helloHash = "860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8"

    @Test("X25519 key shares and shared secret")
    func keyExchange() throws {
        #expect(TestHex.encode(X25519.publicKey(privateKey: TestHex.bytes(Self.clientPrivate))) == Self.clientPublic)
        #expect(TestHex.encode(X25519.publicKey(privateKey: TestHex.bytes(Self.serverPrivate))) == Self.serverPublic)
        let shared = try #require(X25519.sharedSecret(
            privateKey: TestHex.bytes(Self.clientPrivate), peerPublicKey: TestHex.bytes(Self.serverPublic)))
        #expect(TestHex.encode(shared) == Self.sharedSecret)
    }

    @Test("early, derived, handshake and handshake traffic secrets")
    func secrets() {
        let secrets = TLS13HandshakeSecrets(
            hash: .sha256, sharedSecret: TestHex.bytes(Self.sharedSecret), transcriptHash: TestHex.bytes(Self.helloHash))
        #expect(TestHex.encode(secrets.earlySecret) == "33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a")
        #expect(TestHex.encode(secrets.derivedSecret) == "6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba")
        #expect(TestHex.encode(secrets.handshakeSecret) == "1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac")
        #expect(TestHex.encode(secrets.clientHandshakeTrafficSecret) == "b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21")
        #expect(TestHex.encode(secrets.serverHandshakeTrafficSecret) == "b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38")
    }

    @Test("handshake write keys and IVs")
    func trafficKeys() {
        let server = TLS13HandshakeSecrets.trafficKey(
            hash: .sha256, secret: TestHex.bytes("b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38"), keyLength: 16)
        #expect(TestHex.encode(server.key) == "3fce516009c21727d0f2e4e86ee403bc")
        #expect(TestHex.encode(server.iv) == "5d313eb2671276ee13000b30")
        let client = TLS13HandshakeSecrets.trafficKey(
            hash: .sha256, secret: TestHex.bytes("b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21"), keyLength: 16)
        #expect(TestHex.encode(client.key) == "dbfaa693d1762c5b666af5d950258d01")
        #expect(TestHex.encode(client.iv) == "5bd3c71b836e0b76bb73265f")
    }

    static let clientFinished = "14000020a8ec436d677634ae525ac1fcebe11a039ec17694fac6e98527b642f2edd5ce61"
    static let clientFinishedRecord =
        "170303003575ec4dc238cce60b298044a71e219c56cc77b0517fe9b93c7a4bfc44d87f38f80338ac98fc46deb384bd1caeacab6867d726c40546"

    @Test("client Finished record: sealed byte for byte, opened back, tampering refused")
    func finishedRecord() throws {
        let key = TestHex.bytes("dbfaa693d1762c5b666af5d950258d01")
        let iv = TestHex.bytes("5bd3c71b836e0b76bb73265f")
        var sealer = try #require(TLS13RecordProtection(key: key, iv: iv))
        #expect(TestHex.encode(sealer.seal(contentType: 22, content: TestHex.bytes(Self.clientFinished))) == Self.clientFinishedRecord)
        #expect(sealer.sequenceNumber == 1)

        let record = TestHex.bytes(Self.clientFinishedRecord)
        var opener = try #require(TLS13RecordProtection(key: key, iv: iv))
        let result = opener.open(header: Array(record[..<5]), body: Array(record[5...]))
        let opened = try #require(result)
        #expect(opened.contentType == 22)
        #expect(TestHex.encode(opened.content) == Self.clientFinished)

        var tampered = record
        tampered[20] ^= 1
        var rejecter = try #require(TLS13RecordProtection(key: key, iv: iv))
        let rejected = rejecter.open(header: Array(tampered[..<5]), body: Array(tampered[5...]))
        #expect(rejected == nil)
        var wrongSequence = try #require(TLS13RecordProtection(key: key, iv: iv))
        _ = wrongSequence.seal(contentType: 21, content: [1, 0])
        let outOfSequence = wrongSequence.open(header: Array(record[..<5]), body: Array(record[5...]))
        #expect(outOfSequence == nil)
    }
}
