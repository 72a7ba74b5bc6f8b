// Strict DER/PEM decoding of RSA public keys with CertoDER's scanner: SubjectPublicKeyInfo
// (rsaEncryption with NULL parameters, id-RSASSA-PSS with optional RSASSA-PSS-params), PKCS#1
// RSAPublicKey, and PEM. DER is enforced throughout (minimal lengths and integers, nothing trailing).
// RSASSA-PSS-params fields equal to their DEFAULT are accepted when present, as Wycheproof and deployed
// encoders expect. Each failure names the structure it happened in.
import CertoBigInt
import CertoDER
import CertoHash

enum RSAKeyDecoder {
    static let rsaEncryption = "1.2.840.113549.1.1.1"
    static let rsassaPSS = "1.2.840.113549.1.1.10"
    static let mgf1 = "1.2.840.113549.1.1.8"

    static func pem(_ text: String) throws(RSAKeyError) -> RSAPublicKey {
        guard let block = try? PublicKeyPEM.onlyBlock(text) else { throw .malformedPEM }
        switch block.label {
        case "PUBLIC KEY":
            return try subjectPublicKeyInfo(block.der)
        case "RSA PUBLIC KEY":
            return try RSAPublicKey(pkcs1DER: block.der)
        default:
            throw .unexpectedPEMType(block.label)
        }
    }

    /// SubjectPublicKeyInfo ::= SEQUENCE { algorithm AlgorithmIdentifier, subjectPublicKey BIT STRING }
    static func subjectPublicKeyInfo(_ der: [UInt8]) throws(RSAKeyError) -> RSAPublicKey {
        var info = try sequence(der[...], field: "SubjectPublicKeyInfo")
        var field = "SubjectPublicKeyInfo.algorithm"
        let oid: String
        let parameters: DERScanner<DERError>?
        let key: ArraySlice<UInt8>
        do throws(DERError) {
            var algorithm = try info.enter(0x30, field)
            oid = ObjectIdentifierEncoding.dotted(try algorithm.objectIdentifier(field))
            if algorithm.isAtEnd {
                parameters = nil
            } else {
                let start = algorithm.position
                _ = try algorithm.read(field)
                try algorithm.finish(field)
                parameters = DERScanner(der[start..<algorithm.end])
            }
            field = "SubjectPublicKeyInfo.subjectPublicKey"
            key = try info.octetAlignedBitString(field)
            try info.finish(field)
        } catch {
            throw .malformedDER(field: field)
        }
        let (n, e) = try pkcs1(key, field: "SubjectPublicKeyInfo.subjectPublicKey.RSAPublicKey")
        switch oid {
        case rsaEncryption:
            // RFC 3279 §2.3.1: the parameters field MUST be NULL.
            guard var parameters, (try? parameters.null("")) != nil else {
                throw .malformedDER(field: "SubjectPublicKeyInfo.algorithm.parameters")
            }
            return try RSAPublicKey(modulus: n, publicExponent: e, pss: nil, pssOnly: false)
        case rsassaPSS:
            // RFC 4055 §3.1: parameters absent means no restriction beyond "PSS only".
            let restriction = try parameters.map { scanner throws(RSAKeyError) in try pssParameters(scanner) }
            return try RSAPublicKey(modulus: n, publicExponent: e, pss: restriction, pssOnly: true)
        default:
            throw .unsupportedAlgorithm(oid: oid)
        }
    }

    /// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (both positive).
    static func pkcs1(_ der: ArraySlice<UInt8>, field: String) throws(RSAKeyError) -> (BigInt, BigInt) {
        var key = try sequence(der, field: field)
        do throws(DERError) {
            let modulus = try key.unsignedInteger(field)
            let exponent = try key.unsignedInteger(field)
            try key.finish(field)
            return (BigInt(bytes: modulus), BigInt(bytes: exponent))
        } catch {
            throw .malformedDER(field: field)
        }
    }

    /// RSASSA-PSS-params ::= SEQUENCE {
    ///   hashAlgorithm [0] HashAlgorithm DEFAULT sha1, maskGenAlgorithm [1] MaskGenAlgorithm DEFAULT mgf1SHA1,
    ///   saltLength [2] INTEGER DEFAULT 20, trailerField [3] TrailerField DEFAULT trailerFieldBC }
    /// `scanner` is positioned on the parameters element.
    static func pssParameters(_ scanner: DERScanner<DERError>) throws(RSAKeyError) -> RSAPSSRestriction {
        var outer = scanner
        var field = "RSASSA-PSS-params"
        var hashOID: ArraySlice<UInt8>? = nil
        var mgf: (oid: String, hash: ArraySlice<UInt8>)? = nil
        var saltLength = 20
        var trailer = 1
        do throws(DERError) {
            var params = try outer.enter(0x30, field)
            if params.nextTag == 0xa0 {
                field = "RSASSA-PSS-params.hashAlgorithm"
                var inner = try params.explicit(0xa0, field)
                hashOID = try hashAlgorithmIdentifier(&inner, field)
            }
            if params.nextTag == 0xa1 {
                field = "RSASSA-PSS-params.maskGenAlgorithm"
                var inner = try params.explicit(0xa1, field)
                var algorithm = try inner.enter(0x30, field)
                let oid = ObjectIdentifierEncoding.dotted(try algorithm.objectIdentifier(field))
                let hash = try hashAlgorithmIdentifier(&algorithm, field)
                try algorithm.finish(field)
                mgf = (oid, hash)
            }
            if params.nextTag == 0xa2 {
                field = "RSASSA-PSS-params.saltLength"
                var inner = try params.explicit(0xa2, field)
                saltLength = try inner.smallInteger(field)
            }
            if params.nextTag == 0xa3 {
                field = "RSASSA-PSS-params.trailerField"
                var inner = try params.explicit(0xa3, field)
                trailer = try inner.smallInteger(field)
            }
            field = "RSASSA-PSS-params"
            try params.finish(field)
        } catch {
            throw .malformedDER(field: field)
        }
        var hash = HashAlgorithm.sha1
        if let hashOID {
            guard let known = HashAlgorithm(objectIdentifier: hashOID) else {
                throw .unsupportedPSSParameter(field: "hashAlgorithm", oid: ObjectIdentifierEncoding.dotted(hashOID))
            }
            hash = known
        }
        var mgfHash = HashAlgorithm.sha1
        if let mgf {
            guard mgf.oid == mgf1 else { throw .unsupportedPSSParameter(field: "maskGenAlgorithm", oid: mgf.oid) }
            guard let known = HashAlgorithm(objectIdentifier: mgf.hash) else {
                throw .unsupportedPSSParameter(field: "maskGenAlgorithm.hashAlgorithm", oid: ObjectIdentifierEncoding.dotted(mgf.hash))
            }
            mgfHash = known
        }
        guard saltLength >= 0 else { throw .invalidPSSParameters(field: "saltLength") }
        guard trailer == 1 else { throw .invalidPSSParameters(field: "trailerField") }
        return RSAPSSRestriction(hash: hash, mgf1Hash: mgfHash, saltLength: saltLength)
    }

    /// AlgorithmIdentifier for a hash: the OID with parameters absent or NULL (RFC 4055 §2.1 asks
    /// implementations to accept both); the OID's content octets.
    private static func hashAlgorithmIdentifier(_ s: inout DERScanner<DERError>, _ field: String) throws(DERError) -> ArraySlice<UInt8> {
        var algorithm = try s.enter(0x30, field)
        let oid = try algorithm.objectIdentifier(field)
        if !algorithm.isAtEnd { try algorithm.null(field) }
        try algorithm.finish(field)
        return oid
    }

    /// A scanner inside the SEQUENCE that `der` must be, exactly and with well-formed framing throughout;
    /// any failure is `.malformedDER(field)`.
    private static func sequence(_ der: ArraySlice<UInt8>, field: String) throws(RSAKeyError) -> DERScanner<DERError> {
        guard var outer = try? DERScanner<DERError>.single(der, field), let inner = try? outer.enter(0x30, field) else {
            throw .malformedDER(field: field)
        }
        return inner
    }
}
