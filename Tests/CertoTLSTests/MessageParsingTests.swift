// The handshake parsers on hand-built hostile input (truncations, overlong vectors, duplicates,
// trailing bytes), the ClientHello Certo sends, and alert naming.
import Testing
@testable import CertoTLS

@Suite("TLS message parsing")
struct MessageParsingTests {
    static func serverHelloBody(extensions: [UInt8]?, random: [UInt8] = [UInt8](repeating: 7, count: 32)) -> [UInt8] {
        var body: [UInt8] = [3, 3] + random + [32] + [UInt8](repeating: 9, count: 32) + [0x13, 0x01, 0]
        if let extensions { body += [UInt8(extensions.count >> 8), UInt8(extensions.count & 0xff)] + extensions }
        return body
    }

    @Test("ServerHello: supported_versions, key_share, ALPN")
    func serverHello() throws {
        let key = [UInt8](repeating: 5, count: 32)
        let extensions: [UInt8] = [0, 43, 0, 2, 3, 4] + [0, 51, 0, 36, 0, 0x1d, 0, 32] + key + [0, 16, 0, 5, 0, 3, 2, 0x68, 0x32]
        let hello = try ServerHello(body: Self.serverHelloBody(extensions: extensions))
        #expect(hello.negotiatedVersion == 0x0304)
        #expect(hello.keyShareGroup == 0x1d)
        #expect(hello.keyShareKey == key)
        #expect(hello.alpnProtocol == "h2")
        #expect(!hello.isHelloRetryRequest)
        #expect(hello.cipherSuite == 0x1301)
        #expect(!hello.acknowledgesStatusRequest)
        let tls12 = try ServerHello(body: Self.serverHelloBody(extensions: [0, 5, 0, 0]))
        #expect(tls12.acknowledgesStatusRequest)
    }

    @Test("HelloRetryRequest: key_share holds only the group; cookie kept")
    func helloRetryRequest() throws {
        let extensions: [UInt8] = [0, 43, 0, 2, 3, 4, 0, 51, 0, 2, 0, 0x17, 0, 44, 0, 5, 0, 3, 1, 2, 3]
        let hello = try ServerHello(body: Self.serverHelloBody(extensions: extensions, random: ServerHello.helloRetryRequestRandom))
        #expect(hello.isHelloRetryRequest)
        #expect(hello.keyShareGroup == NamedGroup.secp256r1)
        #expect(hello.keyShareKey == nil)
        #expect(hello.cookie == [1, 2, 3])
    }

    struct Malformed: Sendable, CustomStringConvertible {
        let name: String
        let body: [UInt8]
        let expected: TLSError
        var description: String { name }
    }

    static let malformedServerHellos: [Malformed] = [
        Malformed(name: "truncated random", body: [3, 3, 1, 2],
                  expected: .malformedHandshake(message: "ServerHello", reason: "random of 32 bytes overruns its container (2 left) at byte 2")),
        Malformed(name: "session id of 33 bytes", body: [3, 3] + [UInt8](repeating: 0, count: 32) + [33] + [UInt8](repeating: 0, count: 40),
                  expected: .malformedHandshake(message: "ServerHello", reason: "session id of 33 bytes (at most 32) at byte 68")),
        Malformed(name: "extension twice", body: serverHelloBody(extensions: [0, 43, 0, 2, 3, 4, 0, 43, 0, 2, 3, 4]),
                  expected: .malformedHandshake(message: "ServerHello", reason: "extension 43 appears twice at byte 84")),
        Malformed(name: "extensions length past the end", body: serverHelloBody(extensions: nil) + [0, 9, 0],
                  expected: .malformedHandshake(message: "ServerHello", reason: "extensions of 9 bytes overruns its container (1 left) at byte 72")),
        Malformed(name: "bytes after the extensions", body: serverHelloBody(extensions: []) + [0],
                  expected: .malformedHandshake(message: "ServerHello", reason: "1 trailing bytes after extensions at byte 72")),
        Malformed(name: "supported_versions with 3 bytes", body: serverHelloBody(extensions: [0, 43, 0, 3, 3, 4, 0]),
                  expected: .malformedHandshake(message: "ServerHello extension 43", reason: "1 trailing bytes after selected_version at byte 2")),
        Malformed(name: "compression method 1",
                  body: [3, 3] + [UInt8](repeating: 0, count: 32) + [0, 0x13, 0x01, 1],
                  expected: .illegalParameter("ServerHello chose compression method 1")),
    ]

    @Test("malformed ServerHello bodies", arguments: malformedServerHellos)
    func malformedServerHello(_ malformed: Malformed) {
        #expect(throws: malformed.expected) { _ = try ServerHello(body: malformed.body) }
    }

    @Test("TLS 1.3 Certificate: entries with extensions; context must be empty")
    func tls13Certificate() throws {
        let entry1: [UInt8] = [0, 0, 2, 0xaa, 0xbb, 0, 0]
        let entry2: [UInt8] = [0, 0, 1, 0xcc, 0, 4, 0, 18, 0, 0]  // an empty SCT list: skipped
        let list = entry1 + entry2
        let body: [UInt8] = [0, 0, 0, UInt8(list.count)] + list
        #expect(try CertificateMessage.parseTLS13(body: body) == [[0xaa, 0xbb], [0xcc]])
        let stapled: [UInt8] = [0, 0, 1, 0xdd, 0, 9, 0, 5, 0, 5, 1, 0, 0, 1, 0x30]
        let withStatus: [UInt8] = [0, 0, 0, UInt8(stapled.count + entry1.count)] + stapled + entry1
        #expect(try CertificateMessage.parseTLS13Entries(body: withStatus) == [
            TLS13CertificateEntry(certificate: [0xdd], ocspResponse: [0x30]),
            TLS13CertificateEntry(certificate: [0xaa, 0xbb], ocspResponse: nil),
        ])
        #expect(throws: TLSError.self) { _ = try CertificateMessage.parseTLS13(body: [1, 0] + body.dropFirst()) }
        #expect(throws: TLSError.self) { _ = try CertificateMessage.parseTLS13(body: [0, 0, 0, 3, 0, 0, 0]) }  // empty cert_data
        #expect(try CertificateMessage.parseTLS13(body: [0, 0, 0, 0]) == [])
    }

    @Test("ClientHello: SNI, ALPN, versions, X25519 key share, 32-byte session id")
    func clientHello() {
        let key = X25519.publicKey(privateKey: [UInt8](repeating: 1, count: 32))
        let hello = ClientHello(random: [UInt8](repeating: 2, count: 32), sessionID: [UInt8](repeating: 3, count: 32),
                                serverName: "example.com", alpnProtocols: ["x-amzn-mqtt-ca"], versions: .tls12AndTLS13,
                                keySharePublicKey: key)
        let bytes = hello.encoded()
        #expect(bytes[0] == 1)
        #expect(Int(bytes[1]) << 16 | Int(bytes[2]) << 8 | Int(bytes[3]) == bytes.count - 4)
        #expect(Array(bytes[4..<6]) == [3, 3])
        #expect(bytes[38] == 32)
        func contains(_ needle: [UInt8]) -> Bool {
            bytes.count >= needle.count && (0...(bytes.count - needle.count)).contains { Array(bytes[$0..<($0 + needle.count)]) == needle }
        }
        #expect(contains([0, 0, 0, 16, 0, 14, 0, 0, 11] + Array("example.com".utf8)))
        #expect(contains([0, 16, 0, 17, 0, 15, 14] + Array("x-amzn-mqtt-ca".utf8)))
        #expect(contains([0, 43, 0, 5, 4, 3, 4, 3, 3]))
        #expect(contains([0, 51, 0, 38, 0, 36, 0, 0x1d, 0, 32] + key))
        let tls12 = ClientHello(random: hello.random, sessionID: hello.sessionID, serverName: nil, alpnProtocols: [],
                                versions: .tls12Only, keySharePublicKey: key).encoded()
        #expect(!tls12.contains(0x2b) || tls12.count < bytes.count)
        #expect(ClientHello.isIPLiteral("192.0.2.1") && ClientHello.isIPLiteral("::1") && !ClientHello.isIPLiteral("a.b.c.d"))
    }

    @Test("alerts are named as in RFC 8446 §6")
    func alertNames() {
        #expect(TLSAlert(level: 2, code: 40).name == "handshake_failure")
        #expect(TLSAlert(level: 2, code: 70).name == "protocol_version")
        #expect(TLSAlert(level: 2, code: 112).name == "unrecognized_name")
        #expect(TLSAlert(level: 2, code: 120).name == "no_application_protocol")
        #expect(TLSAlert(level: 2, code: 200).name == "unknown_alert_200")
        #expect(TLSError.alert(TLSAlert(level: 2, code: 48), stage: "Certificate").description
            == "server sent TLS alert unknown_ca (48) during Certificate")
    }
}
