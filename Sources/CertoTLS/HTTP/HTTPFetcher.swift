// A minimal plain-HTTP client for OCSP responders and CRL distribution points: one HTTP/1.0 request
// per connection (so no chunked transfer coding and no keep-alive; a Transfer-Encoding answer is
// refused), the body delimited by Content-Length or by the server closing. Everything after name
// resolution runs under one deadline (getaddrinfo has no timeout, as in TCPConnection), and the head
// and body are bounded while they are read. It does not follow redirects or speak https: what it
// fetches is signed, and the caller verifies it.

public enum HTTPFetcher {
    /// Sends `request` and returns a 2xx response with its whole body.
    public static func fetch(_ request: HTTPRequest) throws(HTTPError) -> HTTPResponse {
        let url = try HTTPURL(parsing: request.url)
        try validate(request)
        let deadline = Deadline(secondsFromNow: request.timeout)
        do {
            return try exchange(request, url: url, deadline: deadline)
        } catch let error as HTTPError {
            throw error
        } catch let error as TLSError {
            throw transportError(error, url: url, timeout: request.timeout)
        } catch {
            throw HTTPError.connectionFailed(address: url.authority, reason: "\(error)")
        }
    }

    private static func validate(_ request: HTTPRequest) throws(HTTPError) {
        guard request.timeout > 0, request.timeout.isFinite else {
            throw HTTPError.invalidRequest("timeout must be a positive number of seconds")
        }
        guard request.maximumResponseBytes > 0 else {
            throw HTTPError.invalidRequest("maximumResponseBytes must be positive")
        }
        guard request.method == .post || request.body.isEmpty else {
            throw HTTPError.invalidRequest("a GET request has no body")
        }
        if let type = request.contentType {
            guard !type.isEmpty, type.utf8.count <= 256, type.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) else {
                throw HTTPError.invalidRequest("Content-Type must be 1 to 256 printable ASCII characters")
            }
        }
    }

    /// The request's bytes: request line, Host, Connection: close, and for POST the body's type and length.
    static func encode(_ request: HTTPRequest, url: HTTPURL) -> [UInt8] {
        var head = "\(request.method.rawValue) \(url.target) HTTP/1.0\r\nHost: \(url.authority)\r\nUser-Agent: certo\r\n"
        if let type = request.contentType { head += "Content-Type: \(type)\r\n" }
        if request.method == .post { head += "Content-Length: \(request.body.count)\r\n" }
        head += "Connection: close\r\n\r\n"
        return Array(head.utf8) + request.body
    }

    private static func exchange(_ request: HTTPRequest, url: HTTPURL, deadline: Deadline) throws -> HTTPResponse {
        let remaining = deadline.end - Deadline.now()
        guard remaining > 0 else { throw HTTPError.timedOut(seconds: request.timeout, stage: "the connection to \(url.authority)") }
        let connection = try TCPConnection.connect(host: url.host, port: url.port, timeout: remaining)
        defer { connection.close() }
        try connection.send(encode(request, url: url), deadline: deadline, stage: "the request to be sent")

        var buffer = try readHead(connection, deadline: deadline)
        let head = try HTTPResponseHead(buffer.head)
        guard head.status >= 200 && head.status <= 299 else { throw HTTPError.httpStatus(head.status, reason: head.reason) }
        if let coding = head.values("transfer-encoding").first {
            throw HTTPError.malformedResponse("Transfer-Encoding \"\(HTTPError.shown(coding))\" in an answer to an HTTP/1.0 request")
        }
        let contentType = head.values("content-type").first
        let limit = request.maximumResponseBytes
        var body = buffer.rest
        buffer.rest = []
        if head.status == 204 {  // RFC 9110 §15.3.5: no content, whatever follows
            return HTTPResponse(status: head.status, contentType: contentType, body: [])
        }
        if let length = try head.contentLength() {
            guard length <= limit else { throw HTTPError.responseTooLarge(limit: limit) }
            while body.count < length {
                let chunk = try connection.receive(maximum: min(length - body.count, 65536), deadline: deadline, stage: "the body")
                if chunk.isEmpty {
                    throw HTTPError.malformedResponse("connection closed after \(body.count) of \(length) body bytes")
                }
                body += chunk
            }
            if body.count > length { body.removeSubrange(length...) }  // bytes past Content-Length are not the response's
            return HTTPResponse(status: head.status, contentType: contentType, body: body)
        }
        // No Content-Length: the body ends when the server closes (RFC 9112 §6.3, item 8).
        guard body.count <= limit else { throw HTTPError.responseTooLarge(limit: limit) }
        while true {
            // One byte past the limit is enough to know it is exceeded; written so that limit == Int.max cannot overflow.
            let wanted = limit - body.count < 65536 ? limit - body.count + 1 : 65536
            let chunk = try connection.receive(maximum: wanted, deadline: deadline, stage: "the body")
            if chunk.isEmpty { return HTTPResponse(status: head.status, contentType: contentType, body: body) }
            body += chunk
            guard body.count <= limit else { throw HTTPError.responseTooLarge(limit: limit) }
        }
    }

    /// Reads up to the blank line that ends the head; returns the head (without it) and the body bytes read with it.
    private static func readHead(_ connection: TCPConnection, deadline: Deadline) throws -> (head: ArraySlice<UInt8>, rest: [UInt8]) {
        var received: [UInt8] = []
        let stage = "the status line and headers"
        while true {
            let chunk = try connection.receive(maximum: 4096, deadline: deadline, stage: stage)
            if chunk.isEmpty {
                if received.isEmpty { throw HTTPError.connectionClosed(stage: stage) }
                throw HTTPError.malformedResponse("connection closed inside the headers (\(received.count) bytes)")
            }
            let searchFrom = max(0, received.count - 3)
            received += chunk
            // Garbage is refused at once rather than after 16 KiB or the timeout.
            let prefix = Array("HTTP/".utf8)
            guard received.prefix(prefix.count).elementsEqual(prefix.prefix(min(received.count, prefix.count))) else {
                throw HTTPError.malformedResponse("not an HTTP response (first bytes: \(hexPreview(received)))")
            }
            if let end = blankLine(in: received, from: searchFrom) {
                guard end <= HTTPResponseHead.maximumBytes else { break }
                return (received[..<end], Array(received[(end + 4)...]))
            }
            if received.count > HTTPResponseHead.maximumBytes + 4 { break }
        }
        throw HTTPError.malformedResponse("status line and headers longer than \(HTTPResponseHead.maximumBytes) bytes")
    }

    /// The index of the first CR LF CR LF at or after `start`.
    private static func blankLine(in bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 3 < bytes.count {
            if bytes[index] == 0x0d && bytes[index + 1] == 0x0a && bytes[index + 2] == 0x0d && bytes[index + 3] == 0x0a {
                return index
            }
            index += 1
        }
        return nil
    }

    /// TCPConnection reports in TLSError's terms; here they become HTTP's, with the request's own timeout.
    private static func transportError(_ error: TLSError, url: HTTPURL, timeout: Double) -> HTTPError {
        switch error {
        case .invalidHost(let host):
            return .invalidURL(host, reason: "unusable host")
        case .dnsFailure(let host, let reason):
            return .connectionFailed(address: host, reason: "cannot resolve: \(reason)")
        case .connectionRefused(let address):
            return .connectionFailed(address: address, reason: "connection refused")
        case .unreachable(let address, let reason):
            return .connectionFailed(address: address, reason: reason)
        case .connectTimeout(let address, _):
            return .timedOut(seconds: timeout, stage: "the connection to \(address)")
        case .readTimeout(let stage, _):
            return .timedOut(seconds: timeout, stage: stage)
        case .connectionClosed(let stage):
            return .connectionClosed(stage: stage)
        default:
            return .connectionFailed(address: url.authority, reason: error.description)
        }
    }
}
