// An OCSP response (RFC 6960 §4.2.1) as a responder sends it, parsed strictly: a status, and for a
// successful one the response bytes, which must then be present (and absent otherwise) and must be
// the basic response type, the only one RFC 6960 defines; any other type is refused by its OID. The
// signature and everything it vouches for are the revocation checker's to judge.
//
//   OCSPResponse ::= SEQUENCE { responseStatus OCSPResponseStatus,
//     responseBytes [0] EXPLICIT ResponseBytes OPTIONAL }
//   ResponseBytes ::= SEQUENCE { responseType OBJECT IDENTIFIER, response OCTET STRING }
import CertoDER

/// OCSPResponseStatus (RFC 6960 §4.2.1); 4 is not used.
public enum OCSPResponseStatus: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case successful = 0
    case malformedRequest = 1
    case internalError = 2
    case tryLater = 3
    case sigRequired = 5
    case unauthorized = 6

    public var description: String {
        switch self {
        case .successful: return "successful"
        case .malformedRequest: return "malformedRequest"
        case .internalError: return "internalError"
        case .tryLater: return "tryLater"
        case .sigRequired: return "sigRequired"
        case .unauthorized: return "unauthorized"
        }
    }
}

public struct OCSPResponse: Sendable {
    /// The whole DER of the response.
    public let derBytes: [UInt8]
    public let status: OCSPResponseStatus
    /// The basic response; present exactly when `status` is successful.
    public let basic: BasicOCSPResponse?

    /// The largest response accepted (real ones are a few KiB, with certificates a few more).
    public static let maximumByteCount = 1 << 20

    public init(derEncoded: [UInt8]) throws(CertificateError) {
        guard derEncoded.count <= Self.maximumByteCount else {
            throw .inputTooLarge(byteCount: derEncoded.count, limit: Self.maximumByteCount)
        }
        let bytes = derEncoded[...]
        guard !bytes.isEmpty else { throw .malformedDER(offset: 0, problem: .empty) }
        var outer = DERScanner(bytes)
        var fields = try outer.enter(0x30, "ocspResponse")
        if !outer.isAtEnd { throw .malformedDER(offset: outer.position, problem: .trailingData) }
        let statusStart = fields.position
        let code = try fields.smallNonNegativeInteger("ocspResponse.responseStatus", tag: 0x0a)
        guard let status = OCSPResponseStatus(rawValue: code) else {
            throw .valueOutOfRange(field: "ocspResponse.responseStatus", offset: statusStart)
        }
        var basic: BasicOCSPResponse?
        if status == .successful || fields.nextTag == 0xa0 {
            // Only a successful response carries responseBytes, and it must (§4.2.1: the others have no body).
            guard status == .successful else {
                throw .unexpectedElement(field: "ocspResponse.responseBytes", offset: fields.position, tag: 0xa0)
            }
            var tagged = try fields.explicit(0xa0, "ocspResponse.responseBytes")
            var responseBytes = try tagged.enter(0x30, "ocspResponse.responseBytes")
            let type = try responseBytes.objectIdentifier("ocspResponse.responseBytes.responseType")
            guard type.equals(OID.ocspBasic) else { throw .unsupportedOCSPResponseType(oid: ObjectIdentifierEncoding.dotted(type)) }
            let responseTLV = try responseBytes.read(0x04, "ocspResponse.responseBytes.response")
            try responseBytes.finish("ocspResponse.responseBytes")
            do {
                basic = try BasicOCSPResponse(derEncoded, range: responseTLV.contentRange)
            } catch {
                throw error.prefixed("ocspResponse.responseBytes.response")
            }
        }
        try fields.finish("ocspResponse")
        self.derBytes = derEncoded
        self.status = status
        self.basic = basic
    }
}

extension OID {
    // MARK: OCSP (RFC 6960 §4.2.1, §4.4.1): id-pkix-ocsp is 1.3.6.1.5.5.7.48.1
    static let ocspBasic: [UInt8] = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x01]
    static let ocspNonce: [UInt8] = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x02]
}
