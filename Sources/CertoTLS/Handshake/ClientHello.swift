// Builds the one ClientHello Certo sends (RFC 8446 §4.1.2, compatible with RFC 5246 servers):
// TLS 1.2 and/or 1.3 via supported_versions, an X25519 key share, SNI, optional ALPN, optionally
// status_request for a stapled OCSP response (RFC 6066 §8), and a random 32-byte legacy session id
// for middlebox compatibility (RFC 8446 Appendix D.4).
// It never offers PSKs, early data or session tickets: Certo only wants the Certificate message.

/// Which TLS versions to offer.
public enum TLSVersionPolicy: Sendable, Equatable {
    case tls12AndTLS13
    case tls12Only
    case tls13Only

    var offersTLS12: Bool { self != .tls13Only }
    var offersTLS13: Bool { self != .tls12Only }
}

struct ClientHello {
    var random: [UInt8]
    var sessionID: [UInt8]
    var serverName: String?
    var alpnProtocols: [String]
    var versions: TLSVersionPolicy
    var keySharePublicKey: [UInt8]
    /// Echoed from a HelloRetryRequest (RFC 8446 §4.2.2).
    var cookie: [UInt8]? = nil
    /// Sends status_request, asking for the leaf's OCSP response in the handshake.
    var requestsOCSPStatus = true

    /// The whole handshake message: type 1, 24-bit length, body.
    func encoded() -> [UInt8] {
        var body = WireWriter()
        body.uint16(0x0303)  // legacy_version
        body.append(random)
        body.vector(lengthBytes: 1) { $0.append(sessionID) }
        body.vector(lengthBytes: 2) { suites in
            if versions.offersTLS13 { for suite in CipherSuite.tls13Offered { suites.uint16(suite) } }
            if versions.offersTLS12 { for suite in CipherSuite.tls12Offered { suites.uint16(suite) } }
        }
        body.vector(lengthBytes: 1) { $0.uint8(0) }  // compression: null only
        body.vector(lengthBytes: 2) { extensions in
            if let name = serverName {
                extensions.uint16(ExtensionType.serverName)
                extensions.vector(lengthBytes: 2) { ext in
                    ext.vector(lengthBytes: 2) { list in
                        list.uint8(0)  // host_name
                        list.vector(lengthBytes: 2) { $0.append(Array(name.utf8)) }
                    }
                }
            }
            if requestsOCSPStatus {
                // CertificateStatusRequest: status_type ocsp(1), no responder_id_list, no request_extensions.
                extensions.uint16(ExtensionType.statusRequest)
                extensions.vector(lengthBytes: 2) { ext in
                    ext.uint8(CertificateStatus.ocspStatusType)
                    ext.vector(lengthBytes: 2) { _ in }
                    ext.vector(lengthBytes: 2) { _ in }
                }
            }
            if versions.offersTLS12 {
                extensions.uint16(ExtensionType.ecPointFormats)
                extensions.vector(lengthBytes: 2) { ext in ext.vector(lengthBytes: 1) { $0.uint8(0) } }  // uncompressed
                extensions.uint16(ExtensionType.renegotiationInfo)
                extensions.vector(lengthBytes: 2) { ext in ext.vector(lengthBytes: 1) { _ in } }
                extensions.uint16(ExtensionType.extendedMasterSecret)
                extensions.vector(lengthBytes: 2) { _ in }
            }
            extensions.uint16(ExtensionType.supportedGroups)
            extensions.vector(lengthBytes: 2) { ext in
                ext.vector(lengthBytes: 2) { list in for group in NamedGroup.offered { list.uint16(group) } }
            }
            extensions.uint16(ExtensionType.signatureAlgorithms)
            extensions.vector(lengthBytes: 2) { ext in
                ext.vector(lengthBytes: 2) { list in for scheme in SignatureScheme.offered { list.uint16(scheme) } }
            }
            if !alpnProtocols.isEmpty {
                extensions.uint16(ExtensionType.alpn)
                extensions.vector(lengthBytes: 2) { ext in
                    ext.vector(lengthBytes: 2) { list in
                        for proto in alpnProtocols { list.vector(lengthBytes: 1) { $0.append(Array(proto.utf8)) } }
                    }
                }
            }
            if versions.offersTLS13 {
                extensions.uint16(ExtensionType.supportedVersions)
                extensions.vector(lengthBytes: 2) { ext in
                    ext.vector(lengthBytes: 1) { list in
                        list.uint16(0x0304)
                        if versions.offersTLS12 { list.uint16(0x0303) }
                    }
                }
                extensions.uint16(ExtensionType.pskKeyExchangeModes)
                extensions.vector(lengthBytes: 2) { ext in ext.vector(lengthBytes: 1) { $0.uint8(1) } }  // psk_dhe_ke
                extensions.uint16(ExtensionType.keyShare)
                extensions.vector(lengthBytes: 2) { ext in
                    ext.vector(lengthBytes: 2) { shares in
                        shares.uint16(NamedGroup.x25519)
                        shares.vector(lengthBytes: 2) { $0.append(keySharePublicKey) }
                    }
                }
                if let cookie {
                    extensions.uint16(ExtensionType.cookie)
                    extensions.vector(lengthBytes: 2) { ext in ext.vector(lengthBytes: 2) { $0.append(cookie) } }
                }
            }
        }
        var message = WireWriter()
        message.uint8(1)
        message.vector(lengthBytes: 3) { $0.append(body.bytes) }
        return message.bytes
    }

    /// True when `name` may go in server_name: an ASCII DNS name, not an IP literal (RFC 6066 §3).
    static func isValidServerName(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        guard !isIPLiteral(name) else { return false }
        return bytes.allSatisfy { byte in
            (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39)
                || byte == 0x2d || byte == 0x2e || byte == 0x5f || byte == 0x2a
        }
    }

    /// IPv4 dotted quad or anything with a colon (IPv6).
    static func isIPLiteral(_ name: String) -> Bool {
        if name.contains(":") { return true }
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.allSatisfy { $0.isASCII && $0.isNumber } && (Int(part) ?? 256) <= 255
        }
    }
}
