// The CLI's RevocationFetcher: CertoTLS's plain-HTTP client, with one timeout per fetch and the
// parsers' own size limits, so a responder that hangs costs at most the timeout and one that
// answers without end is cut off.
import Certo
import CertoTLS

struct HTTPRevocationFetcher: RevocationFetcher {
    let timeout: Double

    func postOCSPRequest(_ request: [UInt8], to url: String) throws(FetchFailure) -> [UInt8] {
        try fetch(HTTPRequest(url: url, method: .post, body: request, contentType: "application/ocsp-request",
                              timeout: timeout, maximumResponseBytes: OCSPResponse.maximumByteCount))
    }

    func getCRL(from url: String) throws(FetchFailure) -> [UInt8] {
        try fetch(HTTPRequest(url: url, timeout: timeout, maximumResponseBytes: CertificateRevocationList.maximumByteCount))
    }

    private func fetch(_ request: HTTPRequest) throws(FetchFailure) -> [UInt8] {
        let response: HTTPResponse
        do {
            response = try HTTPFetcher.fetch(request)
        } catch {
            throw FetchFailure(error.description)
        }
        guard response.status == 200 else { throw FetchFailure("HTTP status \(response.status)") }
        return response.body
    }
}
