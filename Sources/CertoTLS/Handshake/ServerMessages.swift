// Parsers for the server messages Certo reads: ServerHello (and HelloRetryRequest, which shares its
// shape), EncryptedExtensions, and Certificate in both its TLS 1.2 (RFC 5246 §7.4.2) and TLS 1.3
// (RFC 8446 §4.4.2) forms, the latter with each entry's stapled OCSP response. Every length is
// checked against its container; nothing is trusted.

struct ServerHello {
    /// SHA-256("HelloRetryRequest"), the random that marks a HelloRetryRequest (RFC 8446 §4.1.3).
    static let helloRetryRequestRandom: [UInt8] = [
        0xcf, 0x21, 0xad, 0x74, 0xe5, 0x9a, 0x61, 0x11, 0xbe, 0x1d, 0x8c, 0x02, 0x1e, 0x65, 0xb8, 0x91,
        0xc2, 0xa2, 0x11, 0x16, 0x7a, 0xbb, 0x8c, 0x5e, 0x07, 0x9e, 0x09, 0xe2, 0xc8, 0xa8, 0x33, 0x9c,
    ]
    /// The last 8 bytes of a TLS 1.3-capable server's random when it negotiates TLS 1.2 (RFC 8446 §4.1.3).
    static let downgradeSentinelTLS12: [UInt8] = [0x44, 0x4f, 0x57, 0x4e, 0x47, 0x52, 0x44, 0x01]

    var legacyVersion: UInt16 = 0
    var random: [UInt8] = []
    var sessionID: [UInt8] = []
    var cipherSuite: UInt16 = 0
    var selectedVersion: UInt16? = nil
    var keyShareGroup: UInt16? = nil
    var keyShareKey: [UInt8]? = nil
    var cookie: [UInt8]? = nil
    var alpnProtocol: String? = nil
    /// An empty status_request: a TLS 1.2 server will send CertificateStatus after Certificate (RFC 6066 §8).
    var acknowledgesStatusRequest = false
    var isHelloRetryRequest: Bool { random == ServerHello.helloRetryRequestRandom }

    /// The negotiated version: supported_versions when present, else legacy_version.
    var negotiatedVersion: UInt16 { selectedVersion ?? legacyVersion }

    init(body: [UInt8]) throws {
        var reader = WireReader(body, message: "ServerHello")
        legacyVersion = try reader.readUInt16("legacy_version")
        random = try reader.readBytes(32, "random")
        let name = isHelloRetryRequest ? "HelloRetryRequest" : "ServerHello"
        reader = WireReader(body, message: name)
        _ = try reader.readBytes(34, "version and random")
        sessionID = try reader.readVector(lengthBytes: 1, "legacy_session_id")
        guard sessionID.count <= 32 else { throw reader.failure("session id of \(sessionID.count) bytes (at most 32)") }
        cipherSuite = try reader.readUInt16("cipher_suite")
        let compression = try reader.readUInt8("compression_method")
        guard compression == 0 else { throw TLSError.illegalParameter("\(name) chose compression method \(compression)") }
        if reader.isAtEnd { return }  // TLS 1.2 and earlier may omit extensions entirely
        let extensionsLength = Int(try reader.readUInt16("extensions length"))
        var extensions = try reader.readSubReader(extensionsLength, "extensions")
        try reader.expectEnd("extensions")
        var seen = Set<UInt16>()
        while !extensions.isAtEnd {
            let type = try extensions.readUInt16("extension type")
            let data = try extensions.readVector(lengthBytes: 2, "extension \(type)")
            guard seen.insert(type).inserted else { throw extensions.failure("extension \(type) appears twice") }
            var ext = WireReader(data, message: "\(name) extension \(type)")
            switch type {
            case ExtensionType.supportedVersions:
                selectedVersion = try ext.readUInt16("selected_version")
                try ext.expectEnd("selected_version")
            case ExtensionType.keyShare:
                keyShareGroup = try ext.readUInt16("group")
                if !isHelloRetryRequest {
                    keyShareKey = try ext.readVector(lengthBytes: 2, "key_exchange")
                }
                try ext.expectEnd("key_share")
            case ExtensionType.cookie:
                let value = try ext.readVector(lengthBytes: 2, "cookie")
                guard !value.isEmpty else { throw ext.failure("empty cookie") }
                cookie = value
                try ext.expectEnd("cookie")
            case ExtensionType.alpn:
                alpnProtocol = try ServerHello.parseALPN(&ext)
            case ExtensionType.statusRequest:
                try ext.expectEnd("status_request (a server's must be empty)")
                acknowledgesStatusRequest = true
            default:
                break  // others (renegotiation_info, extended_master_secret, ...) do not matter for reading a chain
            }
        }
    }

    /// An ALPN extension from a server: a ProtocolNameList with exactly one non-empty name (RFC 7301 §3.1).
    static func parseALPN(_ ext: inout WireReader) throws -> String {
        var list = try ext.readSubReader(Int(try ext.readUInt16("protocol_name_list length")), "protocol_name_list")
        try ext.expectEnd("protocol_name_list")
        let name = try list.readVector(lengthBytes: 1, "protocol name")
        guard !name.isEmpty, list.isAtEnd else { throw list.failure("ALPN answer must hold exactly one non-empty protocol") }
        return String(decoding: name, as: UTF8.self)
    }
}

enum EncryptedExtensions {
    /// Returns the selected ALPN protocol, if any.
    static func parse(body: [UInt8]) throws -> String? {
        var reader = WireReader(body, message: "EncryptedExtensions")
        var extensions = try reader.readSubReader(Int(try reader.readUInt16("extensions length")), "extensions")
        try reader.expectEnd("extensions")
        var alpn: String? = nil
        var seen = Set<UInt16>()
        while !extensions.isAtEnd {
            let type = try extensions.readUInt16("extension type")
            let data = try extensions.readVector(lengthBytes: 2, "extension \(type)")
            guard seen.insert(type).inserted else { throw extensions.failure("extension \(type) appears twice") }
            if type == ExtensionType.alpn {
                var ext = WireReader(data, message: "EncryptedExtensions ALPN")
                alpn = try ServerHello.parseALPN(&ext)
            }
        }
        return alpn
    }
}

enum CertificateMessage {
    /// The DER certificates of a TLS 1.2 Certificate message, in the order sent (leaf first).
    static func parseTLS12(body: [UInt8]) throws -> [[UInt8]] {
        var reader = WireReader(body, message: "Certificate")
        var list = try reader.readSubReader(try reader.readUInt24("certificate_list length"), "certificate_list")
        try reader.expectEnd("certificate_list")
        var certificates: [[UInt8]] = []
        while !list.isAtEnd {
            let certificate = try list.readVector(lengthBytes: 3, "certificate \(certificates.count + 1)")
            guard !certificate.isEmpty else { throw list.failure("certificate \(certificates.count + 1) is empty") }
            certificates.append(certificate)
        }
        return certificates
    }

    /// The DER certificates of a TLS 1.3 Certificate message (the fuzz target's entry point).
    static func parseTLS13(body: [UInt8]) throws -> [[UInt8]] {
        try parseTLS13Entries(body: body).map(\.certificate)
    }

    /// The entries of a TLS 1.3 Certificate message, in the order sent. Of the per-entry extensions only
    /// status_request is read (RFC 8446 §4.4.2.1); others (SCT) are skipped, each type at most once.
    static func parseTLS13Entries(body: [UInt8]) throws -> [TLS13CertificateEntry] {
        var reader = WireReader(body, message: "Certificate")
        let context = try reader.readVector(lengthBytes: 1, "certificate_request_context")
        guard context.isEmpty else {
            throw reader.failure("server Certificate has a non-empty certificate_request_context")
        }
        var list = try reader.readSubReader(try reader.readUInt24("certificate_list length"), "certificate_list")
        try reader.expectEnd("certificate_list")
        var entries: [TLS13CertificateEntry] = []
        while !list.isAtEnd {
            let number = entries.count + 1
            let certificate = try list.readVector(lengthBytes: 3, "cert_data \(number)")
            guard !certificate.isEmpty else { throw list.failure("cert_data \(number) is empty") }
            var extensions = try list.readSubReader(Int(try list.readUInt16("extensions length")), "extensions of certificate \(number)")
            var ocspResponse: [UInt8]? = nil
            var seen = Set<UInt16>()
            while !extensions.isAtEnd {
                let type = try extensions.readUInt16("extension type of certificate \(number)")
                let data = try extensions.readVector(lengthBytes: 2, "extension \(type) of certificate \(number)")
                guard seen.insert(type).inserted else {
                    throw extensions.failure("extension \(type) of certificate \(number) appears twice")
                }
                if type == ExtensionType.statusRequest {
                    ocspResponse = try CertificateStatus.parse(body: data, message: "status_request of certificate \(number)")
                }
            }
            entries.append(TLS13CertificateEntry(certificate: certificate, ocspResponse: ocspResponse))
        }
        return entries
    }
}

/// One CertificateEntry of a TLS 1.3 Certificate message.
struct TLS13CertificateEntry: Equatable {
    let certificate: [UInt8]
    /// The DER OCSPResponse stapled to this certificate, if any.
    let ocspResponse: [UInt8]?
}
