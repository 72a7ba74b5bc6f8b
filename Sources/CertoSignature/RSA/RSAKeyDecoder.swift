// Strict DER/PEM decoding of RSA public keys on swift-asn1: SubjectPublicKeyInfo (rsaEncryption with
// NULL parameters, id-RSASSA-PSS with optional RSASSA-PSS-params), PKCS#1 RSAPublicKey, and PEM.
// swift-asn1 enforces DER (minimal lengths and integers, no trailing bytes). RSASSA-PSS-params
// fields equal to their DEFAULT are accepted when present, as Wycheproof and deployed encoders expect.
import CertoBigInt
import CertoHash
import SwiftASN1

enum RSAKeyDecoder {
    static let rsaEncryption: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 1]
    static let rsassaPSS: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 10]
    static let mgf1: ASN1ObjectIdentifier = [1, 2, 840, 113549, 1, 1, 8]

    static func hashAlgorithm(for oid: ASN1ObjectIdentifier) -> HashAlgorithm? {
        switch oid {
        case [1, 3, 14, 3, 2, 26]: return .sha1
        case [2, 16, 840, 1, 101, 3, 4, 2, 4]: return .sha224
        case [2, 16, 840, 1, 101, 3, 4, 2, 1]: return .sha256
        case [2, 16, 840, 1, 101, 3, 4, 2, 2]: return .sha384
        case [2, 16, 840, 1, 101, 3, 4, 2, 3]: return .sha512
        default: return nil
        }
    }

    static func pem(_ text: String) throws(RSAKeyError) -> RSAPublicKey {
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: text)
        } catch {
            throw .malformedPEM
        }
        switch document.discriminator {
        case "PUBLIC KEY":
            return try subjectPublicKeyInfo(document.derBytes)
        case "RSA PUBLIC KEY":
            return try RSAPublicKey(pkcs1DER: document.derBytes)
        default:
            throw .unexpectedPEMType(document.discriminator)
        }
    }

    /// SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
    static func subjectPublicKeyInfo(_ der: [UInt8]) throws(RSAKeyError) -> RSAPublicKey {
        let root = try parse(der[...], field: "SubjectPublicKeyInfo")
        var field = "SubjectPublicKeyInfo"
        let parsed: (ASN1ObjectIdentifier, ASN1Node?, ASN1BitString)
        do {
            parsed = try DER.sequence(root, identifier: .sequence) { nodes in
                field = "SubjectPublicKeyInfo.algorithm"
                guard let algorithmNode = nodes.next() else { throw ASN1Error.invalidASN1Object(reason: "missing") }
                let (oid, parameters) = try DER.sequence(algorithmNode, identifier: .sequence) { inner in
                    let oid = try ASN1ObjectIdentifier(derEncoded: &inner)
                    let parameters = inner.next()
                    return (oid, parameters)
                }
                field = "SubjectPublicKeyInfo.subjectPublicKey"
                let bits = try ASN1BitString(derEncoded: &nodes)
                return (oid, parameters, bits)
            }
        } catch {
            throw .malformedDER(field: field)
        }
        let (oid, parameters, bitString) = parsed
        guard bitString.paddingBits == 0 else { throw .malformedDER(field: "SubjectPublicKeyInfo.subjectPublicKey") }
        let (n, e) = try pkcs1(bitString.bytes, field: "SubjectPublicKeyInfo.subjectPublicKey.RSAPublicKey")
        switch oid {
        case rsaEncryption:
            // RFC 3279 §2.3.1: the parameters field MUST be NULL.
            guard let parameters, parameters.identifier == .null,
                  (try? ASN1Null(derEncoded: parameters)) != nil else {
                throw .malformedDER(field: "SubjectPublicKeyInfo.algorithm.parameters")
            }
            return try RSAPublicKey(modulus: n, publicExponent: e, pss: nil, pssOnly: false)
        case rsassaPSS:
            // RFC 4055 §3.1: parameters absent means no restriction beyond "PSS only".
            let restriction = try parameters.map { node throws(RSAKeyError) in try pssParameters(node) }
            return try RSAPublicKey(modulus: n, publicExponent: e, pss: restriction, pssOnly: true)
        default:
            throw .unsupportedAlgorithm(oid: oid.description)
        }
    }

    /// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (both positive).
    static func pkcs1(_ der: ArraySlice<UInt8>, field: String) throws(RSAKeyError) -> (BigInt, BigInt) {
        let root = try parse(der, field: field)
        do {
            return try DER.sequence(root, identifier: .sequence) { nodes in
                let modulus = try ArraySlice<UInt8>(derEncoded: &nodes)
                let exponent = try ArraySlice<UInt8>(derEncoded: &nodes)
                return (BigInt(bytes: modulus), BigInt(bytes: exponent))
            }
        } catch {
            throw .malformedDER(field: field)
        }
    }

    /// RSASSA-PSS-params ::= SEQUENCE {
    ///   hashAlgorithm [0] HashAlgorithm DEFAULT sha1, maskGenAlgorithm [1] MaskGenAlgorithm DEFAULT mgf1SHA1,
    ///   saltLength [2] INTEGER DEFAULT 20, trailerField [3] TrailerField DEFAULT trailerFieldBC }
    static func pssParameters(_ node: ASN1Node) throws(RSAKeyError) -> RSAPSSRestriction {
        var field = "RSASSA-PSS-params"
        var unsupported: RSAKeyError?
        let result: (HashAlgorithm, HashAlgorithm, Int, Int)
        do {
            result = try DER.sequence(node, identifier: .sequence) { nodes in
                field = "RSASSA-PSS-params.hashAlgorithm"
                let hashOID = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { inner in
                    try hashAlgorithmIdentifier(inner)
                }
                field = "RSASSA-PSS-params.maskGenAlgorithm"
                let mgf = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) { inner in
                    try DER.sequence(inner, identifier: .sequence) { mgfNodes in
                        let oid = try ASN1ObjectIdentifier(derEncoded: &mgfNodes)
                        guard let hashNode = mgfNodes.next() else { throw ASN1Error.invalidASN1Object(reason: "missing") }
                        return (oid, try hashAlgorithmIdentifier(hashNode))
                    }
                }
                field = "RSASSA-PSS-params.saltLength"
                let salt = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 2, tagClass: .contextSpecific) { inner in
                    try Int(derEncoded: inner)
                }
                field = "RSASSA-PSS-params.trailerField"
                let trailer = try DER.optionalExplicitlyTagged(&nodes, tagNumber: 3, tagClass: .contextSpecific) { inner in
                    try Int(derEncoded: inner)
                }
                field = "RSASSA-PSS-params"
                var hash = HashAlgorithm.sha1
                if let hashOID {
                    guard let known = hashAlgorithm(for: hashOID) else {
                        unsupported = .unsupportedPSSParameter(field: "hashAlgorithm", oid: hashOID.description)
                        throw ASN1Error.invalidASN1Object(reason: "unsupported")
                    }
                    hash = known
                }
                var mgfHash = HashAlgorithm.sha1
                if let (mgfOID, mgfHashOID) = mgf {
                    guard mgfOID == mgf1 else {
                        unsupported = .unsupportedPSSParameter(field: "maskGenAlgorithm", oid: mgfOID.description)
                        throw ASN1Error.invalidASN1Object(reason: "unsupported")
                    }
                    guard let known = hashAlgorithm(for: mgfHashOID) else {
                        unsupported = .unsupportedPSSParameter(field: "maskGenAlgorithm.hashAlgorithm", oid: mgfHashOID.description)
                        throw ASN1Error.invalidASN1Object(reason: "unsupported")
                    }
                    mgfHash = known
                }
                return (hash, mgfHash, salt ?? 20, trailer ?? 1)
            }
        } catch {
            throw unsupported ?? .malformedDER(field: field)
        }
        let (hash, mgfHash, saltLength, trailer) = result
        guard saltLength >= 0 else { throw .invalidPSSParameters(field: "saltLength") }
        guard trailer == 1 else { throw .invalidPSSParameters(field: "trailerField") }
        return RSAPSSRestriction(hash: hash, mgf1Hash: mgfHash, saltLength: saltLength)
    }

    /// AlgorithmIdentifier for a hash: the OID with parameters absent or NULL (RFC 4055 §2.1 asks
    /// implementations to accept both).
    private static func hashAlgorithmIdentifier(_ node: ASN1Node) throws -> ASN1ObjectIdentifier {
        try DER.sequence(node, identifier: .sequence) { nodes in
            let oid = try ASN1ObjectIdentifier(derEncoded: &nodes)
            if let parameters = nodes.next() {
                _ = try ASN1Null(derEncoded: parameters)
            }
            return oid
        }
    }

    private static func parse(_ der: ArraySlice<UInt8>, field: String) throws(RSAKeyError) -> ASN1Node {
        do {
            return try DER.parse(der)
        } catch {
            throw .malformedDER(field: field)
        }
    }
}
