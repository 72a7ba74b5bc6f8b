// The two policy qualifiers RFC 5280 §4.2.1.4 defines, decoded from a PolicyInformation's
// policyQualifiers: a CPS pointer and a user notice. A critical certificatePolicies must be understood
// whole, so the profile refuses one whose qualifiers are of another kind or do not decode.
//
//   CPSuri ::= IA5String
//   UserNotice ::= SEQUENCE { noticeRef NoticeReference OPTIONAL, explicitText DisplayText OPTIONAL }
//   NoticeReference ::= SEQUENCE { organization DisplayText, noticeNumbers SEQUENCE OF INTEGER }
//   DisplayText ::= CHOICE { ia5String, visibleString, bmpString, utf8String }
//
// DisplayText's SIZE (1..200) is a rule for CAs; longer text is accepted, as PKITS 4.8.19 expects of a
// verifier that does not display it.
import CertoDER

public enum PolicyQualifier: Sendable, Hashable {
    /// id-qt-cps: where the certification practice statement is published.
    case cpsURI(String)
    /// id-qt-unotice: text for the relying party, and optionally a reference to a numbered notice.
    case userNotice(organization: String?, noticeNumbers: [Int], explicitText: String?)
    /// A qualifier RFC 5280 does not define (dotted policyQualifierId).
    case other(oid: String)

    static let cpsOID: [UInt8] = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x01]
    static let userNoticeOID: [UInt8] = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x02]

    /// PolicyQualifiers ::= SEQUENCE SIZE (1..MAX) OF PolicyQualifierInfo, from its DER.
    static func decodeList(_ der: [UInt8]) throws(CertificateError) -> [PolicyQualifier] {
        let field = "certificatePolicies.policyQualifiers"
        var outer = DERScanner(der[...])
        var list = try outer.enterNonEmpty(0x30, field)
        try outer.finish(field)
        var qualifiers: [PolicyQualifier] = []
        while !list.isAtEnd {
            var info = try list.enter(0x30, field + ".qualifier")
            let oid = try info.objectIdentifier(field + ".policyQualifierId")
            if oid.elementsEqual(cpsOID) {
                qualifiers.append(.cpsURI(try displayText(&info, field + ".cPSuri", allowed: [.ia5String])))
            } else if oid.elementsEqual(userNoticeOID) {
                qualifiers.append(try userNotice(&info, field + ".userNotice"))
            } else {
                if !info.isAtEnd {
                    let any = try info.read(field + ".qualifier")
                    if any.isConstructed { try info.enter(any, field + ".qualifier").skipAll(field + ".qualifier") }
                }
                qualifiers.append(.other(oid: ObjectIdentifierEncoding.dotted(oid)))
            }
            try info.finish(field + ".qualifier")
        }
        return qualifiers
    }

    private static func userNotice(_ scanner: inout DERScanner, _ field: String) throws(CertificateError) -> PolicyQualifier {
        var notice = try scanner.enter(0x30, field)
        var organization: String?
        var numbers: [Int] = []
        if notice.nextTag == 0x30 {
            var reference = try notice.enter(0x30, field + ".noticeRef")
            organization = try displayText(&reference, field + ".noticeRef.organization")
            var list = try reference.enter(0x30, field + ".noticeRef.noticeNumbers")
            while !list.isAtEnd { numbers.append(try list.smallNonNegativeInteger(field + ".noticeRef.noticeNumbers")) }
            try reference.finish(field + ".noticeRef")
        }
        let explicitText = notice.isAtEnd ? nil : try displayText(&notice, field + ".explicitText")
        try notice.finish(field)
        return .userNotice(organization: organization, noticeNumbers: numbers, explicitText: explicitText)
    }

    /// A DisplayText (or, with `allowed`, a narrower choice of string types) as text.
    private static func displayText(_ scanner: inout DERScanner, _ field: String,
                                    allowed: [ASN1StringType] = [.ia5String, .visibleString, .bmpString, .utf8String])
        throws(CertificateError) -> String {
        let start = scanner.position
        let tlv = try scanner.read(field)
        guard let type = ASN1StringType(rawValue: tlv.tag), allowed.contains(type) else {
            throw .unexpectedElement(field: field, offset: start, tag: tlv.tag)
        }
        guard let text = DirectoryString.decode(type, scanner.content(tlv)) else {
            throw .invalidEncoding(field: field, offset: start, problem: .string)
        }
        return text
    }
}

extension PolicyInformation {
    /// The qualifiers decoded; empty when there are none. Throws when a CPS pointer or a user notice
    /// does not have the form RFC 5280 §4.2.1.4 gives it.
    public func decodedQualifiers() throws(CertificateError) -> [PolicyQualifier] {
        guard let qualifiers else { return [] }
        return try PolicyQualifier.decodeList(qualifiers)
    }
}
