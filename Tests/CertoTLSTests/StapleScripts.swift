// Server flights carrying (or mangling) an OCSP staple, played to a real HandshakeSession through a
// socketpair: the server's bytes are written and its end shut before the client reads, so nothing
// waits and every case is exact. TLS 1.3 flights are encrypted with the keys the client will derive
// from its fixed private key and the scripted ServerHello.
import CertoHash
@testable import CertoTLS
#if canImport(Glibc)
import Glibc
#endif

/// The server's whole answer, already in the socket; the client's end is a TCPConnection.
struct SocketPairPeer {
    let connection: TCPConnection
    private let server: Int32

    /// nil when the socketpair cannot be made or the bytes do not fit its buffer.
    init?(sending bytes: [UInt8]) {
        var descriptors: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &descriptors) == 0 else { return nil }
        var size: Int32 = 1 << 20
        setsockopt(descriptors[0], SOL_SOCKET, SO_SNDBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        for fd in descriptors { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { send(descriptors[0], $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { break }
            offset += written
        }
        shutdown(descriptors[0], Int32(SHUT_WR))
        server = descriptors[0]
        connection = TCPConnection(descriptor: descriptors[1], peerAddress: "socketpair")
        guard offset == bytes.count else { close(); return nil }
    }

    func close() {
        connection.close()
        Glibc.close(server)
    }
}

enum StapleScript {
    static let clientPrivateKey = [UInt8](repeating: 0x33, count: 32)
    static let serverPrivateKey = [UInt8](repeating: 0x44, count: 32)
    static let sessionID = [UInt8](repeating: 0x22, count: 32)
    static let leaf: [UInt8] = [0x30, 0x03, 0x02, 0x01, 0x07]
    static let intermediate: [UInt8] = [0x30, 0x03, 0x02, 0x01, 0x08]
    /// Stands in for a DER OCSPResponse: CertoTLS hands the bytes on without reading them.
    static let response: [UInt8] = [0x30, 0x06, 0x0a, 0x01, 0x00, 0xa0, 0x01, 0x00]

    static func u16(_ count: Int) -> [UInt8] { [UInt8(count >> 8), UInt8(count & 0xff)] }
    static func u24(_ count: Int) -> [UInt8] { [UInt8(count >> 16), UInt8((count >> 8) & 0xff), UInt8(count & 0xff)] }

    /// A CertificateStatus body: ocsp(1) and the response behind a 24-bit length.
    static func status(_ response: [UInt8]) -> [UInt8] { [1] + u24(response.count) + response }

    static func request(staple: Bool, versions: TLSVersionPolicy) -> TLSFetchRequest {
        TLSFetchRequest(host: "staple.certo.test", timeout: 5, versions: versions, requestOCSPStaple: staple)
    }

    static func hello(_ request: TLSFetchRequest) -> ClientHello {
        ClientHello(random: [UInt8](repeating: 0x11, count: 32), sessionID: sessionID, serverName: request.host,
                    alpnProtocols: [], versions: request.versions,
                    keySharePublicKey: X25519.publicKey(privateKey: clientPrivateKey), requestsOCSPStatus: request.requestOCSPStaple)
    }

    /// Runs a full client handshake against `flight`.
    static func run(_ request: TLSFetchRequest, flight: [UInt8]) throws -> TLSFetchResult {
        guard let peer = SocketPairPeer(sending: flight) else { throw TLSError.notImplemented("socketpair for the test") }
        defer { peer.close() }
        var session = HandshakeSession(connection: peer.connection, deadline: Deadline(secondsFromNow: request.timeout),
                                       request: request, serverName: request.host)
        session.privateKey = clientPrivateKey
        session.hello = hello(request)
        return try session.run()
    }

    // MARK: TLS 1.2

    /// ServerHello for TLS 1.2 with the given extensions block (nil: none at all).
    static func tls12ServerHello(extensions: [UInt8]?) -> [UInt8] {
        var body: [UInt8] = [3, 3] + [UInt8](repeating: 0x42, count: 32) + [0, 0xc0, 0x2f, 0]
        if let extensions { body += u16(extensions.count) + extensions }
        return TLS12Script.handshake(2, body)
    }

    static let acknowledgement: [UInt8] = [0, 5, 0, 0]

    /// ServerHello (acknowledging status_request or not), Certificate, then `after`, in 16 KiB records.
    static func tls12Flight(acknowledge: Bool, after: [UInt8]) -> [UInt8] {
        let messages = tls12ServerHello(extensions: acknowledge ? acknowledgement : []) + TLS12Script.certificate([leaf, intermediate]) + after
        return TLS12Script.fragmented(messages, size: 16384)
    }

    // MARK: TLS 1.3

    /// ServerHello with x25519, then encrypted EncryptedExtensions and a Certificate of `entries`
    /// (certificate, extensions block), as the client with `hello(request)` will decrypt them.
    static func tls13Flight(_ request: TLSFetchRequest, entries: [([UInt8], [UInt8])], serverHelloExtra: [UInt8] = []) -> [UInt8] {
        let serverPublic = X25519.publicKey(privateKey: serverPrivateKey)
        let extensions: [UInt8] = [0, 43, 0, 2, 3, 4] + [0, 51, 0, 36, 0, 0x1d, 0, 32] + serverPublic + serverHelloExtra
        let serverHelloBody: [UInt8] = [3, 3] + [UInt8](repeating: 0x55, count: 32) + [32] + sessionID + [0x13, 0x01, 0]
            + u16(extensions.count) + extensions
        let serverHello = HandshakeMessage(type: 2, body: serverHelloBody).raw
        let clientPublic = X25519.publicKey(privateKey: clientPrivateKey)
        let shared = X25519.sharedSecret(privateKey: serverPrivateKey, peerPublicKey: clientPublic)!
        let transcript = HashAlgorithm.sha256.hash(hello(request).encoded() + serverHello)
        let secrets = TLS13HandshakeSecrets(hash: .sha256, sharedSecret: shared, transcriptHash: transcript)
        let keys = TLS13HandshakeSecrets.trafficKey(hash: .sha256, secret: secrets.serverHandshakeTrafficSecret, keyLength: 16)
        var protection = TLS13RecordProtection(cipherSuite: CipherSuite.aes128GCMSHA256, key: keys.key, iv: keys.iv)!
        var list: [UInt8] = []
        for (certificate, extensions) in entries {
            list += u24(certificate.count) + certificate + u16(extensions.count) + extensions
        }
        let messages = HandshakeMessage(type: 8, body: [0, 0]).raw + HandshakeMessage(type: 11, body: [0] + u24(list.count) + list).raw
        var flight = TLS12Script.record(22, serverHello)
        var offset = 0
        while offset < messages.count {
            let end = min(offset + 16384, messages.count)
            flight += protection.seal(contentType: 22, content: Array(messages[offset..<end]))
            offset = end
        }
        return flight
    }

    /// One status_request entry extension holding `body`.
    static func statusExtension(_ body: [UInt8]) -> [UInt8] { [0, 5] + u16(body.count) + body }
}
