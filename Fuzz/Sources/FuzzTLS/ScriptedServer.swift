// Turns a structured fuzz input into the byte stream of a TLS 1.3 (or 1.2) server, so the fuzzer can
// reach what the client reads after ServerHello under encryption. The ServerHello body comes first and
// goes out as one plaintext record; then each piece is a kind byte and a 16-bit-length chunk:
// kind bits 0-1 = 0 raw bytes, 1 a plaintext record, 2 an encrypted record, 3 an encrypted handshake
// message (the header is added here); bits 2-4 pick the content or handshake type. Encryption uses the
// keys the client derives from this ServerHello (mirroring HandshakeSession.runTLS13); without them
// (a HelloRetryRequest, no usable key share) "encrypted" pieces go out in the clear.
import CertoHash
@testable import CertoTLS
import FuzzSupport

enum ScriptedServer {
    static let contentTypes: [UInt8] = [22, 21, 20, 23, 22, 22, 24, 0]
    /// EncryptedExtensions, Certificate, CertificateRequest, compressed_certificate, CertificateVerify,
    /// Finished, ServerHello, NewSessionTicket.
    static let handshakeTypes: [UInt8] = [8, 11, 13, 25, 15, 20, 2, 4]

    static func stream(_ input: inout FuzzInput, clientHello: [UInt8]) -> [UInt8] {
        let serverHello = handshakeMessage(type: 2, body: input.chunk())
        var out = record(type: 22, serverHello)
        var protection = serverProtection(clientHello: clientHello, serverHello: serverHello)
        while !input.isAtEnd {
            let kind = input.byte()
            let chunk = input.chunk()
            let selector = Int(kind >> 2) & 7
            switch kind & 3 {
            case 0:
                out += chunk
            case 1:
                out += record(type: contentTypes[selector], chunk)
            case 2:
                out += protection?.seal(contentType: contentTypes[selector], content: chunk) ?? record(type: contentTypes[selector], chunk)
            default:
                let message = handshakeMessage(type: handshakeTypes[selector], body: chunk)
                out += protection?.seal(contentType: 22, content: message) ?? record(type: 22, message)
            }
        }
        return out
    }

    /// The server's handshake record protection, as the client will compute it, or nil.
    private static func serverProtection(clientHello: [UInt8], serverHello: [UInt8]) -> TLS13RecordProtection? {
        guard let hello = try? ServerHello(body: Array(serverHello[4...])), !hello.isHelloRetryRequest,
              hello.negotiatedVersion == 0x0304, let peerKey = hello.keyShareKey, peerKey.count == 32,
              let shared = sharedSecret(with: peerKey) else { return nil }
        let suite = hello.cipherSuite
        let hash: HashAlgorithm = suite == CipherSuite.aes256GCMSHA384 ? .sha384 : .sha256
        let secrets = TLS13HandshakeSecrets(hash: hash, sharedSecret: shared, transcriptHash: hash.hash(clientHello + serverHello))
        let keys = TLS13HandshakeSecrets.trafficKey(
            hash: hash, secret: secrets.serverHandshakeTrafficSecret, keyLength: suite == CipherSuite.aes128GCMSHA256 ? 16 : 32)
        return TLS13RecordProtection(cipherSuite: suite, key: keys.key, iv: keys.iv)
    }

    /// X25519 with the fixed client key, remembering the last answer (seeds share one server key).
    nonisolated(unsafe) private static var lastShared: (peer: [UInt8], secret: [UInt8]?)?
    private static func sharedSecret(with peer: [UInt8]) -> [UInt8]? {
        if let last = lastShared, last.peer == peer { return last.secret }
        let secret = X25519.sharedSecret(privateKey: FixedClient.privateKey, peerPublicKey: peer)
        lastShared = (peer, secret)
        return secret
    }

    static func handshakeMessage(type: UInt8, body: [UInt8]) -> [UInt8] {
        HandshakeMessage(type: type, body: body).raw
    }

    /// A plaintext record (the length is cut to 16 bits, as the fuzzer may send more).
    static func record(type: UInt8, _ content: [UInt8]) -> [UInt8] {
        [type, 3, 3, UInt8(truncatingIfNeeded: content.count >> 8), UInt8(truncatingIfNeeded: content.count)] + content
    }
}
