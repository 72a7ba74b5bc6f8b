// What HTTPFetcher sends and what it hands back. Only what OCSP (RFC 6960 Appendix A: GET with the
// request in the path, or POST with application/ocsp-request) and CRL downloads need: no custom
// headers, no redirects, no keep-alive.

public enum HTTPMethod: String, Sendable, Equatable {
    case get = "GET"
    case post = "POST"
}

public struct HTTPRequest: Sendable, Equatable {
    /// http://host[:port][/path][?query]; anything else is refused (HTTPURL).
    public var url: String
    public var method: HTTPMethod
    /// Sent with POST (and its Content-Length); a GET must have none.
    public var body: [UInt8]
    /// The Content-Type header, e.g. "application/ocsp-request"; none when nil.
    public var contentType: String?
    /// Seconds for the whole exchange: connect, request, status line, headers and body.
    public var timeout: Double
    /// The longest body accepted, checked against Content-Length before reading and counted while reading.
    public var maximumResponseBytes: Int

    public init(
        url: String, method: HTTPMethod = .get, body: [UInt8] = [], contentType: String? = nil,
        timeout: Double = 10, maximumResponseBytes: Int = 1 << 20
    ) {
        self.url = url
        self.method = method
        self.body = body
        self.contentType = contentType
        self.timeout = timeout
        self.maximumResponseBytes = maximumResponseBytes
    }
}

public struct HTTPResponse: Sendable, Equatable {
    /// Always 2xx: other statuses are HTTPError.httpStatus.
    public let status: Int
    /// The Content-Type header's value, if the server sent one.
    public let contentType: String?
    public let body: [UInt8]
}
