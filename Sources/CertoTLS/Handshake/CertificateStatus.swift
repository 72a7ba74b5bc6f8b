// The CertificateStatus structure of RFC 6066 §8: a TLS 1.2 handshake message of its own (type 22,
// after Certificate) and, in TLS 1.3, the body of the status_request extension of a CertificateEntry
// (RFC 8446 §4.4.2.1). It yields the OCSPResponse bytes as sent; reading them (RFC 6960) is CertoX509's
// job, and whether they vouch for anything is Certo's.

enum CertificateStatus {
    /// CertificateStatusType ocsp, the only type Certo asks for.
    static let ocspStatusType: UInt8 = 1
    /// Real responses are 1 to 10 KB (a response signed by a delegated responder carries its certificate);
    /// 64 KiB leaves room for that and is well under the 256 KiB handshake cap.
    static let maximumResponseLength = 64 * 1024

    /// The DER OCSPResponse in a CertificateStatus body: status_type ocsp(1), then `opaque OCSPResponse<1..2^24-1>`.
    static func parse(body: [UInt8], message: String) throws -> [UInt8] {
        var reader = WireReader(body, message: message)
        let statusType = try reader.readUInt8("status_type")
        guard statusType == ocspStatusType else {
            throw reader.failure("status_type \(statusType) (only ocsp(1) was requested)")
        }
        let length = try reader.readUInt24("OCSPResponse length")
        guard length > 0 else { throw reader.failure("empty OCSPResponse") }
        guard length <= maximumResponseLength else {
            throw TLSError.ocspResponseTooLarge(length: length, limit: maximumResponseLength)
        }
        let response = try reader.readBytes(length, "OCSPResponse")
        try reader.expectEnd("OCSPResponse")
        return response
    }
}
