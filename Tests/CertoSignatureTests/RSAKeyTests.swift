// RSA key decoding and checks, table-driven: each malformed or refused key gives its precise
// RSAKeyError; good keys parse the same from SPKI, PKCS#1 and PEM. Also the signature-level edge
// cases (length, s ≥ n, digest length, PSS-only keys) on a Wycheproof key and signature.
import CertoBigInt
import CertoHash
import CertoSignature
import Foundation
import Testing

private typealias T = RSATestSupport

/// A deterministic odd number of exactly `bits` bits (not a real RSA modulus; parsing doesn't care).
private func oddNumber(bits: Int, seed: UInt8 = 7) -> [UInt8] {
    let count = (bits + 7) / 8
    var bytes = (0..<count).map { UInt8(truncatingIfNeeded: Int($0) &* 37 &+ Int(seed)) }
    let topBits = bits - 8 * (count - 1)
    bytes[0] = (bytes[0] & UInt8((1 << topBits) - 1)) | UInt8(1 << (topBits - 1))
    bytes[count - 1] |= 1
    return bytes
}

private let e65537: [UInt8] = [0x01, 0x00, 0x01]

private func rsaSPKI(modulus: [UInt8], exponent: [UInt8] = e65537) -> [UInt8] {
    T.spki(algorithm: T.rsaEncryptionOID + T.null, key: T.pkcs1(modulus: modulus, exponent: exponent))
}

private func pem(_ type: String, _ der: [UInt8]) -> String {
    "-----BEGIN \(type)-----\n" + Data(der).base64EncodedString(options: .lineLength64Characters)
        + "\n-----END \(type)-----\n"
}

private let sha256OID: [UInt8] = [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]
private let mgf1OID: [UInt8] = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x08]

/// id-RSASSA-PSS SPKI with the given RSASSA-PSS-params contents.
private func pssSPKI(_ params: [UInt8]...) -> [UInt8] {
    T.spki(algorithm: T.rsassaPSSOID + T.sequence(params.flatMap { $0 }),
           key: T.pkcs1(modulus: oddNumber(bits: 2048), exponent: e65537))
}

private func explicit(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] { T.der(tag: 0xa0 | tag, content) }

/// A refused key and the error it must give; shown in test output by the error, not the bytes.
struct RSARefusedKey: Sendable, CustomTestStringConvertible {
    let der: [UInt8]
    let error: RSAKeyError

    init(_ der: [UInt8], _ error: RSAKeyError) {
        self.der = der
        self.error = error
    }

    var testDescription: String { "\(error) (\(der.count) bytes)" }
}

@Suite struct RSAKeyTests {
    @Test(arguments: [1024, 1536, 2047, 2048, 3072, 4096, 16384])
    func goodKeysParseEveryWay(bits: Int) throws {
        let modulus = oddNumber(bits: bits)
        let fromSPKI = try RSAPublicKey(subjectPublicKeyInfoDER: rsaSPKI(modulus: modulus))
        let fromPKCS1 = try RSAPublicKey(pkcs1DER: T.pkcs1(modulus: modulus, exponent: e65537))
        let fromPEM = try RSAPublicKey(pemRepresentation: pem("PUBLIC KEY", rsaSPKI(modulus: modulus)))
        let fromRSAPEM = try RSAPublicKey(pemRepresentation: pem("RSA PUBLIC KEY", T.pkcs1(modulus: modulus, exponent: e65537)))
        for key in [fromSPKI, fromPKCS1, fromPEM, fromRSAPEM] {
            #expect(key.modulusBitCount == bits)
            #expect(key.modulusByteCount == (bits + 7) / 8)
            #expect(key.modulus == BigInt(bytes: modulus))
            #expect(key.publicExponent == 65537)
            #expect(key.isWeak == (bits < 2048))
            #expect(key.pssRestriction == nil && !key.isPSSOnly)
        }
    }

    @Test(arguments: [RSARefusedKey]([
        RSARefusedKey(rsaSPKI(modulus: oddNumber(bits: 2048).dropLast() + [0x02]), RSAKeyError.modulusEven),
        RSARefusedKey(rsaSPKI(modulus: oddNumber(bits: 1023)), .modulusSize(bits: 1023)),
        RSARefusedKey(rsaSPKI(modulus: oddNumber(bits: 16385)), .modulusSize(bits: 16385)),
        RSARefusedKey(rsaSPKI(modulus: [0x03]), .modulusSize(bits: 2)),
        RSARefusedKey(rsaSPKI(modulus: oddNumber(bits: 2048), exponent: [0x01]), .invalidExponent),
        RSARefusedKey(rsaSPKI(modulus: oddNumber(bits: 2048), exponent: [0x01, 0x00, 0x00]), .invalidExponent),
        RSARefusedKey(rsaSPKI(modulus: oddNumber(bits: 2048), exponent: [0x00]), .invalidExponent),
        RSARefusedKey(rsaSPKI(modulus: oddNumber(bits: 2048), exponent: [0x01, 0, 0, 0, 0, 0, 0, 0, 0x01]), .exponentTooLarge(bits: 65)),
        // rsaEncryption without its NULL parameters, or with something else there.
        RSARefusedKey(T.spki(algorithm: T.rsaEncryptionOID, key: T.pkcs1(modulus: oddNumber(bits: 2048), exponent: e65537)),
         .malformedDER(field: "SubjectPublicKeyInfo.algorithm.parameters")),
        RSARefusedKey(T.spki(algorithm: T.rsaEncryptionOID + [0x04, 0x00], key: T.pkcs1(modulus: oddNumber(bits: 2048), exponent: e65537)),
         .malformedDER(field: "SubjectPublicKeyInfo.algorithm.parameters")),
        // id-ecPublicKey is not RSA.
        RSARefusedKey(T.spki(algorithm: [0x06, 0x07, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01] + T.null,
                key: T.pkcs1(modulus: oddNumber(bits: 2048), exponent: e65537)), .unsupportedAlgorithm(oid: "1.2.840.10045.2.1")),
        RSARefusedKey(rsaSPKI(modulus: oddNumber(bits: 2048)) + [0x00], .malformedDER(field: "SubjectPublicKeyInfo")),
        RSARefusedKey([0x30, 0x00], .malformedDER(field: "SubjectPublicKeyInfo.algorithm")),
        RSARefusedKey([], .malformedDER(field: "SubjectPublicKeyInfo")),
        // BIT STRING with 1 unused bit.
        RSARefusedKey(T.sequence(T.der(tag: 0x30, T.rsaEncryptionOID + T.null), T.der(tag: 0x03, [1] + T.pkcs1(modulus: oddNumber(bits: 2048), exponent: e65537))),
         .malformedDER(field: "SubjectPublicKeyInfo.subjectPublicKey")),
        // Negative modulus (top bit set, no leading zero) and a non-minimal integer.
        RSARefusedKey(T.spki(algorithm: T.rsaEncryptionOID + T.null, key: T.sequence(T.der(tag: 0x02, oddNumber(bits: 2048)), T.derInteger(e65537))),
         .malformedDER(field: "SubjectPublicKeyInfo.subjectPublicKey.RSAPublicKey")),
        RSARefusedKey(T.spki(algorithm: T.rsaEncryptionOID + T.null, key: T.sequence(T.derInteger(oddNumber(bits: 2048)), T.der(tag: 0x02, [0, 1, 0, 1]))),
         .malformedDER(field: "SubjectPublicKeyInfo.subjectPublicKey.RSAPublicKey")),
        // RSAPublicKey with a third INTEGER.
        RSARefusedKey(T.spki(algorithm: T.rsaEncryptionOID + T.null, key: T.sequence(T.derInteger(oddNumber(bits: 2048)), T.derInteger(e65537), T.derInteger([1]))),
         .malformedDER(field: "SubjectPublicKeyInfo.subjectPublicKey.RSAPublicKey")),
        // RSASSA-PSS-params: trailerField 2, SHA3-256, an unknown MGF, and a negative salt.
        RSARefusedKey(pssSPKI(explicit(3, T.derInteger([2]))), .invalidPSSParameters(field: "trailerField")),
        RSARefusedKey(pssSPKI(explicit(0, T.sequence([0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x08]))),
         .unsupportedPSSParameter(field: "hashAlgorithm", oid: "2.16.840.1.101.3.4.2.8")),
        RSARefusedKey(pssSPKI(explicit(1, T.sequence(sha256OID, T.sequence(sha256OID)))),
         .unsupportedPSSParameter(field: "maskGenAlgorithm", oid: "2.16.840.1.101.3.4.2.1")),
        RSARefusedKey(pssSPKI(explicit(2, T.der(tag: 0x02, [0xff]))), .invalidPSSParameters(field: "saltLength")),
        RSARefusedKey(pssSPKI(explicit(2, T.derInteger([20])), explicit(0, T.sequence(sha256OID))),
         .malformedDER(field: "RSASSA-PSS-params")),
    ]))
    func refusedKeys(_ refused: RSARefusedKey) {
        #expect(throws: refused.error) { try RSAPublicKey(subjectPublicKeyInfoDER: refused.der) }
    }

    @Test func pemErrors() {
        #expect(throws: RSAKeyError.unexpectedPEMType("CERTIFICATE")) {
            try RSAPublicKey(pemRepresentation: pem("CERTIFICATE", rsaSPKI(modulus: oddNumber(bits: 2048))))
        }
        #expect(throws: RSAKeyError.malformedPEM) { try RSAPublicKey(pemRepresentation: "not a PEM") }
        #expect(throws: RSAKeyError.malformedPEM) {
            try RSAPublicKey(pemRepresentation: "-----BEGIN PUBLIC KEY-----\n@@@@\n-----END PUBLIC KEY-----\n")
        }
        #expect(throws: RSAKeyError.modulusEven) {
            try RSAPublicKey(pkcs1DER: T.pkcs1(modulus: oddNumber(bits: 2048).dropLast() + [0x10], exponent: e65537))
        }
    }

    @Test func pssParametersRestrictTheKey() throws {
        // All defaults: SHA-1, MGF1-SHA-1, salt 20.
        let defaults = try RSAPublicKey(subjectPublicKeyInfoDER: pssSPKI())
        #expect(defaults.pssRestriction == RSAPSSRestriction(hash: .sha1, mgf1Hash: .sha1, saltLength: 20))
        // SHA-256 everywhere with absent hash parameters, salt 32, explicit trailerField 1.
        let sha256 = try RSAPublicKey(subjectPublicKeyInfoDER: pssSPKI(
            explicit(0, T.sequence(sha256OID)), explicit(1, T.sequence(mgf1OID, T.sequence(sha256OID, T.null))),
            explicit(2, T.derInteger([32])), explicit(3, T.derInteger([1]))))
        #expect(sha256.pssRestriction == RSAPSSRestriction(hash: .sha256, mgf1Hash: .sha256, saltLength: 32))
        #expect(sha256.isPSSOnly)
        // No parameters at all: PSS only, anything PSS.
        let unrestricted = try RSAPublicKey(subjectPublicKeyInfoDER: T.spki(
            algorithm: T.rsassaPSSOID, key: T.pkcs1(modulus: oddNumber(bits: 2048), exponent: e65537)))
        #expect(unrestricted.pssRestriction == nil && unrestricted.isPSSOnly)
        let restriction = try #require(sha256.pssRestriction)
        #expect(restriction.saltLength == 32)
    }

    /// Signature-level edge cases on Wycheproof's 2048-bit key and its valid signature of "".
    @Test func signatureEdgeCases() throws {
        let json = try T.wycheproof("rsa_signature_2048_sha256_test.json")
        let group = try #require((json["testGroups"] as? [[String: Any]])?.first)
        let spki = try T.bytes(hex: try #require(group["publicKeyDer"] as? String))
        let key = try RSAPublicKey(subjectPublicKeyInfoDER: spki)
        let test = try #require((group["tests"] as? [[String: Any]])?.first { $0["tcId"] as? Int == 1 })
        let message = try T.bytes(hex: test["msg"] as? String ?? "")
        let signature = try T.bytes(hex: test["sig"] as? String ?? "")
        let digest = SHA256.hash(data: message)

        #expect(key.isValidPKCS1v15Signature(signature, message: message, hash: .sha256))
        #expect(key.isValidSignature(signature, for: message, padding: .pkcs1v15(.sha256)))
        #expect(key.isValidSignature(signature, for: digest, padding: .pkcs1v15(.sha256)))
        #expect(key.isValidSignature(signature, forDigest: digest.bytes, padding: .pkcs1v15(.sha256)))
        // Wrong hash, wrong digest length, wrong scheme, PSS parameters from a key that has none.
        #expect(!key.isValidPKCS1v15Signature(signature, message: message, hash: .sha384))
        #expect(!key.isValidPKCS1v15Signature(signature, digest: Array(digest.bytes.dropLast()), hash: .sha256))
        #expect(!key.isValidSignature(signature, for: message, padding: .pss(.sha256)))
        #expect(!key.isValidSignature(signature, for: message, padding: .pssWithKeyParameters))
        // Absurd PSS salt lengths are simply invalid (no overflow, no trap).
        for salt in [Int.max, Int.max - 1, 1 << 40, -1, Int.min] {
            #expect(!key.isValidPSSSignature(signature, message: message, hash: .sha256, mgf1: .sha256, saltLength: salt))
        }
        // Length must be exactly k: a leading zero byte or a missing byte fails.
        #expect(!key.isValidPKCS1v15Signature([0] + signature, message: message, hash: .sha256))
        #expect(!key.isValidPKCS1v15Signature(Array(signature.dropFirst()), message: message, hash: .sha256))
        #expect(!key.isValidPKCS1v15Signature([], message: message, hash: .sha256))
        // s ≥ n fails; so do s = 0, 1 and n − 1, and s + n (same residue, out of range).
        let n = key.modulus
        let k = key.modulusByteCount
        for s in [n, n + 1, BigInt(0), BigInt(1), n - 1] {
            let bytes = (try? s.serialize(byteCount: k)) ?? []
            #expect(!key.isValidPKCS1v15Signature(bytes, message: message, hash: .sha256))
        }
        let wrapped = BigInt(bytes: signature) + n
        if let bytes = try? wrapped.serialize(byteCount: k) {
            #expect(!key.isValidPKCS1v15Signature(bytes, message: message, hash: .sha256))
        }
        // The same key as id-RSASSA-PSS refuses PKCS#1 v1.5.
        let pkcs1 = try #require(spki.count > 24 ? Array(spki[24...]) : nil)  // the RSAPublicKey inside the BIT STRING
        let pssOnly = try RSAPublicKey(subjectPublicKeyInfoDER: T.spki(algorithm: T.rsassaPSSOID, key: pkcs1))
        #expect(pssOnly.modulus == n)
        #expect(!pssOnly.isValidPKCS1v15Signature(signature, message: message, hash: .sha256))
    }
}
