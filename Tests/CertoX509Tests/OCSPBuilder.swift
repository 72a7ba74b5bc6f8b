// Builds OCSP responses for unit tests, field by field with realistic defaults (DERBuilder's pieces),
// so a test replaces one part and checks what the parser says about it. Signatures are dummies.
import CertoX509

enum OCSPBuilder {
    typealias B = DERBuilder

    static let sha1 = "1.3.14.3.2.26"
    static let basicType = "1.3.6.1.5.5.7.48.1.1"
    static let nonceOID: [UInt8] = [0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x01, 0x02]

    static func certID(hash: String = sha1, parameters: [UInt8] = [0x05, 0x00], nameHash: [UInt8] = .init(repeating: 0x11, count: 20),
                       keyHash: [UInt8] = .init(repeating: 0x22, count: 20), serial: [UInt8] = [0x01, 0x23]) -> [UInt8] {
        B.sequence(B.tlv(0x30, B.oid(hash) + parameters), B.tlv(0x04, nameHash), B.tlv(0x04, keyHash), B.tlv(0x02, serial))
    }

    static let good: [UInt8] = [0x80, 0x00]
    static let unknown: [UInt8] = [0x82, 0x00]
    static func revoked(_ time: String = "20240301120000Z", reason: UInt8? = nil) -> [UInt8] {
        B.tlv(0xa1, B.time(time) + (reason.map { B.tlv(0xa0, [0x0a, 0x01, $0]) } ?? []))
    }

    static func single(certID: [UInt8] = certID(), status: [UInt8] = good, thisUpdate: String = "20240101000000Z",
                       nextUpdate: String? = "20240108000000Z", extensions: [UInt8]? = nil) -> [UInt8] {
        B.tlv(0x30, certID + status + B.time(thisUpdate) + (nextUpdate.map { B.tlv(0xa0, B.time($0)) } ?? [])
            + (extensions.map { B.tlv(0xa1, $0) } ?? []))
    }

    static let byKey = B.tlv(0xa2, B.tlv(0x04, .init(repeating: 0x33, count: 20)))

    static func responseData(version: [UInt8]? = nil, responderID: [UInt8] = byKey, producedAt: [UInt8] = B.time("20240101000000Z"),
                             responses: [[UInt8]] = [single()], extensions: [UInt8]? = nil) -> [UInt8] {
        B.tlv(0x30, (version ?? []) + responderID + producedAt + B.tlv(0x30, responses.flatMap { $0 })
            + (extensions.map { B.tlv(0xa1, $0) } ?? []))
    }

    static func basic(tbs: [UInt8] = responseData(), certs: [[UInt8]]? = nil) -> [UInt8] {
        B.tlv(0x30, tbs + B.ecdsaWithSHA256 + B.tlv(0x03, [0x00] + .init(repeating: 0x44, count: 8))
            + (certs.map { B.tlv(0xa0, B.tlv(0x30, $0.flatMap { $0 })) } ?? []))
    }

    static func response(status: UInt8 = 0, type: String = basicType, basic: [UInt8]? = basic()) -> [UInt8] {
        B.tlv(0x30, [0x0a, 0x01, status] + (basic.map { B.tlv(0xa0, B.sequence(B.oid(type), B.tlv(0x04, $0))) } ?? []))
    }

    /// Extensions ::= SEQUENCE OF Extension, from extension TLVs.
    static func extensions(_ list: [UInt8]...) -> [UInt8] { B.tlv(0x30, list.flatMap { $0 }) }

    static func nonce(_ value: [UInt8], critical: Bool = false) -> [UInt8] {
        B.extensionTLV(oid: nonceOID, critical: critical, value: B.tlv(0x04, value))
    }
}
