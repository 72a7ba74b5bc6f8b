// An HTTP server on 127.0.0.1 (an ephemeral port, never another address) for the revocation fetch
// tests: every connection is read to the end of its request (head, then a Content-Length body) and
// answered by the test's closure with the bytes to send, or never. Unlike HTTPLoopbackServer it serves
// any number of connections, one thread each, and the answer may depend on the request: the OCSP
// responder hands each POSTed request to `openssl ocsp -index ... -reqin` and sends back what openssl
// answered (openssl stays the real responder; only the socket is ours, because `openssl ocsp -port`
// in OpenSSL 3.0 binds every interface). As in OneConnectionListener, each thread closes its own
// descriptor and stop() only shuts descriptors down, so no descriptor number is reused under a thread.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

final class LoopbackHTTPResponder: @unchecked Sendable {
    struct Request: Sendable {
        let method: String
        let path: String
        /// Header lines as sent, without the request line.
        let headers: [String]
        let body: [UInt8]

        func header(_ name: String) -> String? {
            let prefix = name.lowercased() + ":"
            return headers.first { $0.lowercased().hasPrefix(prefix) }
                .map { String($0.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces) }
        }
    }

    enum Answer: Sendable {
        /// These bytes, then the connection closed from this side.
        case bytes([UInt8])
        /// Nothing, ever: the connection is held until the client gives up or stop().
        case hang
    }

    let port: UInt16
    private let listener: Int32
    private let answer: @Sendable (Request) -> Answer
    private let lock = NSLock()
    private var listenerOpen = true
    private var connections: Set<Int32> = []
    private var stopped = false
    private var seen: [Request] = []

    init(_ answer: @escaping @Sendable (Request) -> Answer) throws {
        guard let (fd, port) = LoopbackSockets.listen() else { throw ServerStartError(description: "cannot listen on 127.0.0.1") }
        listener = fd
        self.port = port
        self.answer = answer
        Thread { [self] in self.acceptConnections() }.start()
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    /// The requests read so far, in the order they were read.
    var requests: [Request] {
        lock.lock()
        defer { lock.unlock() }
        return seen
    }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        if listenerOpen { shutdown(listener, Int32(SHUT_RDWR)) }
        for connection in connections { shutdown(connection, Int32(SHUT_RDWR)) }
    }

    /// An HTTP/1.0 200 answer with a Content-Length.
    static func ok(_ body: [UInt8], contentType: String) -> [UInt8] {
        Array("HTTP/1.0 200 OK\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
    }

    /// The answer of an OCSP responder: `ca`'s openssl answer to the POSTed request, or a 500 when
    /// openssl refused it (the test then fails on the verdict).
    static func ocspResponder(_ ca: OpenSSLCA) -> @Sendable (Request) -> Answer {
        { request in
            guard request.method == "POST", let response = try? ca.respond(toOCSPRequest: request.body) else {
                return .bytes(Array("HTTP/1.0 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n".utf8))
            }
            return .bytes(ok(response, contentType: "application/ocsp-response"))
        }
    }

    // MARK: The threads

    private func acceptConnections() {
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 && errno == EINTR { continue }
            lock.lock()
            if client < 0 || stopped {
                if client >= 0 { close(client) }
                close(listener)
                listenerOpen = false
                lock.unlock()
                return
            }
            connections.insert(client)
            lock.unlock()
            Thread { [self] in self.serve(client) }.start()
        }
    }

    private func serve(_ client: Int32) {
        if let request = readRequest(client) {
            lock.lock()
            seen.append(request)
            lock.unlock()
            if case .bytes(let bytes) = answer(request) {
                sendAll(client, bytes)
                // Half-close and wait for the client's close, so that nothing it has not read is reset away.
                shutdown(client, Int32(SHUT_WR))
            }
        }
        drain(client)
        lock.lock()
        connections.remove(client)
        close(client)
        lock.unlock()
    }

    /// The head up to its blank line and as many body bytes as Content-Length says (at most 1 MiB);
    /// nil when the client closes first.
    private func readRequest(_ client: Int32) -> Request? {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let separator: [UInt8] = [13, 10, 13, 10]
        while bytes.count < 1 << 20 {
            if let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<($0 + 4)]) == separator }) {
                let lines = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
                let requestLine = lines[0].split(separator: " ").map(String.init)
                let headers = Array(lines.dropFirst())
                let partial = Request(method: requestLine.first ?? "", path: requestLine.count > 1 ? requestLine[1] : "",
                                      headers: headers, body: [])
                let length = Int(partial.header("Content-Length") ?? "0") ?? 0
                if bytes.count >= end + 4 + length {
                    return Request(method: partial.method, path: partial.path, headers: headers,
                                   body: Array(bytes[(end + 4)..<(end + 4 + length)]))
                }
            }
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { return nil }
            bytes += buffer[..<count]
        }
        return nil
    }

    private func sendAll(_ client: Int32, _ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(client, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
            offset += sent
        }
    }

    private func drain(_ client: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while recv(client, &buffer, buffer.count, 0) > 0 {}
    }
}
