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

    /// RSASSA-PSS-params (RFC 4055 §3.1), read by CertoDER; here only what the OIDs name, and a key
    /// whose parameters name a hash or mask function this library lacks is refused (it could verify nothing).
    /// `scanner` is positioned on the parameters element.
    static func pssParameters(_ scanner: DERScanner<DERError>) throws(RSAKeyError) -> RSAPSSRestriction {
        var scanner = scanner
        let fields: RSASSAPSSParameterFields
        do throws(DERError) {
            fields = try RSASSAPSSParameterFields(&scanner)
        } catch {
            let field = error.field ?? ""
            if case .valueOutOfRange = error { throw .invalidPSSParameters(field: field) }
            throw .malformedDER(field: field.isEmpty ? "RSASSA-PSS-params" : "RSASSA-PSS-params." + field)
        }
        var hash = HashAlgorithm.sha1
        if let oid = fields.hashAlgorithm {
            guard let known = HashAlgorithm(objectIdentifier: oid) else {
                throw .unsupportedPSSParameter(field: "hashAlgorithm", oid: ObjectIdentifierEncoding.dotted(oid))
            }
            hash = known
        }
        var mgfHash = HashAlgorithm.sha1
        if let mgf = fields.maskGenAlgorithm {
            guard let oid = fields.maskGenHash else {
                throw .unsupportedPSSParameter(field: "maskGenAlgorithm", oid: ObjectIdentifierEncoding.dotted(mgf))
            }
            guard let known = HashAlgorithm(objectIdentifier: oid) else {
                throw .unsupportedPSSParameter(field: "maskGenAlgorithm.hashAlgorithm", oid: ObjectIdentifierEncoding.dotted(oid))
            }
            mgfHash = known
        }
        return RSAPSSRestriction(hash: hash, mgf1Hash: mgfHash, saltLength: fields.saltLength)
    }

    /// A scanner inside the SEQUENCE that `der` must be, exactly and with well-formed framing throughout;
    /// any failure is `.malformedDER(field)`.
    private static func sequence(_ der: ArraySlice<UInt8>, field: String) throws(RSAKeyError) -> DERScanner<DERError> {
        guard let inner = try? DERScanner<DERError>.singleSequence(der, field) else { throw .malformedDER(field: field) }
        return inner
    }
}
