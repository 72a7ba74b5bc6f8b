// One SingleResponse of a basic OCSP response (RFC 6960 §4.2.1): the status of the certificate its
// CertID names, the time that status was known correct and when newer information will be available.
// The revocation reason follows the CRL's CRLReason rules (RevocationReason). Times are GeneralizedTime
// only, as the ASN.1 says. No single extension is interpreted; a critical one is named for the checker.
//
//   SingleResponse ::= SEQUENCE { certID CertID, certStatus CertStatus, thisUpdate GeneralizedTime,
//     nextUpdate [0] EXPLICIT GeneralizedTime OPTIONAL, singleExtensions [1] EXPLICIT Extensions OPTIONAL }
//   CertStatus ::= CHOICE { good [0] IMPLICIT NULL, revoked [1] IMPLICIT RevokedInfo, unknown [2] IMPLICIT NULL }
//   RevokedInfo ::= SEQUENCE { revocationTime GeneralizedTime, revocationReason [0] EXPLICIT CRLReason OPTIONAL }
import CertoDER

public enum OCSPCertStatus: Sendable, Hashable {
    case good
    /// `time` in Unix seconds; `reason` nil when the responder gave none.
    case revoked(time: Int64, reason: RevocationReason?)
    /// The responder does not know the certificate (RFC 6960 §2.2).
    case unknown
}

public struct OCSPSingleResponse: Sendable {
    public let certID: OCSPCertID
    public let status: OCSPCertStatus
    /// Unix seconds.
    public let thisUpdate: Int64
    /// Never before thisUpdate; nil when the responder always has newer information (§4.2.2.1).
    public let nextUpdate: Int64?
    /// singleExtensions (empty when absent).
    public let extensions: Extensions
    /// The OID of the first critical single extension, if any: none is interpreted here.
    let unhandledCriticalExtension: String?

    init(_ scanner: inout DERScanner, field: String) throws(CertificateError) {
        var parts = try scanner.enter(0x30, field)
        certID = try OCSPCertID(&parts, field: field + ".certID")
        status = try Self.certStatus(&parts, field: field + ".certStatus")
        thisUpdate = try CertificateTime.readGeneralized(&parts, field + ".thisUpdate")
        var nextUpdate: Int64?
        if parts.nextTag == 0xa0 {
            var tagged = try parts.explicit(0xa0, field + ".nextUpdate")
            let start = tagged.position
            let value = try CertificateTime.readGeneralized(&tagged, field + ".nextUpdate")
            guard value >= thisUpdate else { throw .valueOutOfRange(field: field + ".nextUpdate", offset: start) }
            nextUpdate = value
        }
        self.nextUpdate = nextUpdate
        var extensions = Extensions([])
        if parts.nextTag == 0xa1 {
            var tagged = try parts.enter(0xa1, field + ".singleExtensions")
            extensions = try Extensions(&tagged, field: field + ".singleExtensions")
            try tagged.finish(field + ".singleExtensions")
        }
        try parts.finish(field)
        self.extensions = extensions
        unhandledCriticalExtension = extensions.all.first(where: \.critical)?.oid
    }

    private static func certStatus(_ scanner: inout DERScanner, field: String) throws(CertificateError) -> OCSPCertStatus {
        guard let tag = scanner.nextTag else { throw .missingElement(field: field) }
        switch tag {
        case 0x80, 0x82:
            let tlv = try scanner.read(field)
            guard tlv.contentCount == 0 else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .null) }
            return tag == 0x80 ? .good : .unknown
        case 0xa1:
            var info = try scanner.enter(0xa1, field + ".revoked")
            let time = try CertificateTime.readGeneralized(&info, field + ".revoked.revocationTime")
            var reason: RevocationReason?
            if info.nextTag == 0xa0 {
                let reasonField = field + ".revoked.revocationReason"
                var tagged = try info.explicit(0xa0, reasonField)
                let start = tagged.position
                // CRLReason ::= ENUMERATED, with the values RFC 5280 §5.3.1 defines (7 is unused).
                let code = try tagged.smallNonNegativeInteger(reasonField, tag: 0x0a)
                guard let known = RevocationReason(rawValue: code) else { throw .valueOutOfRange(field: reasonField, offset: start) }
                reason = known
            }
            try info.finish(field + ".revoked")
            return .revoked(time: time, reason: reason)
        default:
            // [0] or [2] constructed, [1] primitive, or anything else: not an alternative of CertStatus.
            throw .unexpectedElement(field: field, offset: scanner.position, tag: tag)
        }
    }
}
