// Signature AlgorithmIdentifiers (RFC 5280 §4.1.1.2) with the parameter rules of RFC 4055 and
// RFC 5754 (sha*WithRSAEncryption: NULL, or absent which RFC 4055 §5 says to accept) and RFC 5758
// (ECDSA: absent). RSA-PSS parameters decode with their RFC 4055 defaults. Unknown algorithms stay OIDs.
import CertoHash
import SwiftASN1

public enum SignatureAlgorithmIdentifier: Sendable, Hashable, CustomStringConvertible {
    case rsaPKCS1v15(HashAlgorithm)
    case rsaPSS(RSAPSSParameters)
    case ecdsa(HashAlgorithm)
    /// Kept at parse, refused later as unsupported.
    case unknown(oid: String)

    /// The hash the signature covers, when the algorithm is known.
    public var hashAlgorithm: HashAlgorithm? {
        switch self {
        case .rsaPKCS1v15(let hash), .ecdsa(let hash): return hash
        case .rsaPSS(let parameters): return parameters.hash
        case .unknown: return nil
        }
    }

    /// Dotted OID of the algorithm.
    public var oid: String {
        switch self {
        case .rsaPKCS1v15(let hash):
            switch hash {
            case .sha1: return "1.2.840.113549.1.1.5"
            case .sha224: return "1.2.840.113549.1.1.14"
            case .sha256: return "1.2.840.113549.1.1.11"
            case .sha384: return "1.2.840.113549.1.1.12"
            case .sha512: return "1.2.840.113549.1.1.13"
            }
        case .rsaPSS: return "1.2.840.113549.1.1.10"
        case .ecdsa(let hash):
            switch hash {
            case .sha1: return "1.2.840.10045.4.1"
            case .sha224: return "1.2.840.10045.4.3.1"
            case .sha256: return "1.2.840.10045.4.3.2"
            case .sha384: return "1.2.840.10045.4.3.3"
            case .sha512: return "1.2.840.10045.4.3.4"
            }
        case .unknown(let oid): return oid
        }
    }

    /// OpenSSL's name, e.g. "sha256WithRSAEncryption", "ecdsa-with-SHA384", "rsassaPss".
    public var description: String {
        switch self {
        case .rsaPKCS1v15(let hash): return hash.compactName + "WithRSAEncryption"
        case .rsaPSS(let parameters): return "rsassaPss (\(parameters))"
        case .ecdsa(let hash): return "ecdsa-with-" + hash.compactName.uppercased()
        case .unknown(let oid): return oid
        }
    }

    /// Decodes an AlgorithmIdentifier element used as a signature algorithm; error paths are relative
    /// ("algorithm", "parameters...") and the caller puts its own field in front.
    init(node: ASN1Node) throws(CertificateError) {
        var reader = try DERReader(node, "")
        let oidNode = try reader.next("algorithm")
        let oid = try objectIdentifier(oidNode, "algorithm")
        let parameters = reader.nextIfPresent()
        try reader.finish()

        if let hash = Self.pkcs1Hash(oid) {
            if let parameters {
                guard parameters.identifier == .null else {
                    throw .invalidAlgorithmParameters(field: "parameters", offset: parameters.offset, algorithm: hash.compactName + "WithRSAEncryption")
                }
                try null(parameters, "parameters")
            }
            self = .rsaPKCS1v15(hash)
        } else if let hash = Self.ecdsaHash(oid) {
            if let parameters {
                throw .invalidAlgorithmParameters(field: "parameters", offset: parameters.offset, algorithm: "ecdsa-with-" + hash.compactName.uppercased())
            }
            self = .ecdsa(hash)
        } else if oid.equals(OID.rsassaPSS) {
            guard let parameters else {
                // RFC 4055 §3.1: the signature AlgorithmIdentifier must carry the parameters.
                throw .missingElement(field: "parameters")
            }
            if let decoded = try RSAPSSParameters(node: parameters, field: "parameters") {
                self = .rsaPSS(decoded)
            } else {
                self = .unknown(oid: OID.dotted(oid))
            }
        } else {
            self = .unknown(oid: OID.dotted(oid))
        }
    }

    static func pkcs1Hash(_ oid: ArraySlice<UInt8>) -> HashAlgorithm? {
        guard oid.count == 9, oid.first == 0x2a else { return nil }
        if oid.equals(OID.sha256WithRSAEncryption) { return .sha256 }
        if oid.equals(OID.sha384WithRSAEncryption) { return .sha384 }
        if oid.equals(OID.sha512WithRSAEncryption) { return .sha512 }
        if oid.equals(OID.sha1WithRSAEncryption) { return .sha1 }
        if oid.equals(OID.sha224WithRSAEncryption) { return .sha224 }
        return nil
    }

    static func ecdsaHash(_ oid: ArraySlice<UInt8>) -> HashAlgorithm? {
        if oid.equals(OID.ecdsaWithSHA256) { return .sha256 }
        if oid.equals(OID.ecdsaWithSHA384) { return .sha384 }
        if oid.equals(OID.ecdsaWithSHA512) { return .sha512 }
        if oid.equals(OID.ecdsaWithSHA224) { return .sha224 }
        if oid.equals(OID.ecdsaWithSHA1) { return .sha1 }
        return nil
    }

    static func digestHash(_ oid: ArraySlice<UInt8>) -> HashAlgorithm? {
        if oid.equals(OID.sha256) { return .sha256 }
        if oid.equals(OID.sha384) { return .sha384 }
        if oid.equals(OID.sha512) { return .sha512 }
        if oid.equals(OID.sha1) { return .sha1 }
        if oid.equals(OID.sha224) { return .sha224 }
        return nil
    }
}

/// RSASSA-PSS-params (RFC 4055 §3.1), defaults applied: SHA-1, MGF1 with SHA-1, salt 20, trailer 1.
public struct RSAPSSParameters: Sendable, Hashable, CustomStringConvertible {
    public var hash: HashAlgorithm
    public var mgf1Hash: HashAlgorithm
    public var saltLength: Int
    public var trailerField: Int

    public init(hash: HashAlgorithm, mgf1Hash: HashAlgorithm, saltLength: Int, trailerField: Int = 1) {
        self.hash = hash
        self.mgf1Hash = mgf1Hash
        self.saltLength = saltLength
        self.trailerField = trailerField
    }

    public var description: String {
        "hash \(hash), MGF1 \(mgf1Hash), salt \(saltLength)" + (trailerField == 1 ? "" : ", trailer \(trailerField)")
    }

    /// Decodes the parameters; nil when they name a hash or mask function this library does not know
    /// (the algorithm is then kept as unknown). Structural errors throw.
    init?(node: ASN1Node, field: String) throws(CertificateError) {
        do {
            guard let decoded = try Self.decode(node) else { return nil }
            self = decoded
        } catch {
            throw error.prefixed(field)
        }
    }

    private static func decode(_ node: ASN1Node) throws(CertificateError) -> RSAPSSParameters? {
        var reader = try DERReader(node, "")
        var hash = HashAlgorithm.sha1
        var mgf1Hash = HashAlgorithm.sha1
        var salt = 20
        var trailer = 1
        var known = true
        if let tagged = reader.optional(.context(0)) {
            let inner = try explicit(tagged, 0, "hashAlgorithm")
            if let decoded = try Self.hashIdentifier(inner, "hashAlgorithm") { hash = decoded } else { known = false }
        }
        if let tagged = reader.optional(.context(1)) {
            let inner = try explicit(tagged, 1, "maskGenAlgorithm")
            var mgf = try DERReader(inner, "maskGenAlgorithm")
            let mgfOID = try objectIdentifier(try mgf.next("maskGenAlgorithm.algorithm"), "maskGenAlgorithm.algorithm")
            let mgfParameters = try mgf.next("maskGenAlgorithm.parameters")
            try mgf.finish()
            if mgfOID.equals(OID.mgf1), let decoded = try Self.hashIdentifier(mgfParameters, "maskGenAlgorithm.parameters") {
                mgf1Hash = decoded
            } else {
                known = false
            }
        }
        if let tagged = reader.optional(.context(2)) {
            let inner = try explicit(tagged, 2, "saltLength")
            salt = try smallNonNegativeInteger(inner, "saltLength")
        }
        if let tagged = reader.optional(.context(3)) {
            let inner = try explicit(tagged, 3, "trailerField")
            trailer = try smallNonNegativeInteger(inner, "trailerField")
            // RFC 4055 §3.1: trailerField must be 1 (0xBC).
            guard trailer == 1 else { throw .valueOutOfRange(field: "trailerField", offset: inner.offset) }
        }
        try reader.finish()
        guard known else { return nil }
        return RSAPSSParameters(hash: hash, mgf1Hash: mgf1Hash, saltLength: salt, trailerField: trailer)
    }

    /// A hash AlgorithmIdentifier; parameters NULL or absent (RFC 4055 §2.1 accepts both).
    private static func hashIdentifier(_ node: ASN1Node, _ field: String) throws(CertificateError) -> HashAlgorithm? {
        var reader = try DERReader(node, field)
        let oid = try objectIdentifier(try reader.next(field), field)
        if let parameters = reader.nextIfPresent() { try null(parameters, field) }
        try reader.finish()
        return SignatureAlgorithmIdentifier.digestHash(oid)
    }
}

extension HashAlgorithm {
    /// "sha256" style, as used inside OpenSSL's algorithm names.
    var compactName: String { rawValue }
}
