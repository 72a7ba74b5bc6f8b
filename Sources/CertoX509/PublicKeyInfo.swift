// SubjectPublicKeyInfo (RFC 5280 §4.1.2.7): the algorithm with its parameters checked (RFC 3279:
// rsaEncryption has NULL parameters, id-ecPublicKey a named curve; RFC 4055 for RSA-PSS keys) and the
// key size read from the key itself (RSA modulus bits). The key bytes are kept for CertoSignature.
import CertoDER

public enum NamedCurve: Sendable, Hashable, CustomStringConvertible {
    case p256
    case p384
    case other(oid: String)

    public var oid: String {
        switch self {
        case .p256: return "1.2.840.10045.3.1.7"
        case .p384: return "1.3.132.0.34"
        case .other(let oid): return oid
        }
    }

    /// NIST name where there is one ("P-256"), else the SEC name or the OID.
    public var description: String {
        switch self {
        case .p256: return "P-256"
        case .p384: return "P-384"
        case .other(let oid):
            switch oid {
            case "1.3.132.0.35": return "P-521"
            case "1.3.132.0.33": return "P-224"
            case "1.2.840.10045.3.1.1": return "P-192"
            case "1.3.132.0.10": return "secp256k1"
            case "1.3.36.3.3.2.8.1.1.7": return "brainpoolP256r1"
            case "1.3.36.3.3.2.8.1.1.11": return "brainpoolP384r1"
            case "1.3.36.3.3.2.8.1.1.13": return "brainpoolP512r1"
            default: return oid
            }
        }
    }

    /// Field size in bits for the curves this module can name.
    public var bits: Int? {
        switch self {
        case .p256: return 256
        case .p384: return 384
        case .other(let oid):
            switch oid {
            case "1.3.132.0.35": return 521
            case "1.3.132.0.33": return 224
            case "1.2.840.10045.3.1.1": return 192
            case "1.3.132.0.10", "1.3.36.3.3.2.8.1.1.7": return 256
            case "1.3.36.3.3.2.8.1.1.11": return 384
            case "1.3.36.3.3.2.8.1.1.13": return 512
            default: return nil
            }
        }
    }
}

public enum PublicKeyAlgorithm: Sendable, Hashable, CustomStringConvertible {
    case rsa(modulusBits: Int)
    /// id-RSASSA-PSS key; parameters nil when absent (any PSS parameters allowed) or naming unknown hashes.
    case rsaPSS(modulusBits: Int, parameters: RSAPSSParameters?)
    case ec(curve: NamedCurve)
    /// Any other algorithm (Ed25519 is "1.3.101.112", DSA "1.2.840.10040.4.1", ...).
    case unknown(oid: String)

    public var description: String {
        switch self {
        case .rsa(let bits): return "RSA \(bits) bits"
        case .rsaPSS(let bits, let parameters):
            return "RSA-PSS \(bits) bits" + (parameters.map { " (\($0))" } ?? "")
        case .ec(let curve): return "EC \(curve)"
        case .unknown(let oid):
            switch oid {
            case "1.3.101.112": return "Ed25519"
            case "1.3.101.113": return "Ed448"
            case "1.3.101.110": return "X25519"
            case "1.3.101.111": return "X448"
            case "1.2.840.10040.4.1": return "DSA"
            default: return oid
            }
        }
    }
}

/// What the parameters of an id-RSASSA-PSS SubjectPublicKeyInfo say (RFC 4055 §3.1).
public enum RSAPSSKeyParameters: Sendable, Hashable {
    /// Absent: the key verifies PSS signatures with any parameters.
    case unrestricted
    /// The key verifies only PSS signatures with these hashes and at least this salt length.
    case restricted(RSAPSSParameters)
    /// They name a hash or mask generation function this library does not know.
    case unsupported
}

public struct PublicKeyInfo: Sendable, Hashable {
    public let algorithm: PublicKeyAlgorithm
    let encoded: ArraySlice<UInt8>
    let algorithmOIDBytes: ArraySlice<UInt8>
    let key: ArraySlice<UInt8>
    private(set) var rsaModulus: ArraySlice<UInt8>?
    private(set) var rsaExponent: ArraySlice<UInt8>?
    /// For an id-RSASSA-PSS key, what its parameters say; nil for every other key.
    public private(set) var rsaPSSKeyParameters: RSAPSSKeyParameters?

    /// The whole SubjectPublicKeyInfo DER.
    public var derBytes: [UInt8] { Array(encoded) }
    /// Dotted OID of the key algorithm.
    public var algorithmOID: String { ObjectIdentifierEncoding.dotted(algorithmOIDBytes) }
    /// subjectPublicKey BIT STRING contents (an RSAPublicKey DER, or an EC point).
    public var keyBytes: [UInt8] { Array(key) }
    /// RSA modulus, big-endian without the sign octet.
    public var rsaModulusBytes: [UInt8]? { rsaModulus.map { Array($0.drop(while: { $0 == 0 })) } }
    /// RSA public exponent, big-endian without the sign octet.
    public var rsaPublicExponentBytes: [UInt8]? { rsaExponent.map { Array($0.drop(while: { $0 == 0 })) } }

    /// Parses a DER SubjectPublicKeyInfo on its own.
    public init(derEncoded: [UInt8]) throws(CertificateError) {
        try self.init(encoded: derEncoded[...])
    }

    /// `encoded` is exactly the SubjectPublicKeyInfo element. Error paths are "subjectPublicKeyInfo...";
    /// the certificate parser puts "tbsCertificate." in front.
    init(encoded: ArraySlice<UInt8>) throws(CertificateError) {
        var outer = DERScanner(encoded)
        var spki = try outer.enter(0x30, "subjectPublicKeyInfo")
        if !outer.isAtEnd { throw .malformedDER(offset: outer.position, problem: .trailingData) }
        var algorithmReader = try spki.enter(0x30, "subjectPublicKeyInfo.algorithm")
        let oid = try algorithmReader.objectIdentifier("subjectPublicKeyInfo.algorithm.algorithm")
        let parametersField = "subjectPublicKeyInfo.algorithm.parameters"
        let keyField = "subjectPublicKeyInfo.subjectPublicKey"
        let parameters: TLV? = algorithmReader.isAtEnd ? nil : try algorithmReader.read(parametersField)
        try algorithmReader.finish("subjectPublicKeyInfo.algorithm")
        let keyStart = spki.position
        let (keyBits, unusedBits) = try spki.bitString(keyField)
        try spki.finish("subjectPublicKeyInfo")

        self.encoded = encoded
        algorithmOIDBytes = oid
        rsaModulus = nil
        rsaExponent = nil
        rsaPSSKeyParameters = nil
        key = keyBits

        if oid.equals(OID.rsaEncryption) {
            // RFC 3279 §2.3.1: the parameters field MUST be NULL.
            guard let parameters else { throw .missingElement(field: parametersField) }
            guard parameters.tag == 0x05 else {
                throw .invalidAlgorithmParameters(field: parametersField, offset: parameters.start, algorithm: "rsaEncryption")
            }
            guard parameters.contentCount == 0 else { throw .invalidEncoding(field: parametersField, offset: parameters.start, problem: .null) }
            guard unusedBits == 0 else { throw .invalidEncoding(field: keyField, offset: keyStart, problem: .bitString) }
            let (modulus, exponent, bits) = try Self.rsaPublicKey(keyBits, keyField)
            rsaModulus = modulus
            rsaExponent = exponent
            algorithm = .rsa(modulusBits: bits)
        } else if oid.equals(OID.ecPublicKey) {
            // RFC 5480 §2.1.1: namedCurve only (implicitCurve and specifiedCurve MUST NOT be used).
            guard let parameters else { throw .missingElement(field: parametersField) }
            guard parameters.tag == 0x06 else {
                throw .invalidAlgorithmParameters(field: parametersField, offset: parameters.start, algorithm: "id-ecPublicKey")
            }
            let curve = algorithmReader.content(parameters)
            guard ObjectIdentifierEncoding.isValid(curve) else {
                throw .invalidEncoding(field: parametersField, offset: parameters.start, problem: .objectIdentifier)
            }
            guard unusedBits == 0, !keyBits.isEmpty else { throw .invalidEncoding(field: keyField, offset: keyStart, problem: .bitString) }
            if curve.equals(OID.p256) {
                algorithm = .ec(curve: .p256)
            } else if curve.equals(OID.p384) {
                algorithm = .ec(curve: .p384)
            } else {
                algorithm = .ec(curve: .other(oid: ObjectIdentifierEncoding.dotted(curve)))
            }
        } else if oid.equals(OID.rsassaPSS) {
            var pss: RSAPSSParameters? = nil
            rsaPSSKeyParameters = .unrestricted
            if let parameters {
                pss = try RSAPSSParameters(encoded: algorithmReader.bytes[parameters.start..<parameters.end], field: parametersField)
                rsaPSSKeyParameters = pss.map { .restricted($0) } ?? .unsupported
            }
            guard unusedBits == 0 else { throw .invalidEncoding(field: keyField, offset: keyStart, problem: .bitString) }
            let (modulus, exponent, bits) = try Self.rsaPublicKey(keyBits, keyField)
            rsaModulus = modulus
            rsaExponent = exponent
            algorithm = .rsaPSS(modulusBits: bits, parameters: pss)
        } else {
            if let parameters, parameters.isConstructed { try algorithmReader.enter(parameters, parametersField).skipAll(parametersField) }
            algorithm = .unknown(oid: ObjectIdentifierEncoding.dotted(oid))
        }
    }

    /// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER } (RFC 8017 A.1.1); both positive.
    private static func rsaPublicKey(_ bytes: ArraySlice<UInt8>, _ field: String) throws(CertificateError) -> (ArraySlice<UInt8>, ArraySlice<UInt8>, Int) {
        let path = "subjectPublicKeyInfo.subjectPublicKey.RSAPublicKey"
        var outer = DERScanner(bytes)
        var key = try outer.enter(0x30, path)
        try outer.finish(path)
        let modulusStart = key.position
        let modulus = try key.integer("subjectPublicKeyInfo.subjectPublicKey.RSAPublicKey.modulus")
        let exponentStart = key.position
        let exponent = try key.integer("subjectPublicKeyInfo.subjectPublicKey.RSAPublicKey.publicExponent")
        try key.finish(path)
        guard modulus.first! & 0x80 == 0, modulus.contains(where: { $0 != 0 }) else {
            throw .valueOutOfRange(field: "subjectPublicKeyInfo.subjectPublicKey.RSAPublicKey.modulus", offset: modulusStart)
        }
        guard exponent.first! & 0x80 == 0, exponent.contains(where: { $0 != 0 }) else {
            throw .valueOutOfRange(field: "subjectPublicKeyInfo.subjectPublicKey.RSAPublicKey.publicExponent", offset: exponentStart)
        }
        let significant = modulus.first == 0 ? modulus.dropFirst() : modulus
        let bits = significant.count * 8 - significant.first!.leadingZeroBitCount
        return (modulus, exponent, bits)
    }

    public static func == (lhs: PublicKeyInfo, rhs: PublicKeyInfo) -> Bool { lhs.encoded == rhs.encoded }
    public func hash(into hasher: inout Hasher) { hasher.combine(encoded) }
}
