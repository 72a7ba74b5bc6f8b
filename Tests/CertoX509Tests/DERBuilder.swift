// Builds DER for unit tests: a realistic certificate template whose every field can be replaced, so a
// test changes one thing and checks what the parser says about it. Signatures are dummies (nothing
// here is verified).
import CertoX509

enum DERBuilder {
    static func length(_ n: Int) -> [UInt8] {
        if n < 0x80 { return [UInt8(n)] }
        var bytes: [UInt8] = []
        var value = n
        while value > 0 { bytes.insert(UInt8(value & 0xff), at: 0); value >>= 8 }
        return [0x80 | UInt8(bytes.count)] + bytes
    }

    static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] { [tag] + length(content.count) + content }
    static func sequence(_ parts: [UInt8]...) -> [UInt8] { tlv(0x30, parts.flatMap { $0 }) }

    /// OBJECT IDENTIFIER TLV from dotted text (test input is trusted).
    static func oid(_ dotted: String) -> [UInt8] {
        let arcs = dotted.split(separator: ".").map { UInt64($0)! }
        var content: [UInt8] = []
        for arc in [arcs[0] * 40 + arcs[1]] + arcs.dropFirst(2) {
            var chunk: [UInt8] = [UInt8(arc & 0x7f)]
            var rest = arc >> 7
            while rest > 0 { chunk.insert(UInt8(rest & 0x7f) | 0x80, at: 0); rest >>= 7 }
            content += chunk
        }
        return tlv(0x06, content)
    }

    static func printable(_ text: String) -> [UInt8] { tlv(0x13, Array(text.utf8)) }
    static func utf8(_ text: String) -> [UInt8] { tlv(0x0c, Array(text.utf8)) }

    /// Name from (type OID, value TLV) pairs, one RDN each.
    static func name(_ attributes: [(String, [UInt8])]) -> [UInt8] {
        tlv(0x30, attributes.flatMap { tlv(0x31, sequence(oid($0.0), $0.1)) })
    }

    static func time(_ text: String) -> [UInt8] { tlv(text.count == 13 ? 0x17 : 0x18, Array(text.utf8)) }

    static let sha256WithRSA = sequence(oid("1.2.840.113549.1.1.11"), [0x05, 0x00])
    static let ecdsaWithSHA256 = sequence(oid("1.2.840.10045.4.3.2"))

    /// A P-256 SubjectPublicKeyInfo with a dummy uncompressed point.
    static let p256Key = sequence(sequence(oid("1.2.840.10045.2.1"), oid("1.2.840.10045.3.1.7")), tlv(0x03, [0x00, 0x04] + Array(repeating: 0x11, count: 64)))

    /// rsaEncryption key with a `bits`-bit modulus (top bit set) and exponent 65537.
    static func rsaKey(bits: Int, parameters: [UInt8]? = [0x05, 0x00]) -> [UInt8] {
        var modulus = [UInt8](repeating: 0xab, count: (bits + 7) / 8)
        let topBits = bits % 8 == 0 ? 8 : bits % 8
        modulus[0] = UInt8((1 << topBits) - 1) & 0xff | UInt8(1 << (topBits - 1))
        if modulus[0] & 0x80 != 0 { modulus.insert(0, at: 0) }
        let rsaPublicKey = sequence(tlv(0x02, modulus), tlv(0x02, [0x01, 0x00, 0x01]))
        return sequence(tlv(0x30, oid("1.2.840.113549.1.1.1") + (parameters ?? [])), tlv(0x03, [0x00] + rsaPublicKey))
    }

    static func extensionTLV(oid content: [UInt8], critical: Bool = false, value: [UInt8]) -> [UInt8] {
        tlv(0x30, tlv(0x06, content) + (critical ? [0x01, 0x01, 0xff] : []) + tlv(0x04, value))
    }

    static func extensionTLV(_ dotted: String, critical: Bool = false, value: [UInt8]) -> [UInt8] {
        tlv(0x30, oid(dotted) + (critical ? [0x01, 0x01, 0xff] : []) + tlv(0x04, value))
    }

    struct Parts {
        var version: [UInt8]? = tlv(0xa0, [0x02, 0x01, 0x02])
        var serial: [UInt8] = tlv(0x02, [0x01, 0x23, 0x45])
        var innerAlgorithm: [UInt8] = DERBuilder.sha256WithRSA
        var issuer: [UInt8] = DERBuilder.name([("2.5.4.6", DERBuilder.printable("US")), ("2.5.4.10", DERBuilder.utf8("Certo Test")), ("2.5.4.3", DERBuilder.utf8("Certo Test CA"))])
        var notBefore: [UInt8] = DERBuilder.time("250101000000Z")
        var notAfter: [UInt8] = DERBuilder.time("351231235959Z")
        var subject: [UInt8] = DERBuilder.name([("2.5.4.3", DERBuilder.utf8("leaf.example"))])
        var publicKey: [UInt8] = DERBuilder.p256Key
        var issuerUniqueID: [UInt8]? = nil
        var subjectUniqueID: [UInt8]? = nil
        var extensions: [[UInt8]]? = [DERBuilder.extensionTLV("2.5.29.19", critical: true, value: DERBuilder.sequence())]
        var outerAlgorithm: [UInt8]? = nil
        var signature: [UInt8] = tlv(0x03, [0x00] + Array(repeating: 0x5a, count: 64))

        var tbs: [UInt8] {
            var body = (version ?? []) + serial + innerAlgorithm + issuer + sequence(notBefore, notAfter) + subject + publicKey
            body += (issuerUniqueID ?? []) + (subjectUniqueID ?? [])
            if let extensions { body += tlv(0xa3, tlv(0x30, extensions.flatMap { $0 })) }
            return tlv(0x30, body)
        }

        var der: [UInt8] { tlv(0x30, tbs + (outerAlgorithm ?? innerAlgorithm) + signature) }
    }

    /// The template with these extensions (used for hostile inputs).
    static func certificate(extensions: [[UInt8]]) -> [UInt8] {
        var parts = Parts()
        parts.extensions = extensions
        return parts.der
    }

    /// The template with one change applied.
    static func certificate(_ change: (inout Parts) -> Void) -> [UInt8] {
        var parts = Parts()
        change(&parts)
        return parts.der
    }
}

/// Parse helper that turns the typed error into a value for table-driven expectations.
func parseOne(_ bytes: [UInt8]) -> Result<Certificate, CertificateError> {
    do { return .success(try Certificate(derEncoded: bytes)) } catch { return .failure(error) }
}
