// The HTTP client's parsers on their own: http:// URLs (host forms, ports, targets, everything refused)
// and response heads (status lines, fields, Content-Length), table-driven.
import Testing
@testable import CertoTLS

@Suite("HTTP parsing")
struct HTTPParsingTests {
    struct URLCase: Sendable, CustomStringConvertible {
        let text: String
        let host: String
        let port: UInt16
        let target: String
        let authority: String
        var description: String { text }
    }

    static let urls: [URLCase] = [
        URLCase(text: "http://ocsp.example.com", host: "ocsp.example.com", port: 80, target: "/", authority: "ocsp.example.com"),
        URLCase(text: "http://ocsp.example.com:8080/a/b?c=d#frag", host: "ocsp.example.com", port: 8080, target: "/a/b?c=d",
                authority: "ocsp.example.com:8080"),
        URLCase(text: "HTTP://Example.COM?x=%2F", host: "Example.COM", port: 80, target: "/?x=%2F", authority: "Example.COM"),
        URLCase(text: "http://192.0.2.1:80/crl", host: "192.0.2.1", port: 80, target: "/crl", authority: "192.0.2.1"),
        URLCase(text: "http://[::1]:8080/x", host: "::1", port: 8080, target: "/x", authority: "[::1]:8080"),
        URLCase(text: "http://[2001:db8::1]", host: "2001:db8::1", port: 80, target: "/", authority: "[2001:db8::1]"),
        URLCase(text: "http://crl_host.example/#", host: "crl_host.example", port: 80, target: "/", authority: "crl_host.example"),
    ]

    @Test("URLs taken apart", arguments: urls)
    func url(_ urlCase: URLCase) throws {
        let url = try HTTPURL(parsing: urlCase.text)
        #expect(url.host == urlCase.host)
        #expect(url.port == urlCase.port)
        #expect(url.target == urlCase.target)
        #expect(url.authority == urlCase.authority)
    }

    static let badURLs: [(String, HTTPError)] = [
        ("https://ocsp.example.com/", .unsupportedScheme("https")),
        ("HTTPS://ocsp.example.com/", .unsupportedScheme("https")),
        ("ldap://ldap.example.com/cn=CA?certificateRevocationList", .unsupportedScheme("ldap")),
        ("ocsp.example.com/path", .invalidURL("ocsp.example.com/path", reason: "no scheme:// prefix")),
        ("mailto:ca@example.com", .invalidURL("mailto:ca@example.com", reason: "no scheme:// prefix")),
        ("1ttp://x/", .invalidURL("1ttp://x/", reason: "malformed scheme")),
        ("http://", .invalidURL("http://", reason: "no host")),
        ("http:///path", .invalidURL("http:///path", reason: "no host")),
        ("http://user:pw@host/", .invalidURL("http://user:pw@host/", reason: "user information (user@host) is not supported")),
        ("http://host:0/", .invalidURL("http://host:0/", reason: "port must be 1 to 65535")),
        ("http://host:65536/", .invalidURL("http://host:65536/", reason: "port must be 1 to 65535")),
        ("http://host:/", .invalidURL("http://host:/", reason: "port must be 1 to 65535")),
        ("http://host:8a/", .invalidURL("http://host:8a/", reason: "port must be 1 to 65535")),
        ("http://a:1:2/", .invalidURL("http://a:1:2/", reason: "port must be 1 to 65535")),
        ("http://ho st/", .invalidURL("http://ho st/", reason: "contains a space, a control character or non-ASCII (percent-encode it)")),
        ("http://host/a\r\nX: y", .invalidURL("http://host/a\r\nX: y", reason: "contains a space, a control character or non-ASCII (percent-encode it)")),
        ("http://hôst/", .invalidURL("http://hôst/", reason: "contains a space, a control character or non-ASCII (percent-encode it)")),
        ("http://ho%73t/", .invalidURL("http://ho%73t/", reason: "malformed host (letters, digits, '-', '.', '_' and '~' only)")),
        ("http://[::1/", .invalidURL("http://[::1/", reason: "unclosed [ in the host")),
        ("http://[example.com]/", .invalidURL("http://[example.com]/", reason: "malformed IPv6 address in brackets")),
        ("http://[::1]x/", .invalidURL("http://[::1]x/", reason: "bytes after the bracketed host")),
        ("http://" + String(repeating: "a", count: 8200), .invalidURL("http://" + String(repeating: "a", count: 8200), reason: "longer than 8192 bytes")),
    ]

    @Test("URLs refused", arguments: badURLs.indices)
    func badURL(_ index: Int) {
        let (text, expected) = Self.badURLs[index]
        #expect(throws: expected) { _ = try HTTPURL(parsing: text) }
    }

    static func head(_ text: String) throws(HTTPError) -> HTTPResponseHead {
        let bytes = Array(text.utf8)
        return try HTTPResponseHead(bytes[...])
    }

    @Test("heads: status, reason, fields with their spaces trimmed, Content-Length")
    func goodHeads() throws {
        let parsed = try Self.head("HTTP/1.1 200 OK\r\nContent-Type:  application/ocsp-response \r\ncontent-length: 42\r\nX-Empty:\r\nContent-Length: 42")
        #expect(parsed.status == 200)
        #expect(parsed.reason == "OK")
        #expect(parsed.values("content-type") == ["application/ocsp-response"])
        #expect(parsed.values("x-empty") == [""])
        #expect(try parsed.contentLength() == 42)
        let bare = try Self.head("HTTP/1.0 204")
        #expect(bare.status == 204 && bare.reason.isEmpty && bare.fields.isEmpty)
        #expect(try bare.contentLength() == nil)
        #expect(try Self.head("HTTP/1.1 503 Service Unavailable").reason == "Service Unavailable")
    }

    static let badHeads: [(String, HTTPError)] = [
        ("HTTP/2 200 OK", .malformedResponse("status line \"HTTP/2 200 OK\" is not HTTP/1.x NNN reason")),
        ("HTTP/1.1 20 OK", .malformedResponse("status line \"HTTP/1.1 20 OK\" is not HTTP/1.x NNN reason")),
        ("HTTP/1.1 2000 OK", .malformedResponse("status line \"HTTP/1.1 2000 OK\" is not HTTP/1.x NNN reason")),
        ("HTTP/1.1  200 OK", .malformedResponse("status line \"HTTP/1.1  200 OK\" is not HTTP/1.x NNN reason")),
        ("HTTP/1.1 099 Low", .malformedResponse("status code 99")),
        ("HTTP/1.1 600 High", .malformedResponse("status code 600")),
        ("HTTP/1.1 200 O\u{1}K", .malformedResponse("control character in the reason phrase")),
        ("HTTP/1.1 200 OK\nContent-Length: 1", .malformedResponse("LF without CR in line 1")),
        ("HTTP/1.1 200 OK\r\nA: b\rc", .malformedResponse("CR without LF in line 2")),
        ("HTTP/1.1 200 OK\r\nContent-Length : 1", .malformedResponse("header line 1 has a malformed field name")),
        ("HTTP/1.1 200 OK\r\n: 1", .malformedResponse("header line 1 has a malformed field name")),
        ("HTTP/1.1 200 OK\r\nA: b\r\n folded", .malformedResponse("folded header line 2 (obsolete line folding)")),
        ("HTTP/1.1 200 OK\r\nNoColon", .malformedResponse("header line 1 has no colon")),
        ("HTTP/1.1 200 OK\r\nA: b\u{0}c", .malformedResponse("control character in header line 1")),
        ("HTTP/1.1 200 OK\r\n" + String(repeating: "A: b\r\n", count: 64) + "A: b", .malformedResponse("more than 64 header fields")),
    ]

    @Test("heads refused", arguments: badHeads.indices)
    func badHead(_ index: Int) {
        let (text, expected) = Self.badHeads[index]
        #expect(throws: expected) { _ = try Self.head(text) }
    }

    static let badLengths: [(String, HTTPError)] = [
        ("Content-Length: 5\r\nContent-Length: 6", .malformedResponse("conflicting Content-Length fields")),
        ("Content-Length: 5, 5", .malformedResponse("Content-Length \"5, 5\" is not a decimal number")),
        ("Content-Length: -1", .malformedResponse("Content-Length \"-1\" is not a decimal number")),
        ("Content-Length: +1", .malformedResponse("Content-Length \"+1\" is not a decimal number")),
        ("Content-Length:", .malformedResponse("Content-Length \"\" is not a decimal number")),
        ("Content-Length: 9999999999999999999", .malformedResponse("Content-Length \"9999999999999999999\" is not a decimal number")),
    ]

    @Test("Content-Length must be one decimal number", arguments: badLengths.indices)
    func badLength(_ index: Int) throws {
        let (fields, expected) = Self.badLengths[index]
        let parsed = try Self.head("HTTP/1.1 200 OK\r\n" + fields)
        #expect(throws: expected) { _ = try parsed.contentLength() }
    }

    @Test("the request bytes: HTTP/1.0, Host without :80")
    func encoding() throws {
        let request = HTTPRequest(url: "http://ocsp.example.com/a")
        let bytes = HTTPFetcher.encode(request, url: try HTTPURL(parsing: request.url))
        #expect(String(decoding: bytes, as: UTF8.self)
            == "GET /a HTTP/1.0\r\nHost: ocsp.example.com\r\nUser-Agent: certo\r\nConnection: close\r\n\r\n")
    }
}
