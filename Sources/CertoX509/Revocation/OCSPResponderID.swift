// ResponderID (RFC 6960 §4.2.1): how a basic OCSP response names the key that signed it, by the
// responder certificate's subject or by the SHA-1 hash of its public key. Only naming: whether that
// certificate may sign for the issuer in question is the revocation checker's judgement.
//
//   ResponderID ::= CHOICE { byName [1] Name, byKey [2] KeyHash }   (EXPLICIT tags: the module's default)
//   KeyHash ::= OCTET STRING -- SHA-1 hash of the responder's public key (the BIT STRING value)
import CertoDER
import CertoHash

public enum OCSPResponderID: Sendable, Hashable {
    case byName(DistinguishedName)
    case byKey([UInt8])

    /// Whether `certificate` is the responder named here: its subject equals the name (RFC 5280 §7.1
    /// comparison), or the SHA-1 of its subjectPublicKey BIT STRING value equals the key hash.
    public func matches(_ certificate: Certificate) -> Bool {
        switch self {
        case .byName(let name): return certificate.subject == name
        case .byKey(let hash): return HashAlgorithm.sha1.hash(certificate.publicKey.key) == hash
        }
    }

    /// Reads the CHOICE from `scanner`; `field` names it in errors.
    init(_ scanner: inout DERScanner, field: String) throws(CertificateError) {
        switch scanner.nextTag {
        case 0xa1:
            var inner = try scanner.explicit(0xa1, field + ".byName")
            let nameTLV = try inner.read(0x30, field + ".byName")
            self = .byName(try DistinguishedName(encoded: inner.bytes[nameTLV.range], field: field + ".byName"))
        case 0xa2:
            var inner = try scanner.explicit(0xa2, field + ".byKey")
            self = .byKey(Array(try inner.primitive(0x04, field + ".byKey")))
        case let tag?:
            throw .unexpectedElement(field: field, offset: scanner.position, tag: tag)
        case nil:
            throw .missingElement(field: field)
        }
    }
}
