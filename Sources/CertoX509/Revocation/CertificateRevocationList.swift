// A certificate revocation list (RFC 5280 §5), parsed strictly with CertoDER's scanner: v1 or v2 (a
// version field, when present, says v2, and extensions need it), the inner and outer signature
// algorithms equal, thisUpdate before nextUpdate, each revoked serial once. The CRL and entry
// extensions RFC 5280 defines are decoded into values (cRLNumber, deltaCRLIndicator,
// issuingDistributionPoint, freshestCRL and authorityKeyIdentifier; reasonCode, invalidityDate and
// certificateIssuer); a critical extension of any other kind is kept and named, for the revocation
// checker to refuse the CRL (§5.2, §5.3). The signature is not checked here: that needs the
// issuer's key, which is Certo's business.
//
//   CertificateList ::= SEQUENCE { tbsCertList TBSCertList, signatureAlgorithm, signatureValue BIT STRING }
//   TBSCertList ::= SEQUENCE { version Version OPTIONAL, signature AlgorithmIdentifier, issuer Name,
//     thisUpdate Time, nextUpdate Time OPTIONAL,
//     revokedCertificates SEQUENCE OF SEQUENCE { userCertificate CertificateSerialNumber,
//       revocationDate Time, crlEntryExtensions Extensions OPTIONAL } OPTIONAL,
//     crlExtensions [0] EXPLICIT Extensions OPTIONAL }
import CertoDER

public struct CertificateRevocationList: Sendable {
    /// The whole DER of the CRL.
    public let derBytes: [UInt8]
    let tbsRange: Range<Int>
    /// 1 or 2.
    public let version: Int
    public let signatureAlgorithm: SignatureAlgorithmIdentifier
    public let signatureBytes: [UInt8]
    public let issuer: DistinguishedName
    /// Unix seconds.
    public let thisUpdate: Int64
    public let nextUpdate: Int64?
    public let revokedCertificates: [RevokedCertificate]
    let index: RevokedSerialIndex
    /// The crlExtensions (empty for a v1 CRL).
    public let extensions: Extensions
    /// cRLNumber (§5.2.3): the INTEGER's content octets.
    public let crlNumber: ArraySlice<UInt8>?
    /// §5.2.3 makes cRLNumber non-critical; a CRL that marks it critical is not conforming.
    public let crlNumberIsCritical: Bool
    /// deltaCRLIndicator (§5.2.4): the base CRL's number; present only in a delta CRL.
    public let deltaCRLIndicator: ArraySlice<UInt8>?
    public let issuingDistributionPoint: IssuingDistributionPoint?
    /// The OID of the first critical CRL or entry extension RFC 5280 does not define for CRLs, if any.
    public let unhandledCriticalExtension: String?

    /// The DER of tbsCertList: the bytes the signature covers.
    public var tbsCertListBytes: [UInt8] { Array(derBytes[tbsRange]) }

    /// The largest CRL accepted (a CA's full CRL can hold hundreds of thousands of entries).
    public static let maximumByteCount = 64 << 20

    public init(derEncoded: [UInt8]) throws(CertificateError) {
        guard derEncoded.count <= Self.maximumByteCount else {
            throw .inputTooLarge(byteCount: derEncoded.count, limit: Self.maximumByteCount)
        }
        let bytes = derEncoded[...]
        let envelope = try SignedEnvelope.read(bytes, envelope: "certificateList", tbs: "tbsCertList")
        let tbsTLV = envelope.tbs, outerAlgorithmTLV = envelope.outerAlgorithm, signature = envelope.signature
        var tbs = try envelope.scanner.enter(tbsTLV, "tbsCertList")
        var version = 1
        if tbs.nextTag == 0x02 {
            let start = tbs.position
            // §5.1.2.1: when present, the version MUST be v2 (1); DER leaves v1 implicit.
            guard try tbs.smallNonNegativeInteger("tbsCertList.version") == 1 else {
                throw .valueOutOfRange(field: "tbsCertList.version", offset: start)
            }
            version = 2
        }
        let innerAlgorithmTLV = try tbs.read(0x30, "tbsCertList.signature")
        let issuerTLV = try tbs.read(0x30, "tbsCertList.issuer")
        let issuer = try DistinguishedName(encoded: bytes[issuerTLV.start..<issuerTLV.end], field: "tbsCertList.issuer")
        let thisUpdate = try CertificateTime.read(&tbs, "tbsCertList.thisUpdate")
        var nextUpdate: Int64?
        if tbs.nextTag == 0x17 || tbs.nextTag == 0x18 {
            let start = tbs.position
            let value = try CertificateTime.read(&tbs, "tbsCertList.nextUpdate")
            guard value >= thisUpdate else { throw .valueOutOfRange(field: "tbsCertList.nextUpdate", offset: start) }
            nextUpdate = value
        }
        var revoked: [RevokedCertificate] = []
        var entryProblem: String?
        if tbs.nextTag == 0x30 {
            var entries = try tbs.enterNonEmpty(0x30, "tbsCertList.revokedCertificates")
            while !entries.isAtEnd {
                let entry = try RevokedCertificate(&entries, version: version, previousIssuer: revoked.last?.effectiveIssuer)
                if entryProblem == nil { entryProblem = entry.unhandledCriticalExtension }
                revoked.append(entry)
            }
        }
        let index = RevokedSerialIndex(revoked)
        // A serial number revoked twice by one issuer is ambiguous (two dates, two reasons).
        if let duplicate = index.duplicate {
            throw .invalidEncoding(field: "tbsCertList.revokedCertificates.userCertificate",
                                   offset: revoked[duplicate].serialNumber.startIndex, problem: .duplicateValue)
        }
        var extensions = Extensions([])
        if tbs.nextTag == 0xa0 {
            guard version == 2 else { throw .notAllowedInVersion(field: "tbsCertList.crlExtensions", version: version) }
            var tagged = try tbs.enter(0xa0, "tbsCertList.crlExtensions")
            extensions = try Extensions(&tagged, field: "tbsCertList.crlExtensions")
            try tagged.finish("tbsCertList.crlExtensions")
        }
        try tbs.finish("tbsCertList")

        // §5.1.1.2: signatureAlgorithm MUST equal tbsCertList.signature.
        let outerAlgorithm = bytes[outerAlgorithmTLV.start..<outerAlgorithmTLV.end]
        guard outerAlgorithm == bytes[innerAlgorithmTLV.start..<innerAlgorithmTLV.end] else { throw .signatureAlgorithmMismatch }
        do {
            signatureAlgorithm = try SignatureAlgorithmIdentifier(encoded: outerAlgorithm)
        } catch {
            throw error.prefixed("signatureAlgorithm")
        }

        var crlNumber: ArraySlice<UInt8>?
        var deltaCRLIndicator: ArraySlice<UInt8>?
        var distributionPoint: IssuingDistributionPoint?
        var unhandled: String?
        var numberIsCritical = false
        for ext in extensions.all {
            let field = "tbsCertList.crlExtensions." + ext.oid
            switch CRLExtension(oidBytes: ext.oidBytes) {
            case .cRLNumber:
                crlNumber = try Self.crlNumber(ext, field)
                numberIsCritical = ext.critical
            case .deltaCRLIndicator: deltaCRLIndicator = try Self.crlNumber(ext, field)
            case .issuingDistributionPoint: distributionPoint = try IssuingDistributionPoint(ext.content, field: field)
            case .authorityKeyIdentifier, .issuerAltName, .freshestCRL: break  // decoded by Extensions
            default: if ext.critical && unhandled == nil { unhandled = ext.oid }
            }
        }
        // §5.2.4: a delta CRL carries the cRLNumber too.
        if deltaCRLIndicator != nil && crlNumber == nil { throw .missingElement(field: "tbsCertList.crlExtensions.cRLNumber") }

        self.derBytes = derEncoded
        self.tbsRange = tbsTLV.start..<tbsTLV.end
        self.version = version
        self.signatureBytes = Array(signature)
        self.issuer = issuer
        self.thisUpdate = thisUpdate
        self.nextUpdate = nextUpdate
        self.revokedCertificates = revoked
        self.index = index
        self.extensions = extensions
        self.crlNumber = crlNumber
        self.crlNumberIsCritical = numberIsCritical
        self.deltaCRLIndicator = deltaCRLIndicator
        self.issuingDistributionPoint = distributionPoint
        self.unhandledCriticalExtension = unhandled ?? entryProblem
    }

    /// CRLNumber ::= INTEGER (0..MAX), at most 20 octets (§5.2.3).
    private static func crlNumber(_ ext: Extension, _ field: String) throws(CertificateError) -> ArraySlice<UInt8> {
        var scanner = try DERScanner.single(ext.content, field)
        let start = scanner.position
        let number = try scanner.unsignedInteger(field)
        guard number.count <= 20 else { throw .valueOutOfRange(field: field, offset: start) }
        return number
    }

    /// A CRL whose scope is limited to a distribution point, to some reasons or to one kind of
    /// certificate (§5.2.5), or a delta CRL: not a complete CRL for everything its issuer issued.
    public var isComplete: Bool { issuingDistributionPoint == nil && deltaCRLIndicator == nil }

    /// The entry for `serialNumber` (content octets of the certificate's INTEGER) among the
    /// certificates of the CRL's own issuer, if revoked here.
    public func entry(forSerialNumber serialNumber: ArraySlice<UInt8>) -> RevokedCertificate? {
        index.entry(in: revokedCertificates, serial: serialNumber, group: 0).map { revokedCertificates[$0] }
    }

    /// The entry for the certificate `serialNumber` of `certificateIssuer`: in an indirect CRL
    /// (§5.2.5) the entries name their issuer by certificateIssuer (§5.3.3); the others are the CRL
    /// issuer's. A binary search per issuer group.
    public func entry(forSerialNumber serialNumber: ArraySlice<UInt8>,
                      issuedBy certificateIssuer: DistinguishedName) -> RevokedCertificate? {
        if certificateIssuer == issuer, let found = entry(forSerialNumber: serialNumber) { return found }
        let name = GeneralName.directoryName(certificateIssuer)
        for (offset, names) in index.issuers.enumerated() where names.contains(name) {
            if let found = index.entry(in: revokedCertificates, serial: serialNumber, group: Int32(offset + 1)) {
                return revokedCertificates[found]
            }
        }
        return nil
    }

    /// Whether some entry names its certificate issuer (§5.3.3), which only an indirect CRL may do.
    public var hasCertificateIssuerEntries: Bool { !index.issuers.isEmpty }
}

/// The CRL and CRL entry extensions of RFC 5280 §5.2 and §5.3, by OID bytes.
enum CRLExtension {
    case authorityKeyIdentifier, issuerAltName, cRLNumber, deltaCRLIndicator, issuingDistributionPoint, freshestCRL
    case reasonCode, invalidityDate, certificateIssuer

    init?(oidBytes oid: ArraySlice<UInt8>) {
        guard oid.count == 3, oid.first == 0x55, oid[oid.startIndex + 1] == 0x1d else { return nil }
        switch oid.last! {
        case 0x23: self = .authorityKeyIdentifier
        case 0x12: self = .issuerAltName
        case 0x14: self = .cRLNumber
        case 0x1b: self = .deltaCRLIndicator
        case 0x1c: self = .issuingDistributionPoint
        case 0x2e: self = .freshestCRL
        case 0x15: self = .reasonCode
        case 0x18: self = .invalidityDate
        case 0x1d: self = .certificateIssuer
        default: return nil
        }
    }
}
