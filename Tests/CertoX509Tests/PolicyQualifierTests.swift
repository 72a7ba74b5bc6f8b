// RFC 5280 §4.2.1.4's policy qualifiers decoded from hand-written DER: a CPS pointer, a user notice
// with and without a notice reference, DisplayText in each of its four string types, another
// qualifier kept by its OID, and the shapes that are not these qualifiers refused.
@testable import CertoX509
import Testing

@Suite struct PolicyQualifierTests {
    private static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] { [tag, UInt8(content.count)] + content }
    private static let cps: [UInt8] = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x01]
    private static let notice: [UInt8] = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x02]

    private func decode(_ qualifiers: [[UInt8]]) throws(CertificateError) -> [PolicyQualifier] {
        let der = Self.tlv(0x30, qualifiers.flatMap { $0 })
        return try PolicyInformation(policyOID: [0x55, 0x1d, 0x20, 0x00][...], qualifiers: der).decodedQualifiers()
    }

    private func qualifier(_ oid: [UInt8], _ value: [UInt8]) -> [UInt8] { Self.tlv(0x30, Self.tlv(0x06, oid) + value) }

    @Test func cpsPointerAndUserNotices() throws {
        let uri = Array("https://example.com/cps".utf8)
        let text = Array("Certo test notice".utf8)
        let reference = Self.tlv(0x30, Self.tlv(0x1a, Array("Org".utf8)) + Self.tlv(0x30, [0x02, 0x01, 0x01, 0x02, 0x01, 0x02]))
        let decoded = try decode([
            qualifier(Self.cps, Self.tlv(0x16, uri)),
            qualifier(Self.notice, Self.tlv(0x30, Self.tlv(0x0c, text))),
            qualifier(Self.notice, Self.tlv(0x30, reference + Self.tlv(0x1e, [0x00, 0x68, 0x00, 0x69]))),
            qualifier(Self.notice, Self.tlv(0x30, [])),
        ])
        #expect(decoded == [
            .cpsURI("https://example.com/cps"),
            .userNotice(organization: nil, noticeNumbers: [], explicitText: "Certo test notice"),
            .userNotice(organization: "Org", noticeNumbers: [1, 2], explicitText: "hi"),
            .userNotice(organization: nil, noticeNumbers: [], explicitText: nil),
        ])
    }

    @Test func anotherQualifierIsKeptByItsOID() throws {
        let decoded = try decode([qualifier([0x2a, 0x03, 0x04], [0x05, 0x00])])
        #expect(decoded == [.other(oid: "1.2.3.4")])
    }

    @Test(arguments: [
        // A CPS pointer must be an IA5String, and IA5String is ASCII.
        [0x30, 0x0e, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x01, 0x0c, 0x02, 0x68, 0x69],
        [0x30, 0x0e, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x01, 0x16, 0x02, 0x68, 0xe9],
        // explicitText as a PrintableString is no DisplayText; a user notice that is no SEQUENCE.
        [0x30, 0x11, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x02, 0x30, 0x05, 0x13, 0x03, 0x61, 0x62, 0x63],
        [0x30, 0x0f, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x02, 0x0c, 0x03, 0x61, 0x62, 0x63],
        // Something after the explicitText.
        [0x30, 0x13, 0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x02, 0x02, 0x30, 0x07, 0x0c, 0x03, 0x61, 0x62, 0x63, 0x05, 0x00],
    ] as [[UInt8]])
    func malformedQualifiersAreRefused(_ der: [UInt8]) {
        #expect(throws: CertificateError.self) { try decode([der]) }
    }
}
