// Signature AlgorithmIdentifiers (RFC 5280 §4.1.1.2) with the parameter rules of RFC 4055 and
// RFC 5754 (sha*WithRSAEncryption: NULL, or absent which RFC 4055 §5 says to accept) and RFC 5758
// (ECDSA: absent). RSA-PSS parameters decode with their RFC 4055 defaults. Unknown algorithms stay OIDs.
import CertoDER
import CertoHash

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

    /// Decodes an AlgorithmIdentifier (`encoded` is the whole element) used as a signature algorithm;
    /// error paths are relative ("algorithm", "parameters...") and the caller puts its own field in front.
    init(encoded: ArraySlice<UInt8>) throws(CertificateError) {
        var outer = DERScanner(encoded)
        var reader = try outer.enter(0x30, "")
        let oid = try reader.objectIdentifier("algorithm")
        let parameters: TLV? = reader.isAtEnd ? nil : try reader.read("parameters")
        try reader.finish("")

        if let hash = Self.pkcs1Hash(oid) {
            if let parameters {
                guard parameters.tag == 0x05 else {
                    throw .invalidAlgorithmParameters(field: "parameters", offset: parameters.start, algorithm: hash.compactName + "WithRSAEncryption")
                }
                guard parameters.contentCount == 0 else { throw .invalidEncoding(field: "parameters", offset: parameters.start, problem: .null) }
            }
            self = .rsaPKCS1v15(hash)
        } else if let hash = Self.ecdsaHash(oid) {
            if let parameters {
                throw .invalidAlgorithmParameters(field: "parameters", offset: parameters.start, algorithm: "ecdsa-with-" + hash.compactName.uppercased())
            }
            self = .ecdsa(hash)
        } else if oid.equals(OID.rsassaPSS) {
            guard let parameters else {
                // RFC 4055 §3.1: the signature AlgorithmIdentifier must carry the parameters.
                throw .missingElement(field: "parameters")
            }
            if let decoded = try RSAPSSParameters(encoded: reader.bytes[parameters.start..<parameters.end], field: "parameters") {
                self = .rsaPSS(decoded)
            } else {
                self = .unknown(oid: ObjectIdentifierEncoding.dotted(oid))
            }
        } else {
            if let parameters, parameters.isConstructed { try reader.enter(parameters, "parameters").skipAll("parameters") }
            self = .unknown(oid: ObjectIdentifierEncoding.dotted(oid))
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

}

/// RSASSA-PSS-params (RFC 4055 §3.1), defaults applied: SHA-1, MGF1 with SHA-1, salt 20. The trailer
/// field is always 1 (trailerFieldBC, the only one defined; decoding refuses any other).
public struct RSAPSSParameters: Sendable, Hashable, CustomStringConvertible {
    public var hash: HashAlgorithm
    public var mgf1Hash: HashAlgorithm
    public var saltLength: Int

    public init(hash: HashAlgorithm, mgf1Hash: HashAlgorithm, saltLength: Int) {
        self.hash = hash
        self.mgf1Hash = mgf1Hash
        self.saltLength = saltLength
    }

    public var description: String { "hash \(hash), MGF1 \(mgf1Hash), salt \(saltLength)" }

    /// Decodes the parameters (`encoded` is the whole element); nil when they name a hash or mask
    /// function this library does not know (the algorithm is then kept as unknown). Structural errors throw.
    init?(encoded: ArraySlice<UInt8>, field: String) throws(CertificateError) {
        do {
            guard let decoded = try Self.decode(encoded) else { return nil }
            self = decoded
        } catch {
            throw error.prefixed(field)
        }
    }

    /// CertoDER reads the syntax; this maps the OIDs, nil when one is not known here.
    private static func decode(_ encoded: ArraySlice<UInt8>) throws(CertificateError) -> RSAPSSParameters? {
        var scanner = DERScanner(encoded)
        let fields = try RSASSAPSSParameterFields(&scanner)
        try scanner.finish("")
        var hash = HashAlgorithm.sha1
        if let oid = fields.hashAlgorithm {
            guard let known = HashAlgorithm(objectIdentifier: oid) else { return nil }
            hash = known
        }
        var mgf1Hash = HashAlgorithm.sha1
        if fields.maskGenAlgorithm != nil {
            guard let oid = fields.maskGenHash, let known = HashAlgorithm(objectIdentifier: oid) else { return nil }
            mgf1Hash = known
        }
        return RSAPSSParameters(hash: hash, mgf1Hash: mgf1Hash, saltLength: fields.saltLength)
    }
}

extension HashAlgorithm {
    /// "sha256" style, as used inside OpenSSL's algorithm names.
    var compactName: String { rawValue }
}
