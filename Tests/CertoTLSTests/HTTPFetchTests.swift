// HTTPFetcher against peers on 127.0.0.1: the exact request bytes for GET and POST, bodies delimited by
// Content-Length and by close, statuses, size limits, garbage, and servers that hang or trickle (each
// must end within the timeout plus a second). Then the URL and response-head parsers on their own.
import Foundation
import Testing
@testable import CertoTLS

@Suite("HTTP fetch")
struct HTTPFetchTests {
    /// For cases that end with the peer's answer: generous, as on a stalled machine it costs nothing.
    static let answerTimeout = 15.0

    static func answer(_ head: String, _ body: [UInt8] = []) -> [UInt8] { Array(head.utf8) + body }

    static func expectError(_ expected: HTTPError, _ request: HTTPRequest) {
        do {
            let response = try HTTPFetcher.fetch(request)
            Issue.record("expected \(expected), got status \(response.status) with \(response.body.count) bytes")
        } catch {
            #expect(error == expected)
        }
    }

    @Test("GET: the request line, Host with the port, Connection: close; a Content-Length body")
    func get() throws {
        let body = Array("hello, ocsp".utf8)
        let server = try HTTPLoopbackServer(.respondAndHold(Self.answer(
            "HTTP/1.1 200 OK\r\nContent-Type: application/ocsp-response\r\nContent-Length: \(body.count)\r\n\r\n", body)))
        defer { server.stop() }
        // respondAndHold: the body must end by Content-Length, not by the close that never comes.
        let response = try HTTPFetcher.fetch(HTTPRequest(url: server.url + "/ocsp/MEow?x=1#fragment", timeout: Self.answerTimeout))
        #expect(response == HTTPResponse(status: 200, contentType: "application/ocsp-response", body: body))
        let request = try #require(server.request())
        #expect(String(decoding: request, as: UTF8.self)
            == "GET /ocsp/MEow?x=1 HTTP/1.0\r\nHost: 127.0.0.1:\(server.port)\r\nUser-Agent: certo\r\nConnection: close\r\n\r\n")
    }

    @Test("POST: Content-Type, Content-Length and the body as sent")
    func post() throws {
        let payload: [UInt8] = [0x30, 0x03, 0x02, 0x01, 0x00, 0x0d, 0x0a, 0x00]
        let server = try HTTPLoopbackServer(.respond(Self.answer("HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nabc")))
        defer { server.stop() }
        let response = try HTTPFetcher.fetch(HTTPRequest(
            url: server.url, method: .post, body: payload, contentType: "application/ocsp-request", timeout: Self.answerTimeout))
        #expect(response.body == Array("abc".utf8))
        #expect(response.contentType == nil)
        let request = try #require(server.request())
        let head = "POST / HTTP/1.0\r\nHost: 127.0.0.1:\(server.port)\r\nUser-Agent: certo\r\nContent-Type: application/ocsp-request\r\n"
            + "Content-Length: 8\r\nConnection: close\r\n\r\n"
        #expect(request == Array(head.utf8) + payload)
    }

    @Test("no Content-Length: the body runs to the close; 64 KiB and more arrive whole")
    func closeDelimited() throws {
        let body = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        let server = try HTTPLoopbackServer(.respond(Self.answer("HTTP/1.0 200 OK\r\nContent-Type: application/pkix-crl\r\n\r\n", body)))
        defer { server.stop() }
        let response = try HTTPFetcher.fetch(HTTPRequest(url: server.url + "/root.crl", timeout: Self.answerTimeout))
        #expect(response.body == body)
        #expect(response.contentType == "application/pkix-crl")
    }

    @Test("a body of exactly the limit is accepted")
    func bodyAtTheLimit() throws {
        let body = [UInt8](repeating: 0x41, count: 1000)
        let server = try HTTPLoopbackServer(.respond(Self.answer("HTTP/1.0 200 OK\r\n\r\n", body)))
        defer { server.stop() }
        #expect(try HTTPFetcher.fetch(HTTPRequest(url: server.url, timeout: Self.answerTimeout, maximumResponseBytes: 1000)).body == body)
    }

    struct AnswerCase: Sendable, CustomStringConvertible {
        let name: String
        let answer: [UInt8]
        let limit: Int
        let expected: HTTPError
        var description: String { name }
    }

    static let answerCases: [AnswerCase] = [
        AnswerCase(name: "404", answer: answer("HTTP/1.1 404 Not Found\r\nContent-Length: 9\r\n\r\nnot found"), limit: 1 << 20,
                   expected: .httpStatus(404, reason: "Not Found")),
        AnswerCase(name: "a redirect is not followed", answer: answer("HTTP/1.1 301 Moved\r\nLocation: http://elsewhere/\r\n\r\n"),
                   limit: 1 << 20, expected: .httpStatus(301, reason: "Moved")),
        AnswerCase(name: "Content-Length over the limit, refused before reading",
                   answer: answer("HTTP/1.1 200 OK\r\nContent-Length: 1001\r\n\r\n", [UInt8](repeating: 0, count: 1001)), limit: 1000,
                   expected: .responseTooLarge(limit: 1000)),
        AnswerCase(name: "a close-delimited body over the limit", answer: answer("HTTP/1.0 200 OK\r\n\r\n", [UInt8](repeating: 0, count: 5000)),
                   limit: 1000, expected: .responseTooLarge(limit: 1000)),
        AnswerCase(name: "garbage", answer: [0x16, 0x03, 0x01, 0x00, 0x05, 0xff], limit: 1 << 20,
                   expected: .malformedResponse("not an HTTP response (first bytes: 1603010005ff)")),
        AnswerCase(name: "an SSH banner", answer: answer("SSH-2.0-OpenSSH_9.6\r\n"), limit: 1 << 20,
                   expected: .malformedResponse("not an HTTP response (first bytes: 5353482d322e302d4f70656e5353485f \"SSH-2.0-OpenSSH_\")")),
        AnswerCase(name: "a body shorter than its Content-Length",
                   answer: answer("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", [UInt8](repeating: 1, count: 10)), limit: 1 << 20,
                   expected: .malformedResponse("connection closed after 10 of 100 body bytes")),
        AnswerCase(name: "chunked, though HTTP/1.0 was asked",
                   answer: answer("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"), limit: 1 << 20,
                   expected: .malformedResponse("Transfer-Encoding \"chunked\" in an answer to an HTTP/1.0 request")),
        AnswerCase(name: "closed inside the headers", answer: answer("HTTP/1.1 200 OK\r\nContent-Le"), limit: 1 << 20,
                   expected: .malformedResponse("connection closed inside the headers (27 bytes)")),
        AnswerCase(name: "a head longer than 16 KiB",
                   answer: answer("HTTP/1.1 200 OK\r\nX-Pad: " + String(repeating: "a", count: 20_000) + "\r\n\r\n"), limit: 1 << 20,
                   expected: .malformedResponse("status line and headers longer than 16384 bytes")),
    ]

    @Test("answers refused with one precise error", arguments: answerCases)
    func refusedAnswer(_ answerCase: AnswerCase) throws {
        let server = try HTTPLoopbackServer(.respond(answerCase.answer))
        defer { server.stop() }
        Self.expectError(answerCase.expected, HTTPRequest(url: server.url, timeout: Self.answerTimeout, maximumResponseBytes: answerCase.limit))
    }

    @Test("a server that closes without answering")
    func closesWithoutAnswer() throws {
        let server = try HTTPLoopbackServer(.closeWithoutAnswer)
        defer { server.stop() }
        Self.expectError(.connectionClosed(stage: "the status line and headers"), HTTPRequest(url: server.url, timeout: Self.answerTimeout))
    }

    @Test("nothing listening: connection refused")
    func refused() throws {
        let port = try #require(LoopbackSockets.freePort())
        Self.expectError(.connectionFailed(address: "127.0.0.1:\(port)", reason: "connection refused"),
                         HTTPRequest(url: "http://127.0.0.1:\(port)/", timeout: Self.answerTimeout))
    }

    struct StallCase: Sendable, CustomStringConvertible {
        let name: String
        let behaviour: HTTPLoopbackServer.Behaviour
        let stage: String
        var description: String { name }
    }

    static let stallCases: [StallCase] = [
        StallCase(name: "accepts and never answers", behaviour: .hang, stage: "the status line and headers"),
        StallCase(name: "sends the head, then holds the body back",
                  behaviour: .respondAndHold(answer("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n12345")), stage: "the body"),
        StallCase(name: "trickles its head a byte every 100 ms",
                  behaviour: .trickle(prefix: [], answer("HTTP/1.0 200 OK\r\nX-Slow: " + String(repeating: "a", count: 100) + "\r\n\r\n"),
                                      microseconds: 100_000),
                  stage: "the status line and headers"),
        StallCase(name: "trickles its body a byte every 100 ms",
                  behaviour: .trickle(prefix: answer("HTTP/1.0 200 OK\r\n\r\n"), [UInt8](repeating: 0x61, count: 100), microseconds: 100_000),
                  stage: "the body"),
    ]

    @Test("the whole exchange is bounded by the timeout", arguments: stallCases)
    func stalled(_ stallCase: StallCase) throws {
        let server = try HTTPLoopbackServer(stallCase.behaviour)
        defer { server.stop() }
        let start = Deadline.now()
        Self.expectError(.timedOut(seconds: 1, stage: stallCase.stage), HTTPRequest(url: server.url, timeout: 1))
        let elapsed = Deadline.now() - start
        #expect(elapsed >= 0.9 && elapsed < 2, "returned after \(elapsed) s")
    }

    static let badRequests: [(String, HTTPRequest, HTTPError)] = [
        ("https", HTTPRequest(url: "https://ocsp.example.com/"), .unsupportedScheme("https")),
        ("a GET with a body", HTTPRequest(url: "http://127.0.0.1/", body: [1]), .invalidRequest("a GET request has no body")),
        ("zero timeout", HTTPRequest(url: "http://127.0.0.1/", timeout: 0), .invalidRequest("timeout must be a positive number of seconds")),
        ("no room for a body", HTTPRequest(url: "http://127.0.0.1/", maximumResponseBytes: 0),
         .invalidRequest("maximumResponseBytes must be positive")),
        ("CR LF in the Content-Type", HTTPRequest(url: "http://127.0.0.1/", method: .post, contentType: "a\r\nX-Injected: 1"),
         .invalidRequest("Content-Type must be 1 to 256 printable ASCII characters")),
    ]

    @Test("requests refused before any socket is opened", arguments: badRequests.indices)
    func badRequest(_ index: Int) {
        let (_, request, expected) = Self.badRequests[index]
        Self.expectError(expected, request)
    }

    @Test("one-line descriptions")
    func descriptions() {
        #expect(HTTPError.timedOut(seconds: 1, stage: "the body").description == "HTTP request timed out after 1 s waiting for the body")
        #expect(HTTPError.httpStatus(404, reason: "Not Found").description == "HTTP status 404 (Not Found)")
        #expect(HTTPError.httpStatus(500, reason: "").description == "HTTP status 500")
        #expect(HTTPError.unsupportedScheme("https").description == "unsupported URL scheme \"https\": only http:// is fetched")
        let long = "http://" + String(repeating: "a", count: 100) + "\n"
        #expect(HTTPError.invalidURL(long, reason: "x").description == "invalid URL \"http://" + String(repeating: "a", count: 57) + "…\": x")
        #expect(HTTPError.shown("a\u{7}b") == "a?b")
    }
}
