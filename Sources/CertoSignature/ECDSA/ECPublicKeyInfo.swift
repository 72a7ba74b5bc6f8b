// SubjectPublicKeyInfo for EC keys (RFC 5480 §2): id-ecPublicKey with a namedCurve, decoded strictly
// with CertoDER's scanner. Explicit (specifiedCurve) and implicit parameters are refused with their
// own errors; the point bytes are handed to the curve for SEC1 decoding and validation.
import CertoDER

struct ECPublicKeyInfo {
    static let idECPublicKey = "1.2.840.10045.2.1"

    let curve: ECDSACurve
    /// The subjectPublicKey BIT STRING contents: a SEC1 point.
    let point: [UInt8]

    init(derEncoded der: [UInt8]) throws(ECDSAKeyError) {
        guard var fields = try? DERScanner<DERError>.singleSequence(der[...], "SubjectPublicKeyInfo") else {
            throw .malformedDER(field: "SubjectPublicKeyInfo")
        }
        guard let algorithmTLV = try? fields.read(0x30, "SubjectPublicKeyInfo.algorithm"),
              var algorithmFields = try? fields.enter(algorithmTLV, "SubjectPublicKeyInfo.algorithm")
        else { throw .malformedDER(field: "SubjectPublicKeyInfo.algorithm") }
        guard !fields.isAtEnd else { throw .malformedDER(field: "SubjectPublicKeyInfo.subjectPublicKey") }
        let keyStart = fields.position
        guard (try? fields.read("SubjectPublicKeyInfo.subjectPublicKey")) != nil, fields.isAtEnd else {
            throw .malformedDER(field: "SubjectPublicKeyInfo (extra element)")
        }

        guard let algorithm = try? algorithmFields.objectIdentifier("SubjectPublicKeyInfo.algorithm.algorithm") else {
            throw .malformedDER(field: "SubjectPublicKeyInfo.algorithm.algorithm")
        }
        let dotted = ObjectIdentifierEncoding.dotted(algorithm)
        guard dotted == Self.idECPublicKey else { throw .notAnECPublicKey(algorithm: dotted) }
        guard !algorithmFields.isAtEnd else { throw .missingCurveParameters }
        curve = try Self.namedCurve(&algorithmFields)
        guard algorithmFields.isAtEnd else {
            throw .malformedDER(field: "SubjectPublicKeyInfo.algorithm (extra element)")
        }

        var key = DERScanner<DERError>(der[keyStart...])
        guard let (bits, unused) = try? key.bitString("SubjectPublicKeyInfo.subjectPublicKey") else {
            throw .malformedDER(field: "SubjectPublicKeyInfo.subjectPublicKey")
        }
        guard unused == 0 else { throw .malformedDER(field: "SubjectPublicKeyInfo.subjectPublicKey (unused bits)") }
        point = Array(bits)
    }

    /// ECParameters ::= CHOICE { namedCurve OID, implicitCurve NULL, specifiedCurve SEQUENCE }.
    private static func namedCurve(_ parameters: inout DERScanner<DERError>) throws(ECDSAKeyError) -> ECDSACurve {
        if parameters.nextTag == 0x30 { throw .explicitCurveParametersNotSupported }
        if parameters.nextTag == 0x05 { throw .implicitCurveNotSupported }
        guard let oid = try? parameters.objectIdentifier("SubjectPublicKeyInfo.algorithm.parameters") else {
            throw .malformedDER(field: "SubjectPublicKeyInfo.algorithm.parameters")
        }
        let dotted = ObjectIdentifierEncoding.dotted(oid)
        for curve in ECDSACurve.allCases where dotted == curve.objectIdentifier {
            return curve
        }
        throw .unsupportedCurve(oid: dotted)
    }

    /// The DER inside one PEM "PUBLIC KEY" block.
    static func derBytes(fromPEM pem: String) throws(ECDSAKeyError) -> [UInt8] {
        let block: PEM.Block
        do {
            block = try PublicKeyPEM.onlyBlock(pem)
        } catch {
            throw .invalidPEM(error.description)
        }
        guard block.label == "PUBLIC KEY" else { throw .unexpectedPEMType(block.label) }
        return block.der
    }
}
