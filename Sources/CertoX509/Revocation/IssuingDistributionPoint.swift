// The issuingDistributionPoint CRL extension (RFC 5280 §5.2.5): which distribution point the CRL
// serves, and the limits on what it covers (user or CA certificates only, some reasons only, an
// indirect CRL).
//
//   IssuingDistributionPoint ::= SEQUENCE {
//     distributionPoint          [0] DistributionPointName OPTIONAL,
//     onlyContainsUserCerts      [1] BOOLEAN DEFAULT FALSE,
//     onlyContainsCACerts        [2] BOOLEAN DEFAULT FALSE,
//     onlySomeReasons            [3] ReasonFlags OPTIONAL,
//     indirectCRL                [4] BOOLEAN DEFAULT FALSE,
//     onlyContainsAttributeCerts [5] BOOLEAN DEFAULT FALSE }
import CertoDER

public struct IssuingDistributionPoint: Sendable, Hashable {
    /// distributionPoint as fullName.
    public var fullName: [GeneralName]?
    /// distributionPoint as nameRelativeToCRLIssuer: the RDN's DER.
    public var nameRelativeToCRLIssuer: [UInt8]?
    public var onlyContainsUserCerts = false
    public var onlyContainsCACerts = false
    /// ReasonFlags bits as DistributionPoint.reasons numbers them (bit 1 = keyCompromise, ...).
    public var onlySomeReasons: UInt16?
    public var indirectCRL = false
    public var onlyContainsAttributeCerts = false

    init(_ content: ArraySlice<UInt8>, field: String) throws(CertificateError) {
        var outer = try DERScanner.single(content, field)
        let start = outer.position
        var point = try outer.enter(0x30, field)
        if point.nextTag == 0xa0 {
            (fullName, nameRelativeToCRLIssuer) = try DistributionPoint.decodeName(&point, field + ".distributionPoint", value: true)
        }
        // DER: a BOOLEAN equal to its DEFAULT (FALSE) is left out, so a present one must be TRUE.
        func flag(_ tag: UInt8, _ name: String) throws(CertificateError) -> Bool {
            guard point.nextTag == tag else { return false }
            let tlv = try point.read(tag, field + "." + name)
            guard tlv.contentCount == 1, point.bytes[tlv.contentStart] == 0xff else {
                throw .invalidEncoding(field: field + "." + name, offset: tlv.start, problem: .boolean)
            }
            return true
        }
        onlyContainsUserCerts = try flag(0x81, "onlyContainsUserCerts")
        onlyContainsCACerts = try flag(0x82, "onlyContainsCACerts")
        if point.nextTag == 0x83 {
            onlySomeReasons = DistributionPoint.reasonFlags(try point.bitString(field + ".onlySomeReasons", tag: 0x83).bytes)
        }
        indirectCRL = try flag(0x84, "indirectCRL")
        onlyContainsAttributeCerts = try flag(0x85, "onlyContainsAttributeCerts")
        try point.finish(field)
        // §5.2.5: at most one of the three "only contains" flags, and not an empty extension.
        let only = [onlyContainsUserCerts, onlyContainsCACerts, onlyContainsAttributeCerts].filter { $0 }.count
        guard only <= 1 else { throw .valueOutOfRange(field: field, offset: start) }
        guard fullName != nil || nameRelativeToCRLIssuer != nil || only > 0 || onlySomeReasons != nil || indirectCRL else {
            throw .invalidEncoding(field: field, offset: start, problem: .emptySequence)
        }
    }
}
