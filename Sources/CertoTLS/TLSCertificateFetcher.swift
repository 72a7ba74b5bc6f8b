// The client side of a TLS handshake, run only as far as the server's Certificate message:
// TLS 1.2 (certificates in the clear) and TLS 1.3 (X25519, AES-GCM or ChaCha20-Poly1305 handshake
// decryption, one HelloRetryRequest for a cookie), with the leaf's stapled OCSP response when the
// server sends one (RFC 6066 §8; TLS 1.2 reads one message past Certificate for it). It verifies nothing
// it reads: not the handshake signature, not Finished, not the chain, not the OCSP response.
// Verification is the caller's job (Certo's Verifier).
import CertoHash

/// What to connect to and what to offer.
public struct TLSFetchRequest: Sendable {
    public var host: String
    public var port: UInt16
    /// The SNI name. nil: the host itself when it is a DNS name, none for an IP literal.
    public var serverName: String?
    public var alpnProtocols: [String]
    /// Seconds for the connect, and again for the whole handshake after it.
    public var timeout: Double
    public var versions: TLSVersionPolicy
    /// Sends status_request (RFC 6066 §8) so that the server may staple the leaf's OCSP response.
    public var requestOCSPStaple: Bool

    public init(
        host: String, port: UInt16 = 443, serverName: String? = nil, alpnProtocols: [String] = [],
        timeout: Double = 10, versions: TLSVersionPolicy = .tls12AndTLS13, requestOCSPStaple: Bool = true
    ) {
        self.host = host
        self.port = port
        self.serverName = serverName
        self.alpnProtocols = alpnProtocols
        self.timeout = timeout
        self.versions = versions
        self.requestOCSPStaple = requestOCSPStaple
    }
}

/// The chain a server presented, exactly as sent, and what was negotiated on the way.
public struct TLSFetchResult: Sendable, Equatable {
    public let peerAddress: String
    /// 0x0304 for TLS 1.3, 0x0303 for TLS 1.2, ...
    public let version: UInt16
    public let cipherSuite: UInt16
    public let alpnProtocol: String?
    public let serverName: String?
    public let helloRetryRequested: Bool
    /// DER certificates in the order the server sent them (leaf first, normally).
    public let certificates: [[UInt8]]
    /// The DER OCSPResponse the server stapled for the leaf (TLS 1.2 CertificateStatus, or the TLS 1.3
    /// leaf entry's status_request), exactly as sent and not yet parsed; nil when none was sent or asked for.
    public let stapledOCSPResponse: [UInt8]?

    public var versionName: String { TLSCertificateFetcher.versionName(version) }
    public var cipherSuiteName: String { CipherSuite.name(of: cipherSuite) }
}

public enum TLSCertificateFetcher {
    public static func versionName(_ version: UInt16) -> String {
        switch version {
        case 0x0304: return "TLS 1.3"
        case 0x0303: return "TLS 1.2"
        case 0x0302: return "TLS 1.1"
        case 0x0301: return "TLS 1.0"
        case 0x0300: return "SSL 3.0"
        default: return format4Hex(version)
        }
    }

    /// Connects, handshakes up to the server's Certificate message, closes, and returns the chain.
    public static func fetch(_ request: TLSFetchRequest) throws(TLSError) -> TLSFetchResult {
        do {
            return try run(request)
        } catch let error as TLSError {
            throw error
        } catch {
            throw TLSError.socketError(call: "handshake", errno: 0, reason: "\(error)")
        }
    }

    private static func run(_ request: TLSFetchRequest) throws -> TLSFetchResult {
        let serverName = try resolveServerName(request)
        for proto in request.alpnProtocols {
            guard !proto.utf8.isEmpty, proto.utf8.count <= 255 else {
                throw TLSError.invalidHost("ALPN protocol \"\(proto)\" must be 1 to 255 bytes")
            }
        }
        guard request.timeout > 0, request.timeout.isFinite else {
            throw TLSError.invalidHost("timeout must be a positive number of seconds")
        }
        let connection = try TCPConnection.connect(host: request.host, port: request.port, timeout: request.timeout)
        defer { connection.close() }
        let deadline = Deadline(secondsFromNow: request.timeout)
        var session = HandshakeSession(
            connection: connection, deadline: deadline, request: request, serverName: serverName)
        return try session.run()
    }

    static func resolveServerName(_ request: TLSFetchRequest) throws -> String? {
        if let name = request.serverName {
            guard ClientHello.isValidServerName(name) else {
                throw TLSError.invalidHost("SNI name \"\(name)\" is not an ASCII DNS name")
            }
            return name
        }
        return ClientHello.isValidServerName(request.host) ? request.host : nil
    }
}

/// One handshake attempt. A struct with the connection inside, so its state reads top to bottom.
struct HandshakeSession {
    let connection: TCPConnection
    let deadline: Deadline
    let request: TLSFetchRequest
    let serverName: String?
    let stream: HandshakeStream
    var privateKey: [UInt8]
    var hello: ClientHello

    init(connection: TCPConnection, deadline: Deadline, request: TLSFetchRequest, serverName: String?) {
        self.connection = connection
        self.deadline = deadline
        self.request = request
        self.serverName = serverName
        stream = HandshakeStream(connection: connection, deadline: deadline)
        privateKey = HandshakeSession.randomBytes(32)
        hello = ClientHello(
            random: HandshakeSession.randomBytes(32), sessionID: HandshakeSession.randomBytes(32),
            serverName: serverName, alpnProtocols: request.alpnProtocols, versions: request.versions,
            keySharePublicKey: X25519.publicKey(privateKey: privateKey), requestsOCSPStatus: request.requestOCSPStaple)
    }

    static func randomBytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()  // getrandom(2) on Linux
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    mutating func run() throws -> TLSFetchResult {
        let firstHello = hello.encoded()
        try sendRecord(type: 22, firstHello)
        var transcript: [[UInt8]] = [firstHello]
        var message = try stream.nextMessage(stage: "ServerHello")
        guard message.type == 2 else {
            throw TLSError.unexpectedMessage(expected: "ServerHello", received: HandshakeType.name(of: message.type))
        }
        var serverHello = try ServerHello(body: message.body)
        var retried = false
        if serverHello.isHelloRetryRequest {
            try checkTLS13ServerHello(serverHello, isRetry: true)
            stream.ignoresChangeCipherSpec = true
            transcript.append(message.raw)
            hello.cookie = serverHello.cookie
            let secondHello = hello.encoded()
            try sendRecord(type: 22, secondHello)
            transcript.append(secondHello)
            retried = true
            let retryCipherSuite = serverHello.cipherSuite
            message = try stream.nextMessage(stage: "ServerHello after HelloRetryRequest")
            guard message.type == 2 else {
                throw TLSError.unexpectedMessage(expected: "ServerHello", received: HandshakeType.name(of: message.type))
            }
            serverHello = try ServerHello(body: message.body)
            guard !serverHello.isHelloRetryRequest else {
                throw TLSError.unexpectedMessage(expected: "ServerHello", received: "a second HelloRetryRequest")
            }
            guard serverHello.cipherSuite == retryCipherSuite else {
                throw TLSError.illegalParameter("ServerHello cipher suite differs from the HelloRetryRequest's")
            }
        }
        transcript.append(message.raw)
        if serverHello.negotiatedVersion == 0x0304 {
            return try runTLS13(serverHello, transcript: transcript, retried: retried)
        }
        guard !retried else { throw TLSError.illegalParameter("TLS 1.2 ServerHello after a HelloRetryRequest") }
        return try runTLS12(serverHello)
    }

    // MARK: TLS 1.2 (RFC 5246 §7.3): the server's Certificate follows ServerHello in the clear.

    private func runTLS12(_ serverHello: ServerHello) throws -> TLSFetchResult {
        let version = serverHello.negotiatedVersion
        guard request.versions.offersTLS12 else {
            throw TLSError.unsupportedVersion("server chose \(TLSCertificateFetcher.versionName(version)); only TLS 1.3 was offered")
        }
        guard serverHello.selectedVersion == nil || serverHello.selectedVersion == 0x0303 else {
            throw TLSError.illegalParameter("supported_versions selected \(TLSCertificateFetcher.versionName(serverHello.selectedVersion!))")
        }
        guard version >= 0x0301 && version <= 0x0303 else {
            throw TLSError.unsupportedVersion("server chose \(TLSCertificateFetcher.versionName(version))")
        }
        if request.versions.offersTLS13 && Array(serverHello.random.suffix(8)) == ServerHello.downgradeSentinelTLS12 {
            throw TLSError.illegalParameter("TLS 1.2 ServerHello carries the TLS 1.3 downgrade sentinel")
        }
        guard CipherSuite.tls12Offered.contains(serverHello.cipherSuite) else {
            throw TLSError.illegalParameter("server chose cipher suite \(CipherSuite.name(of: serverHello.cipherSuite)), which was not offered")
        }
        if !serverHello.sessionID.isEmpty && serverHello.sessionID == hello.sessionID {
            throw TLSError.sessionResumed
        }
        try checkALPN(serverHello.alpnProtocol)
        if serverHello.acknowledgesStatusRequest && !hello.requestsOCSPStatus {
            throw TLSError.illegalParameter("ServerHello acknowledges status_request, which was not offered")
        }
        let message = try stream.nextMessage(stage: "Certificate")
        guard message.type == 11 else {
            throw TLSError.unexpectedMessage(expected: "Certificate", received: HandshakeType.name(of: message.type))
        }
        let certificates = try CertificateMessage.parseTLS12(body: message.body)
        guard !certificates.isEmpty else { throw TLSError.emptyChain }
        let staple = serverHello.acknowledgesStatusRequest ? try readTLS12CertificateStatus() : nil
        // No keys exist yet, so the alert goes in the clear (RFC 5246 §7.2.1).
        try? sendRecord(type: 21, [1, TLSAlert.closeNotifyCode])
        return TLSFetchResult(
            peerAddress: connection.peerAddress, version: version, cipherSuite: serverHello.cipherSuite,
            alpnProtocol: serverHello.alpnProtocol, serverName: serverName, helloRetryRequested: false,
            certificates: certificates, stapledOCSPResponse: staple)
    }

    /// RFC 6066 §8: a server that acknowledged status_request sends CertificateStatus right after
    /// Certificate, or goes straight on when it has no response to staple. Without the acknowledgement
    /// nothing more is read, so a CertificateStatus that was not negotiated is never taken.
    private func readTLS12CertificateStatus() throws -> [UInt8]? {
        let message = try stream.nextMessage(stage: "CertificateStatus")
        switch message.type {
        case 22:
            return try CertificateStatus.parse(body: message.body, message: "CertificateStatus")
        case 12, 13, 14:  // ServerKeyExchange, CertificateRequest, ServerHelloDone: no staple this time
            return nil
        default:
            throw TLSError.unexpectedMessage(expected: "CertificateStatus or ServerKeyExchange", received: HandshakeType.name(of: message.type))
        }
    }

    // MARK: TLS 1.3 (RFC 8446 §2): ServerHello, then {EncryptedExtensions} {CertificateRequest}? {Certificate}.

    private func checkTLS13ServerHello(_ serverHello: ServerHello, isRetry: Bool) throws {
        let what = isRetry ? "HelloRetryRequest" : "ServerHello"
        guard request.versions.offersTLS13 else {
            throw TLSError.illegalParameter("\(what) selected TLS 1.3, which was not offered")
        }
        guard serverHello.legacyVersion == 0x0303 else {
            throw TLSError.illegalParameter("\(what) legacy_version \(format4Hex(serverHello.legacyVersion))")
        }
        guard serverHello.sessionID == hello.sessionID else {
            throw TLSError.illegalParameter("\(what) does not echo the session id")
        }
        guard CipherSuite.tls13Offered.contains(serverHello.cipherSuite) else {
            if [0x1304, 0x1305].contains(serverHello.cipherSuite) {
                throw TLSError.unsupportedCipherSuite(serverHello.cipherSuite)
            }
            throw TLSError.illegalParameter("\(what) chose cipher suite \(CipherSuite.name(of: serverHello.cipherSuite)), which was not offered")
        }
        if isRetry {
            if let group = serverHello.keyShareGroup {
                guard group != NamedGroup.x25519 else {
                    throw TLSError.illegalParameter("HelloRetryRequest asks for x25519, which the ClientHello already sent")
                }
                throw TLSError.unsupportedGroup(requested: group)
            }
            guard serverHello.cookie != nil else {
                throw TLSError.illegalParameter("HelloRetryRequest changes nothing (no key_share, no cookie)")
            }
        }
    }

    private func runTLS13(_ serverHello: ServerHello, transcript: [[UInt8]], retried: Bool) throws -> TLSFetchResult {
        try checkTLS13ServerHello(serverHello, isRetry: false)
        guard !serverHello.acknowledgesStatusRequest else {
            throw TLSError.illegalParameter("TLS 1.3 ServerHello carries status_request (RFC 8446 §4.4.2.1 puts the status in Certificate)")
        }
        guard serverHello.keyShareGroup == NamedGroup.x25519 else {
            if let group = serverHello.keyShareGroup { throw TLSError.unsupportedGroup(requested: group) }
            throw TLSError.illegalParameter("TLS 1.3 ServerHello without key_share (PSK-only handshakes are not offered)")
        }
        guard let serverKey = serverHello.keyShareKey, serverKey.count == 32 else {
            throw TLSError.illegalParameter("x25519 key share of \(serverHello.keyShareKey?.count ?? 0) bytes (expected 32)")
        }
        guard let shared = X25519.sharedSecret(privateKey: privateKey, peerPublicKey: serverKey) else {
            throw TLSError.illegalParameter("x25519 key share is a small-order point (all-zero shared secret)")
        }
        guard stream.isAtMessageBoundary else {
            throw TLSError.unexpectedMessage(expected: "a record boundary after ServerHello", received: "more handshake data")
        }
        let hash: HashAlgorithm = serverHello.cipherSuite == CipherSuite.aes256GCMSHA384 ? .sha384 : .sha256
        let keyLength = serverHello.cipherSuite == CipherSuite.aes128GCMSHA256 ? 16 : 32
        var hashed = transcript
        if retried {
            // RFC 8446 §4.4.1: ClientHello1 is replaced by message_hash(Hash(ClientHello1)).
            let digest = hash.hash(transcript[0])
            hashed[0] = [254, 0, 0, UInt8(digest.count)] + digest
        }
        let secrets = TLS13HandshakeSecrets(
            hash: hash, sharedSecret: shared, transcriptHash: hash.hash(Array(hashed.joined())))
        let serverKeys = TLS13HandshakeSecrets.trafficKey(
            hash: hash, secret: secrets.serverHandshakeTrafficSecret, keyLength: keyLength)
        let clientKeys = TLS13HandshakeSecrets.trafficKey(
            hash: hash, secret: secrets.clientHandshakeTrafficSecret, keyLength: keyLength)
        stream.serverProtection = TLS13RecordProtection(cipherSuite: serverHello.cipherSuite, key: serverKeys.key, iv: serverKeys.iv)
        stream.ignoresChangeCipherSpec = true

        var message = try stream.nextMessage(stage: "EncryptedExtensions")
        guard message.type == 8 else {
            throw TLSError.unexpectedMessage(expected: "EncryptedExtensions", received: HandshakeType.name(of: message.type))
        }
        let alpn = try EncryptedExtensions.parse(body: message.body)
        try checkALPN(alpn)
        message = try stream.nextMessage(stage: "Certificate")
        if message.type == 13 {  // CertificateRequest: Certo never answers it, but the chain follows
            message = try stream.nextMessage(stage: "Certificate")
        }
        guard message.type == 11 else {
            if message.type == 25 {
                throw TLSError.notImplemented("compressed certificates (RFC 8879); Certo does not offer them, yet the server sent one")
            }
            throw TLSError.unexpectedMessage(expected: "Certificate", received: HandshakeType.name(of: message.type))
        }
        let entries = try CertificateMessage.parseTLS13Entries(body: message.body)
        guard let leaf = entries.first else { throw TLSError.emptyChain }
        // RFC 8446 §4.4.2: entry extensions must answer ClientHello extensions.
        if !hello.requestsOCSPStatus && entries.contains(where: { $0.ocspResponse != nil }) {
            throw TLSError.illegalParameter("Certificate carries an OCSP status, which was not requested")
        }
        // After ServerHello a TLS 1.3 client's alerts are protected with its handshake keys (RFC 8446 §6).
        if var clientProtection = TLS13RecordProtection(cipherSuite: serverHello.cipherSuite, key: clientKeys.key, iv: clientKeys.iv) {
            let alert = clientProtection.seal(contentType: 21, content: [1, TLSAlert.closeNotifyCode])
            try? connection.send(alert, deadline: deadline, stage: "close_notify")
        }
        return TLSFetchResult(
            peerAddress: connection.peerAddress, version: 0x0304, cipherSuite: serverHello.cipherSuite,
            alpnProtocol: alpn, serverName: serverName, helloRetryRequested: retried,
            certificates: entries.map(\.certificate), stapledOCSPResponse: leaf.ocspResponse)
    }

    private func checkALPN(_ selected: String?) throws {
        guard let selected else { return }
        guard request.alpnProtocols.contains(selected) else {
            throw TLSError.illegalParameter("server selected ALPN protocol \"\(selected)\", which was not offered")
        }
    }

    private func sendRecord(type: UInt8, _ payload: [UInt8]) throws {
        var record: [UInt8] = []
        var offset = 0
        repeat {
            let end = min(offset + HandshakeStream.maximumPlaintextLength, payload.count)
            let length = end - offset
            // legacy_record_version 0x0301 for ClientHello records (RFC 8446 §5.1 allows it), 0x0303 otherwise.
            record += [type, 3, type == 22 ? 1 : 3, UInt8(length >> 8), UInt8(length & 0xff)]
            record += payload[offset..<end]
            offset = end
        } while offset < payload.count
        try connection.send(record, deadline: deadline, stage: "sending \(type == 22 ? "ClientHello" : "alert")")
    }
}
