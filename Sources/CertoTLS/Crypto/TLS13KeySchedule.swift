// The part of the TLS 1.3 key schedule (RFC 8446 §7.1, §7.3) a client needs to read the server's
// encrypted handshake: early secret without PSK, handshake secret from the (EC)DHE secret, the two
// handshake traffic secrets, and their write keys and IVs. No application or resumption secrets:
// Certo closes the connection before the handshake completes.
import CertoHash

public struct TLS13HandshakeSecrets: Equatable, Sendable {
    public let earlySecret: [UInt8]
    public let derivedSecret: [UInt8]
    public let handshakeSecret: [UInt8]
    public let clientHandshakeTrafficSecret: [UInt8]
    public let serverHandshakeTrafficSecret: [UInt8]

    /// `transcriptHash` is Transcript-Hash(ClientHello...ServerHello).
    public init(hash: HashAlgorithm, sharedSecret: [UInt8], transcriptHash: [UInt8]) {
        let zeros = [UInt8](repeating: 0, count: hash.digestByteCount)
        earlySecret = HKDF.extract(hash, salt: zeros, inputKeyMaterial: zeros)
        derivedSecret = HKDF.deriveSecret(hash, secret: earlySecret, label: "derived", transcriptHash: hash.hash([UInt8]()))
        handshakeSecret = HKDF.extract(hash, salt: derivedSecret, inputKeyMaterial: sharedSecret)
        clientHandshakeTrafficSecret = HKDF.deriveSecret(
            hash, secret: handshakeSecret, label: "c hs traffic", transcriptHash: transcriptHash)
        serverHandshakeTrafficSecret = HKDF.deriveSecret(
            hash, secret: handshakeSecret, label: "s hs traffic", transcriptHash: transcriptHash)
    }

    /// The write key and IV for a traffic secret (RFC 8446 §7.3).
    public static func trafficKey(
        hash: HashAlgorithm, secret: [UInt8], keyLength: Int
    ) -> (key: [UInt8], iv: [UInt8]) {
        (HKDF.expandLabel(hash, secret: secret, label: "key", context: [], length: keyLength),
         HKDF.expandLabel(hash, secret: secret, label: "iv", context: [], length: 12))
    }
}

/// AEAD protection of TLS 1.3 records in one direction (RFC 8446 §5.2, §5.3).
public struct TLS13RecordProtection: Sendable {
    enum Cipher: Sendable {
        case aesGCM(AESGCM)
        case chaCha20Poly1305(ChaCha20Poly1305)

        func open(nonce: [UInt8], ciphertext: [UInt8], aad: [UInt8], tag: [UInt8]) -> [UInt8]? {
            switch self {
            case .aesGCM(let gcm): return gcm.open(nonce: nonce, ciphertext: ciphertext, aad: aad, tag: tag)
            case .chaCha20Poly1305(let chacha): return chacha.open(nonce: nonce, ciphertext: ciphertext, aad: aad, tag: tag)
            }
        }

        func seal(nonce: [UInt8], plaintext: [UInt8], aad: [UInt8]) -> (ciphertext: [UInt8], tag: [UInt8]) {
            switch self {
            case .aesGCM(let gcm): return gcm.seal(nonce: nonce, plaintext: plaintext, aad: aad)
            case .chaCha20Poly1305(let chacha): return chacha.seal(nonce: nonce, plaintext: plaintext, aad: aad)
            }
        }
    }

    let aead: Cipher
    let iv: [UInt8]
    public private(set) var sequenceNumber: UInt64 = 0

    /// AES-GCM protection (TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384); nil for a bad key or IV length.
    public init?(key: [UInt8], iv: [UInt8]) {
        guard iv.count == 12, let gcm = AESGCM(key: key) else { return nil }
        self.aead = .aesGCM(gcm)
        self.iv = iv
    }

    /// Protection for `cipherSuite` (0x1301, 0x1302 or 0x1303); nil for any other suite or bad lengths.
    public init?(cipherSuite: UInt16, key: [UInt8], iv: [UInt8]) {
        guard iv.count == 12 else { return nil }
        switch cipherSuite {
        case CipherSuite.aes128GCMSHA256, CipherSuite.aes256GCMSHA384:
            guard let gcm = AESGCM(key: key) else { return nil }
            aead = .aesGCM(gcm)
        case CipherSuite.chacha20Poly1305SHA256:
            guard let chacha = ChaCha20Poly1305(key: key) else { return nil }
            aead = .chaCha20Poly1305(chacha)
        default:
            return nil
        }
        self.iv = iv
    }

    private func nonce() -> [UInt8] {
        var nonce = iv
        for i in 0..<8 { nonce[4 + i] ^= UInt8(truncatingIfNeeded: sequenceNumber >> UInt64(56 - 8 * i)) }
        return nonce
    }

    /// Decrypts one record body given its 5-byte header; returns (content type, content) or nil when
    /// authentication fails or the inner plaintext holds no content type.
    public mutating func open(header: [UInt8], body: [UInt8]) -> (contentType: UInt8, content: [UInt8])? {
        guard body.count >= 17 else { return nil }
        let ciphertext = Array(body[..<(body.count - 16)])
        let tag = Array(body[(body.count - 16)...])
        guard let inner = aead.open(nonce: nonce(), ciphertext: ciphertext, aad: header, tag: tag) else { return nil }
        sequenceNumber &+= 1
        guard let typeIndex = inner.lastIndex(where: { $0 != 0 }) else { return nil }
        return (inner[typeIndex], Array(inner[..<typeIndex]))
    }

    /// Encrypts `content` of `contentType` into a whole TLSCiphertext record.
    public mutating func seal(contentType: UInt8, content: [UInt8]) -> [UInt8] {
        let inner = content + [contentType]
        let length = inner.count + 16
        let header: [UInt8] = [23, 3, 3, UInt8(length >> 8), UInt8(length & 0xff)]
        let sealed = aead.seal(nonce: nonce(), plaintext: inner, aad: header)
        sequenceNumber &+= 1
        return header + sealed.ciphertext + sealed.tag
    }
}
