// Wire constants Certo's ClientHello uses and names for what a server may answer (IANA TLS
// registries): cipher suites, named groups, extension numbers, handshake message types.

public enum CipherSuite {
    public static let aes128GCMSHA256: UInt16 = 0x1301
    public static let aes256GCMSHA384: UInt16 = 0x1302
    public static let chacha20Poly1305SHA256: UInt16 = 0x1303

    /// TLS 1.3 suites Certo can decrypt, in preference order.
    static let tls13Offered: [UInt16] = [aes128GCMSHA256, aes256GCMSHA384, chacha20Poly1305SHA256]

    /// TLS 1.2 suites offered. Certo never completes a TLS 1.2 key exchange (the Certificate message
    /// travels in the clear), so this list only has to be one a server will pick from: every
    /// certificate-authenticated suite in common use, and no anonymous or PSK suite.
    static let tls12Offered: [UInt16] = [
        0xc02b, 0xc02f, 0xc02c, 0xc030, 0xcca9, 0xcca8,  // ECDHE-{ECDSA,RSA} AES-GCM, ChaCha20
        0xc023, 0xc027, 0xc024, 0xc028,                  // ECDHE-{ECDSA,RSA} AES-CBC-SHA256/384
        0xc009, 0xc013, 0xc00a, 0xc014,                  // ECDHE-{ECDSA,RSA} AES-CBC-SHA
        0x009e, 0x009f,                                  // DHE-RSA AES-GCM
        0x009c, 0x009d, 0x003c, 0x003d, 0x002f, 0x0035,  // RSA key transport
    ]

    public static func name(of suite: UInt16) -> String {
        switch suite {
        case 0x1301: return "TLS_AES_128_GCM_SHA256"
        case 0x1302: return "TLS_AES_256_GCM_SHA384"
        case 0x1303: return "TLS_CHACHA20_POLY1305_SHA256"
        case 0x1304: return "TLS_AES_128_CCM_SHA256"
        case 0x1305: return "TLS_AES_128_CCM_8_SHA256"
        case 0xc02b: return "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256"
        case 0xc02f: return "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
        case 0xc02c: return "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"
        case 0xc030: return "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"
        case 0xcca9: return "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256"
        case 0xcca8: return "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256"
        case 0xc023: return "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"
        case 0xc027: return "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"
        case 0xc024: return "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384"
        case 0xc028: return "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384"
        case 0xc009: return "TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA"
        case 0xc013: return "TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA"
        case 0xc00a: return "TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA"
        case 0xc014: return "TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA"
        case 0x009e: return "TLS_DHE_RSA_WITH_AES_128_GCM_SHA256"
        case 0x009f: return "TLS_DHE_RSA_WITH_AES_256_GCM_SHA384"
        case 0x009c: return "TLS_RSA_WITH_AES_128_GCM_SHA256"
        case 0x009d: return "TLS_RSA_WITH_AES_256_GCM_SHA384"
        case 0x003c: return "TLS_RSA_WITH_AES_128_CBC_SHA256"
        case 0x003d: return "TLS_RSA_WITH_AES_256_CBC_SHA256"
        case 0x002f: return "TLS_RSA_WITH_AES_128_CBC_SHA"
        case 0x0035: return "TLS_RSA_WITH_AES_256_CBC_SHA"
        default: return format4Hex(suite)
        }
    }
}

public enum NamedGroup {
    public static let x25519: UInt16 = 0x001d
    public static let secp256r1: UInt16 = 0x0017
    public static let secp384r1: UInt16 = 0x0018

    /// Listed in supported_groups. Only x25519 gets a key share; the NIST curves are listed so that
    /// TLS 1.2 servers with ECDHE on P-256/P-384 still answer (Certo never completes that exchange).
    static let offered: [UInt16] = [x25519, secp256r1, secp384r1]

    public static func name(of group: UInt16) -> String {
        switch group {
        case 0x0017: return "secp256r1"
        case 0x0018: return "secp384r1"
        case 0x0019: return "secp521r1"
        case 0x001d: return "x25519"
        case 0x001e: return "x448"
        case 0x0100: return "ffdhe2048"
        case 0x0101: return "ffdhe3072"
        case 0x0102: return "ffdhe4096"
        case 0x11ec: return "X25519MLKEM768"
        default: return format4Hex(group)
        }
    }
}

enum ExtensionType {
    static let serverName: UInt16 = 0
    static let statusRequest: UInt16 = 5
    static let supportedGroups: UInt16 = 10
    static let ecPointFormats: UInt16 = 11
    static let signatureAlgorithms: UInt16 = 13
    static let alpn: UInt16 = 16
    static let extendedMasterSecret: UInt16 = 23
    static let supportedVersions: UInt16 = 43
    static let cookie: UInt16 = 44
    static let pskKeyExchangeModes: UInt16 = 45
    static let keyShare: UInt16 = 51
    static let renegotiationInfo: UInt16 = 0xff01
}

/// Signature schemes offered (RFC 8446 §4.2.3). Certo does not check the handshake signature; the
/// list only has to let the server pick the scheme its certificate allows.
enum SignatureScheme {
    static let offered: [UInt16] = [
        0x0403, 0x0503, 0x0603,          // ecdsa_secp256r1_sha256, secp384r1_sha384, secp521r1_sha512
        0x0807, 0x0808,                  // ed25519, ed448
        0x0804, 0x0805, 0x0806,          // rsa_pss_rsae_sha256/384/512
        0x0809, 0x080a, 0x080b,          // rsa_pss_pss_sha256/384/512
        0x0401, 0x0501, 0x0601,          // rsa_pkcs1_sha256/384/512
        0x0201, 0x0203,                  // rsa_pkcs1_sha1, ecdsa_sha1 (legacy TLS 1.2 servers only)
    ]
}

public enum HandshakeType {
    public static func name(of type: UInt8) -> String {
        switch type {
        case 0: return "HelloRequest"
        case 1: return "ClientHello"
        case 2: return "ServerHello"
        case 4: return "NewSessionTicket"
        case 5: return "EndOfEarlyData"
        case 8: return "EncryptedExtensions"
        case 11: return "Certificate"
        case 12: return "ServerKeyExchange"
        case 13: return "CertificateRequest"
        case 14: return "ServerHelloDone"
        case 15: return "CertificateVerify"
        case 16: return "ClientKeyExchange"
        case 20: return "Finished"
        case 22: return "CertificateStatus"
        case 24: return "KeyUpdate"
        case 25: return "CompressedCertificate"
        case 254: return "message_hash"
        default: return "handshake type \(type)"
        }
    }
}

/// "0x0a0b": a code point with no name.
func format4Hex(_ value: UInt16) -> String {
    let digits = String(value, radix: 16)
    return "0x" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
