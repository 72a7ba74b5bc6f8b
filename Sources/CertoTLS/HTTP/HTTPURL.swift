// An http:// URL taken apart for one request (RFC 3986 §3, RFC 9110 §4.2.1): host (a DNS name, an
// IPv4 address or a bracketed IPv6 address), port (default 80) and the request target (path and query,
// the fragment dropped). Strict on purpose: the URL often comes from a certificate (AIA, CRL
// distribution points), so anything that could split a request line (spaces, CR, LF, non-ASCII),
// user information and percent-encoded hosts are refused rather than repaired.

public struct HTTPURL: Equatable, Sendable {
    /// The host without brackets: "ocsp.example.com", "192.0.2.1", "::1".
    public let host: String
    public let port: UInt16
    /// What follows the method in the request line: "/", "/path?query".
    public let target: String

    /// Long GET URLs carry a base64 OCSP request; 8 KiB is the common server limit for a request line.
    public static let maximumLength = 8192

    /// The Host header's value (RFC 9110 §7.2): the port only when it is not 80.
    public var authority: String {
        let name = host.contains(":") ? "[\(host)]" : host
        return port == 80 ? name : "\(name):\(port)"
    }

    public init(parsing text: String) throws(HTTPError) {
        let bytes = Array(text.utf8)
        func invalid(_ reason: String) -> HTTPError { .invalidURL(text, reason: reason) }
        guard bytes.count <= HTTPURL.maximumLength else { throw invalid("longer than \(HTTPURL.maximumLength) bytes") }
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7f }) else {
            throw invalid("contains a space, a control character or non-ASCII (percent-encode it)")
        }
        guard let colon = bytes.firstIndex(of: 0x3a), bytes[colon...].starts(with: Array("://".utf8)) else {
            throw invalid("no scheme:// prefix")
        }
        let scheme = String(decoding: bytes[..<colon], as: UTF8.self).lowercased()
        guard let first = scheme.utf8.first, first >= 0x61 && first <= 0x7a, scheme.utf8.allSatisfy(HTTPURL.isSchemeByte) else {
            throw invalid("malformed scheme")
        }
        guard scheme == "http" else { throw HTTPError.unsupportedScheme(scheme) }
        let rest = bytes[(colon + 3)...]
        let authorityEnd = rest.firstIndex { $0 == 0x2f || $0 == 0x3f || $0 == 0x23 } ?? rest.endIndex  // / ? #
        let authority = rest[..<authorityEnd]
        guard !authority.isEmpty else { throw invalid("no host") }
        guard !authority.contains(0x40) else { throw invalid("user information (user@host) is not supported") }

        var hostBytes: ArraySlice<UInt8>
        var portBytes: ArraySlice<UInt8>? = nil
        if authority.first == 0x5b {  // [IPv6]
            guard let close = authority.firstIndex(of: 0x5d) else { throw invalid("unclosed [ in the host") }
            hostBytes = authority[(authority.startIndex + 1)..<close]
            let after = authority[(close + 1)...]
            if !after.isEmpty {
                guard after.first == 0x3a else { throw invalid("bytes after the bracketed host") }
                portBytes = after.dropFirst()
            }
            guard hostBytes.contains(0x3a), hostBytes.allSatisfy(HTTPURL.isIPv6Byte) else {
                throw invalid("malformed IPv6 address in brackets")
            }
        } else {
            hostBytes = authority
            if let portColon = authority.firstIndex(of: 0x3a) {
                hostBytes = authority[..<portColon]
                portBytes = authority[(portColon + 1)...]
            }
            guard !hostBytes.isEmpty, hostBytes.count <= 253, hostBytes.allSatisfy(HTTPURL.isHostByte) else {
                throw invalid("malformed host (letters, digits, '-', '.', '_' and '~' only)")
            }
        }
        var port: UInt16 = 80
        if let portBytes {
            guard !portBytes.isEmpty, portBytes.count <= 5, portBytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  let value = Int(String(decoding: portBytes, as: UTF8.self)), value >= 1, value <= 65535 else {
                throw invalid("port must be 1 to 65535")
            }
            port = UInt16(value)
        }
        var targetBytes = rest[authorityEnd...]
        if let hash = targetBytes.firstIndex(of: 0x23) { targetBytes = targetBytes[..<hash] }  // a fragment is never sent
        var target = String(decoding: targetBytes, as: UTF8.self)
        if !target.hasPrefix("/") { target = "/" + target }  // "" or "?query"
        self.host = String(decoding: hostBytes, as: UTF8.self)
        self.port = port
        self.target = target
    }

    private static func isSchemeByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == 0x2b || byte == 0x2d || byte == 0x2e  // + - .
    }

    private static func isHostByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == 0x2d || byte == 0x2e || byte == 0x5f || byte == 0x7e  // - . _ ~
    }

    private static func isIPv6Byte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x66) || (byte >= 0x41 && byte <= 0x46)
            || byte == 0x3a || byte == 0x2e
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a)
    }
}
