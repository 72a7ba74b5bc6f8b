// authorityInfoAccess / subjectInfoAccess (RFC 5280 §4.2.2) and cRLDistributionPoints / freshestCRL
// (§4.2.1.13): where to fetch issuers, OCSP answers and CRLs. Decoded for display and for callers that
// fetch; nothing here goes to the network.
import CertoDER

public struct AccessDescription: Sendable, Hashable {
    public static let ocsp = "1.3.6.1.5.5.7.48.1"
    public static let caIssuers = "1.3.6.1.5.5.7.48.2"

    public var method: String
    public var location: GeneralName

    /// AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription;
    /// AccessDescription ::= SEQUENCE { accessMethod OBJECT IDENTIFIER, accessLocation GeneralName }.
    /// The one decoder: checks everything, and builds the list when `value` is set.
    static func decodeList(_ s: inout DERScanner, _ field: String, value: Bool) throws(CertificateError) -> [AccessDescription] {
        var list = try s.enterNonEmpty(0x30, field)
        var result: [AccessDescription] = []
        while !list.isAtEnd {
            var description = try list.enter(0x30, field)
            let method = try description.objectIdentifier(field)
            let location = try GeneralName.check(&description, field, context: .alternativeName)
            try description.finish(field)
            if value {
                result.append(AccessDescription(method: ObjectIdentifierEncoding.dotted(method),
                                                location: try GeneralName(checked: location, in: description.bytes, field: field)))
            }
        }
        return result
    }
}

public struct DistributionPoint: Sendable, Hashable {
    public var fullName: [GeneralName]?
    /// DER of the nameRelativeToCRLIssuer RDN, when that form is used.
    public var nameRelativeToCRLIssuer: [UInt8]?
    /// ReasonFlags bits (bit 0 = unused, 1 = keyCompromise, ...), when present.
    public var reasons: UInt16?
    public var cRLIssuer: [GeneralName]?

    /// ReasonFlags BIT STRING bits as a number: bit n of the encoding (n = 0 the first, unused) is 1 << n.
    static func reasonFlags(_ bytes: ArraySlice<UInt8>) -> UInt16 {
        var raw: UInt16 = 0
        for (index, byte) in bytes.prefix(2).enumerated() {
            for bit in 0..<8 where byte & (0x80 >> bit) != 0 { raw |= 1 << (index * 8 + bit) }
        }
        return raw
    }

    /// distributionPoint [0] DistributionPointName, at `point`'s position: DistributionPointName ::=
    /// CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RDN } (the RDN's DER). Shared
    /// by cRLDistributionPoints and a CRL's issuingDistributionPoint; values only when `value` is set.
    static func decodeName(_ point: inout DERScanner, _ field: String, value: Bool)
        throws(CertificateError) -> (fullName: [GeneralName]?, nameRelativeToCRLIssuer: [UInt8]?) {
        var name = try point.enter(0xa0, field)
        var result: (fullName: [GeneralName]?, nameRelativeToCRLIssuer: [UInt8]?) = (nil, nil)
        switch name.nextTag {
        case 0xa0:
            result.fullName = try GeneralName.decodeList(&name, 0xa0, field, value: value)
        case 0xa1:
            let relative = try name.read(field)
            try name.enter(relative, field).skipAll(field)
            if value { result.nameRelativeToCRLIssuer = Array(name.element(relative)) }
        default:
            let other = try name.read(field)
            throw .unexpectedElement(field: field, offset: other.start, tag: other.tag)
        }
        try name.finish(field)
        return result
    }

    /// CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint;
    /// DistributionPoint ::= SEQUENCE { distributionPoint [0] DistributionPointName OPTIONAL,
    ///   reasons [1] ReasonFlags OPTIONAL, cRLIssuer [2] GeneralNames OPTIONAL };
    /// DistributionPointName ::= CHOICE { fullName [0] GeneralNames, nameRelativeToCRLIssuer [1] RDN }.
    /// The one decoder: checks everything, and builds the list when `value` is set.
    static func decodeList(_ s: inout DERScanner, _ field: String, value: Bool) throws(CertificateError) -> [DistributionPoint] {
        var list = try s.enterNonEmpty(0x30, field)
        var result: [DistributionPoint] = []
        while !list.isAtEnd {
            let pointTLV = try list.read(0x30, field)
            var point = try list.enter(pointTLV, field)
            var decoded = DistributionPoint()
            var hasName = false
            if point.nextTag == 0xa0 {
                (decoded.fullName, decoded.nameRelativeToCRLIssuer) = try Self.decodeName(&point, field, value: value)
                hasName = true
            }
            if point.nextTag == 0x81 {
                decoded.reasons = Self.reasonFlags(try point.bitString(field, tag: 0x81).bytes)
            }
            if point.nextTag == 0xa2 {
                decoded.cRLIssuer = try GeneralName.decodeList(&point, 0xa2, field, value: value)
                hasName = true
            }
            try point.finish(field)
            // §4.2.1.13: a DistributionPoint MUST NOT consist of only the reasons field.
            guard hasName else { throw .invalidEncoding(field: field, offset: pointTLV.start, problem: .emptySequence) }
            if value { result.append(decoded) }
        }
        return result
    }
}
