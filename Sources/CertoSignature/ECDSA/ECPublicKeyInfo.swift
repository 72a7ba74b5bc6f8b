// SubjectPublicKeyInfo for EC keys (RFC 5480 §2): id-ecPublicKey with a namedCurve, decoded
// strictly with swift-asn1. Explicit (specifiedCurve) and implicit parameters are refused with
// their own errors; the point bytes are handed to the curve for SEC1 decoding and validation.
import SwiftASN1

struct ECPublicKeyInfo {
    static let idECPublicKey: ASN1ObjectIdentifier = "1.2.840.10045.2.1"

    let curve: ECDSACurve
    /// The subjectPublicKey BIT STRING contents: a SEC1 point.
    let point: [UInt8]

    init(derEncoded der: [UInt8]) throws(ECDSAKeyError) {
        let root: ASN1Node
        do {
            root = try DER.parse(der)
        } catch {
            throw .malformedDER(field: "SubjectPublicKeyInfo")
        }
        guard root.identifier == .sequence, case .constructed(let fields) = root.content else {
            throw .malformedDER(field: "SubjectPublicKeyInfo")
        }
        var iterator = fields.makeIterator()
        guard let algorithmNode = iterator.next(),
              algorithmNode.identifier == .sequence,
              case .constructed(let algorithmFields) = algorithmNode.content
        else { throw .malformedDER(field: "SubjectPublicKeyInfo.algorithm") }
        guard let keyNode = iterator.next() else { throw .malformedDER(field: "SubjectPublicKeyInfo.subjectPublicKey") }
        guard iterator.next() == nil else { throw .malformedDER(field: "SubjectPublicKeyInfo (extra element)") }

        var algorithmIterator = algorithmFields.makeIterator()
        let algorithm: ASN1ObjectIdentifier
        do {
            guard let oidNode = algorithmIterator.next() else { throw ECDSAKeyError.malformedDER(field: "") }
            algorithm = try ASN1ObjectIdentifier(derEncoded: oidNode)
        } catch {
            throw .malformedDER(field: "SubjectPublicKeyInfo.algorithm.algorithm")
        }
        guard algorithm == Self.idECPublicKey else { throw .notAnECPublicKey(algorithm: algorithm.description) }
        guard let parameters = algorithmIterator.next() else { throw .missingCurveParameters }
        guard algorithmIterator.next() == nil else {
            throw .malformedDER(field: "SubjectPublicKeyInfo.algorithm (extra element)")
        }
        curve = try Self.namedCurve(parameters)

        let bitString: ASN1BitString
        do {
            bitString = try ASN1BitString(derEncoded: keyNode)
        } catch {
            throw .malformedDER(field: "SubjectPublicKeyInfo.subjectPublicKey")
        }
        guard bitString.paddingBits == 0 else {
            throw .malformedDER(field: "SubjectPublicKeyInfo.subjectPublicKey (unused bits)")
        }
        point = Array(bitString.bytes)
    }

    /// ECParameters ::= CHOICE { namedCurve OID, implicitCurve NULL, specifiedCurve SEQUENCE }.
    private static func namedCurve(_ node: ASN1Node) throws(ECDSAKeyError) -> ECDSACurve {
        if node.identifier == .sequence { throw .explicitCurveParametersNotSupported }
        if node.identifier == .null { throw .implicitCurveNotSupported }
        let oid: ASN1ObjectIdentifier
        do {
            oid = try ASN1ObjectIdentifier(derEncoded: node)
        } catch {
            throw .malformedDER(field: "SubjectPublicKeyInfo.algorithm.parameters")
        }
        for curve in ECDSACurve.allCases where oid.description == curve.objectIdentifier {
            return curve
        }
        throw .unsupportedCurve(oid: oid.description)
    }

    /// The DER inside one PEM "PUBLIC KEY" block.
    static func derBytes(fromPEM pem: String) throws(ECDSAKeyError) -> [UInt8] {
        let document: PEMDocument
        do {
            document = try PEMDocument(pemString: pem)
        } catch {
            throw .invalidPEM(String(describing: error))
        }
        guard document.discriminator == "PUBLIC KEY" else { throw .unexpectedPEMType(document.discriminator) }
        return document.derBytes
    }
}
