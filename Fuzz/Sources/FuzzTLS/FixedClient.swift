// The client's secrets made constant, so that a fuzzed ServerHello can be answered with records the
// client will decrypt (ScriptedServer.swift), and every input replays identically.
@testable import CertoTLS

enum FixedClient {
    static let privateKey = [UInt8](repeating: 0x33, count: 32)
    static let publicKey = X25519.publicKey(privateKey: privateKey)
    static let random = [UInt8](repeating: 0x11, count: 32)
    /// The legacy session id a TLS 1.3 server must echo.
    static let sessionID = [UInt8](repeating: 0x22, count: 32)
    static let alpn = ["h2", "http/1.1"]

    /// `flags` bits 0-1 pick the versions offered, bit 2 the ALPN list.
    static func request(flags: UInt8) -> TLSFetchRequest {
        let versions: [TLSVersionPolicy] = [.tls12AndTLS13, .tls12Only, .tls13Only, .tls12AndTLS13]
        return TLSFetchRequest(host: "fuzz.certo.test", alpnProtocols: flags & 4 != 0 ? alpn : [],
                               timeout: 1, versions: versions[Int(flags & 3)])
    }

    static func hello(_ request: TLSFetchRequest) -> ClientHello {
        ClientHello(random: random, sessionID: sessionID, serverName: request.host,
                    alpnProtocols: request.alpnProtocols, versions: request.versions, keySharePublicKey: publicKey)
    }

    /// A handshake session over `connection` that sends `hello(request)`.
    static func session(_ connection: TCPConnection, _ request: TLSFetchRequest) -> HandshakeSession {
        var session = HandshakeSession(connection: connection, deadline: Deadline(secondsFromNow: request.timeout),
                                       request: request, serverName: request.host)
        session.privateKey = privateKey
        session.hello = hello(request)
        return session
    }
}
