// One entry of a CRL's revokedCertificates (RFC 5280 §5.1.2.6) with its entry extensions (§5.3):
// the reason code, the invalidity date and, in an indirect CRL, the certificate issuer.
import CertoDER

public struct RevokedCertificate: Sendable {
    /// userCertificate: the INTEGER's content octets, as the certificate encodes its serial number.
    public let serialNumber: ArraySlice<UInt8>
    /// Unix seconds.
    public let revocationDate: Int64
    /// reasonCode (§5.3.1); nil when absent (unspecified).
    public let reason: RevocationReason?
    /// invalidityDate (§5.3.2): when the key is known or suspected to have been compromised.
    public let invalidityDate: Int64?
    /// certificateIssuer (§5.3.3): in an indirect CRL, the issuer of this and the following entries.
    public let certificateIssuer: [GeneralName]?
    /// The issuer of the revoked certificate as §5.3.3 assigns it: this entry's certificateIssuer,
    /// else the nearest earlier entry's, else nil for the CRL's own issuer.
    public let effectiveIssuer: [GeneralName]?
    public let extensions: Extensions
    /// The OID of the first critical entry extension §5.3 does not define, if any.
    let unhandledCriticalExtension: String?

    init(_ scanner: inout DERScanner, version: Int, previousIssuer: [GeneralName]?) throws(CertificateError) {
        let field = "tbsCertList.revokedCertificates"
        var entry = try scanner.enter(0x30, field)
        serialNumber = try entry.integer(field + ".userCertificate")
        revocationDate = try CertificateTime.read(&entry, field + ".revocationDate")
        var extensions = Extensions([])
        if !entry.isAtEnd {
            guard version == 2 else { throw .notAllowedInVersion(field: field + ".crlEntryExtensions", version: version) }
            extensions = try Extensions(&entry, field: field + ".crlEntryExtensions")
        }
        try entry.finish(field)
        var reason: RevocationReason?
        var invalidityDate: Int64?
        var certificateIssuer: [GeneralName]?
        var unhandled: String?
        for ext in extensions.all {
            let extensionField = field + ".crlEntryExtensions." + ext.oid
            switch CRLExtension(oidBytes: ext.oidBytes) {
            case .reasonCode:
                // CRLReason ::= ENUMERATED; 7 is unused, and removeFromCRL belongs in delta CRLs only.
                var value = try DERScanner.single(ext.content, extensionField)
                let start = value.position
                let code = try value.smallNonNegativeInteger(extensionField, tag: 0x0a)
                guard let known = RevocationReason(rawValue: code) else { throw .valueOutOfRange(field: extensionField, offset: start) }
                reason = known
            case .invalidityDate:
                var value = try DERScanner.single(ext.content, extensionField)
                let start = value.position
                guard value.nextTag == 0x18 else { throw .unexpectedElement(field: extensionField, offset: start, tag: value.nextTag ?? 0) }
                invalidityDate = try CertificateTime.read(&value, extensionField)
            case .certificateIssuer:
                var value = try DERScanner.single(ext.content, extensionField)
                certificateIssuer = try GeneralName.decodeList(&value, 0x30, extensionField, value: true)
            default:
                if ext.critical && unhandled == nil { unhandled = ext.oid }
            }
        }
        self.reason = reason
        self.invalidityDate = invalidityDate
        self.certificateIssuer = certificateIssuer
        self.effectiveIssuer = certificateIssuer ?? previousIssuer
        self.extensions = extensions
        self.unhandledCriticalExtension = unhandled
    }
}

/// CRLReason (RFC 5280 §5.3.1).
public enum RevocationReason: Int, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case unspecified = 0
    case keyCompromise = 1
    case cACompromise = 2
    case affiliationChanged = 3
    case superseded = 4
    case cessationOfOperation = 5
    case certificateHold = 6
    case removeFromCRL = 8
    case privilegeWithdrawn = 9
    case aACompromise = 10

    public var description: String {
        switch self {
        case .unspecified: return "unspecified"
        case .keyCompromise: return "keyCompromise"
        case .cACompromise: return "cACompromise"
        case .affiliationChanged: return "affiliationChanged"
        case .superseded: return "superseded"
        case .cessationOfOperation: return "cessationOfOperation"
        case .certificateHold: return "certificateHold"
        case .removeFromCRL: return "removeFromCRL"
        case .privilegeWithdrawn: return "privilegeWithdrawn"
        case .aACompromise: return "aACompromise"
        }
    }
}
