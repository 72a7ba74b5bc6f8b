// authorityInfoAccess / subjectInfoAccess (RFC 5280 §4.2.2) and cRLDistributionPoints / freshestCRL
// (§4.2.1.13): where to fetch issuers, OCSP answers and CRLs. Decoded for display and for callers that
// fetch; nothing here goes to the network.
import SwiftASN1

public struct AccessDescription: Sendable, Hashable {
    public static let ocsp = "1.3.6.1.5.5.7.48.1"
    public static let caIssuers = "1.3.6.1.5.5.7.48.2"

    public var method: String
    public var location: GeneralName

    /// AuthorityInfoAccessSyntax ::= SEQUENCE SIZE (1..MAX) OF AccessDescription.
    static func decodeList(_ value: ArraySlice<UInt8>, _ field: String) throws(CertificateError) -> [AccessDescription] {
        do { return try decodeList(value) } catch { throw error.prefixed(field) }
    }

    private static func decodeList(_ value: ArraySlice<UInt8>) throws(CertificateError) -> [AccessDescription] {
        let field = ""
        let node = try parseDER(value)
        var reader = try DERReader(node, field)
        var result: [AccessDescription] = []
        while let element = reader.nextIfPresent() {
            var description = try DERReader(element, "accessDescription")
            let method = try objectIdentifier(try description.next("accessMethod"), "accessMethod")
            let location = try GeneralName(node: try description.next("accessLocation"), field: "accessLocation")
            try description.finish()
            result.append(AccessDescription(method: OID.dotted(method), location: location))
        }
        guard !result.isEmpty else { throw .invalidEncoding(field: field, offset: node.offset, problem: .emptySequence) }
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

    /// CRLDistributionPoints ::= SEQUENCE SIZE (1..MAX) OF DistributionPoint.
    static func decodeList(_ value: ArraySlice<UInt8>, _ field: String) throws(CertificateError) -> [DistributionPoint] {
        do { return try decodeList(value) } catch { throw error.prefixed(field) }
    }

    private static func decodeList(_ value: ArraySlice<UInt8>) throws(CertificateError) -> [DistributionPoint] {
        let field = ""
        let node = try parseDER(value)
        var reader = try DERReader(node, field)
        var result: [DistributionPoint] = []
        while let element = reader.nextIfPresent() {
            var point = try DERReader(element, "distributionPoint")
            var decoded = DistributionPoint()
            if let tagged = point.optional(.context(0)) {
                let name = try explicit(tagged, 0, "distributionPoint")
                switch name.identifier {
                case .context(0):
                    decoded.fullName = try GeneralName.sequence(name, field: "fullName", id: .context(0))
                case .context(1):
                    _ = try DERReader(name, "nameRelativeToCRLIssuer", id: .context(1))
                    decoded.nameRelativeToCRLIssuer = Array(name.encodedBytes)
                default:
                    throw .unexpectedElement(field: "distributionPoint", offset: name.offset, tag: name.tagByte)
                }
            }
            if let tagged = point.optional(.context(1)) {
                let (bytes, _) = try bitString(tagged, "reasons", id: .context(1))
                var raw: UInt16 = 0
                for (index, byte) in bytes.prefix(2).enumerated() {
                    for bit in 0..<8 where byte & (0x80 >> bit) != 0 { raw |= 1 << (index * 8 + bit) }
                }
                decoded.reasons = raw
            }
            if let tagged = point.optional(.context(2)) {
                decoded.cRLIssuer = try GeneralName.sequence(tagged, field: "cRLIssuer", id: .context(2))
            }
            try point.finish()
            // §4.2.1.13: a DistributionPoint MUST NOT consist of only the reasons field.
            if decoded.fullName == nil && decoded.nameRelativeToCRLIssuer == nil && decoded.cRLIssuer == nil {
                throw .invalidEncoding(field: "distributionPoint", offset: element.offset, problem: .emptySequence)
            }
            result.append(decoded)
        }
        guard !result.isEmpty else { throw .invalidEncoding(field: field, offset: node.offset, problem: .emptySequence) }
        return result
    }
}
