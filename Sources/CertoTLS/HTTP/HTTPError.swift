// Every way a plain-HTTP fetch (an OCSP request, a CRL download) can fail, as one closed enum with a
// one-line description. URLs and reason phrases come from certificates and servers, so what is shown
// of them is cut short and stripped to printable ASCII.

public enum HTTPError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidURL(String, reason: String)
    /// Anything but http://: https would need the TLS this client does not finish, and OCSP and CRL
    /// answers are signed, so they travel over plain HTTP (RFC 6960 Appendix A, RFC 5280 §4.2.1.13).
    case unsupportedScheme(String)
    /// A request this client will not send: a GET with a body, a bad timeout or limit, a Content-Type with control characters.
    case invalidRequest(String)
    case connectionFailed(address: String, reason: String)
    /// The whole exchange (connect, request, response) ran past the request's timeout; `stage` is what was awaited.
    case timedOut(seconds: Double, stage: String)
    case connectionClosed(stage: String)
    /// The body is longer than HTTPRequest.maximumResponseBytes (said by Content-Length, or counted while reading).
    case responseTooLarge(limit: Int)
    case malformedResponse(String)
    /// Any status outside 2xx; the body is not read. Redirects are not followed.
    case httpStatus(Int, reason: String)

    public var description: String {
        switch self {
        case .invalidURL(let url, let reason):
            return "invalid URL \"\(HTTPError.shown(url))\": \(reason)"
        case .unsupportedScheme(let scheme):
            return "unsupported URL scheme \"\(HTTPError.shown(scheme))\": only http:// is fetched"
        case .invalidRequest(let reason):
            return "invalid HTTP request: \(reason)"
        case .connectionFailed(let address, let reason):
            return "cannot connect to \(HTTPError.shown(address)): \(reason)"
        case .timedOut(let seconds, let stage):
            return "HTTP request timed out after \(formatSeconds(seconds)) s waiting for \(stage)"
        case .connectionClosed(let stage):
            return "HTTP server closed the connection while waiting for \(stage)"
        case .responseTooLarge(let limit):
            return "HTTP response body exceeds the limit of \(limit) bytes"
        case .malformedResponse(let reason):
            return "malformed HTTP response: \(reason)"
        case .httpStatus(let status, let reason):
            return reason.isEmpty ? "HTTP status \(status)" : "HTTP status \(status) (\(HTTPError.shown(reason)))"
        }
    }

    /// At most the first 64 characters, printable ASCII only, "…" when cut.
    static func shown(_ text: String) -> String {
        var out = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 64 { return out + "…" }
            out.unicodeScalars.append(scalar.value >= 0x20 && scalar.value < 0x7f ? scalar : "?")
            count += 1
        }
        return out
    }
}
