// CertID (RFC 6960 §4.1.1), which names the certificate an OCSP request asks about and a single
// response answers for: a hash of the issuer's name and of its key, and the serial number. Built from
// a certificate and its issuer, read from a response, and compared by recomputing the hashes. A hash
// algorithm CertoHash does not know is kept by OID and matches nothing, rather than failing the parse.
//
//   CertID ::= SEQUENCE { hashAlgorithm AlgorithmIdentifier, issuerNameHash OCTET STRING,
//     issuerKeyHash OCTET STRING, serialNumber CertificateSerialNumber }
import CertoDER
import CertoHash

public struct OCSPCertID: Sendable, Hashable {
    /// The hash both issuer hashes were made with; nil when the OID names a hash CertoHash lacks.
    public let hashAlgorithm: HashAlgorithm?
    /// hashAlgorithm.algorithm's content octets (parameters are absent or NULL, and not kept).
    let hashAlgorithmOIDBytes: [UInt8]
    /// The hash of the DER of the certificate's issuer field.
    public let issuerNameHash: [UInt8]
    /// The hash of the issuer's subjectPublicKey BIT STRING value (no tag, length or unused-bits octet).
    public let issuerKeyHash: [UInt8]
    /// serialNumber INTEGER content octets, as Certificate.serialNumber gives them.
    public let serialNumber: [UInt8]

    /// Dotted OID of the hash algorithm.
    public var hashAlgorithmOID: String { ObjectIdentifierEncoding.dotted(hashAlgorithmOIDBytes[...]) }

    /// The CertID that names `certificate`, whose issuer is `issuer`, hashed with `hash`.
    public init(certificate: Certificate, issuer: Certificate, hash: HashAlgorithm) {
        hashAlgorithm = hash
        hashAlgorithmOIDBytes = Self.objectIdentifier(of: hash)
        issuerNameHash = hash.hash(certificate.issuer.encoded)
        issuerKeyHash = hash.hash(issuer.publicKey.key)
        serialNumber = certificate.serialNumber
    }

    /// Whether this CertID names `certificate` issued by `issuer`: same serial number, and both issuer
    /// hashes recomputed with this CertID's algorithm equal. False for a hash algorithm CertoHash lacks.
    public func matches(certificate: Certificate, issuer: Certificate) -> Bool {
        guard let hashAlgorithm, certificate.serial.elementsEqual(serialNumber) else { return false }
        return hashAlgorithm.hash(issuer.publicKey.key) == issuerKeyHash
            && hashAlgorithm.hash(certificate.issuer.encoded) == issuerNameHash
    }

    /// Reads a CertID SEQUENCE from `scanner`; `field` names it in errors.
    init(_ scanner: inout DERScanner, field: String) throws(CertificateError) {
        var parts = try scanner.enter(0x30, field)
        var algorithm = try parts.enter(0x30, field + ".hashAlgorithm")
        let oid = try algorithm.objectIdentifier(field + ".hashAlgorithm.algorithm")
        if let parameters = algorithm.nextTag {
            // RFC 5754 §2 (and RFC 3279 for SHA-1): the parameters are absent or NULL; CertIDs carry NULL.
            guard parameters == 0x05 else {
                throw .invalidAlgorithmParameters(field: field + ".hashAlgorithm.parameters", offset: algorithm.position,
                                                  algorithm: ObjectIdentifierEncoding.dotted(oid))
            }
            try algorithm.null(field + ".hashAlgorithm.parameters")
        }
        try algorithm.finish(field + ".hashAlgorithm")
        let hash = HashAlgorithm(objectIdentifier: oid)
        let nameStart = parts.position
        let nameHash = try parts.primitive(0x04, field + ".issuerNameHash")
        let keyStart = parts.position
        let keyHash = try parts.primitive(0x04, field + ".issuerKeyHash")
        // A known hash has one digest size; any other length cannot be that hash of anything.
        if let hash {
            guard nameHash.count == hash.digestByteCount else { throw .valueOutOfRange(field: field + ".issuerNameHash", offset: nameStart) }
            guard keyHash.count == hash.digestByteCount else { throw .valueOutOfRange(field: field + ".issuerKeyHash", offset: keyStart) }
        }
        let serial = try parts.integer(field + ".serialNumber")
        try parts.finish(field)
        hashAlgorithm = hash
        hashAlgorithmOIDBytes = Array(oid)
        issuerNameHash = Array(nameHash)
        issuerKeyHash = Array(keyHash)
        serialNumber = Array(serial)
    }

    /// Writes the CertID, with NULL hash parameters as RFC 6960's examples and deployed clients do.
    func encode(into writer: inout DERWriter) {
        writer.appendConstructed { (id: inout DERWriter) in
            id.appendConstructed { (algorithm: inout DERWriter) in
                algorithm.appendObjectIdentifier(content: hashAlgorithmOIDBytes)
                algorithm.appendNull()
            }
            id.appendOctetString(issuerNameHash)
            id.appendOctetString(issuerKeyHash)
            // The serial's content octets as the certificate encodes them (already minimal, of either sign).
            id.append(tag: 0x02, content: serialNumber)
        }
    }

    /// Content octets of the hash's OBJECT IDENTIFIER (RFC 3279 §2.1, RFC 4055 §2.1).
    private static func objectIdentifier(of hash: HashAlgorithm) -> [UInt8] {
        let nistHashArc: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02]  // 2.16.840.1.101.3.4.2
        switch hash {
        case .sha1: return [0x2b, 0x0e, 0x03, 0x02, 0x1a]  // 1.3.14.3.2.26
        case .sha256: return nistHashArc + [0x01]
        case .sha384: return nistHashArc + [0x02]
        case .sha512: return nistHashArc + [0x03]
        case .sha224: return nistHashArc + [0x04]
        }
    }
}
