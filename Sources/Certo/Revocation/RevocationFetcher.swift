// How the Verifier fetches revocation answers it was not given: over HTTP, with the caller's own
// client (the library has no network code). OCSP requests go by POST to the certificate's
// authorityInfoAccess responder (RFC 6960 Appendix A.1), CRLs by GET from its cRLDistributionPoints
// (RFC 5280 §4.2.1.13). Plain http is what both RFCs define: the answers are signed and checked.
// The implementation owns timeouts and size limits; a failure is reported, never trusted.

/// Fetches OCSP responses and CRLs over HTTP for a Verifier; implement it with your HTTP client.
public protocol RevocationFetcher: Sendable {
    /// POSTs `request` (DER, Content-Type application/ocsp-request) to `url` and returns the body
    /// of a 200 answer (application/ocsp-response).
    func postOCSPRequest(_ request: [UInt8], to url: String) throws(FetchFailure) -> [UInt8]
    /// GETs the CRL (DER) at `url`.
    func getCRL(from url: String) throws(FetchFailure) -> [UInt8]
}
