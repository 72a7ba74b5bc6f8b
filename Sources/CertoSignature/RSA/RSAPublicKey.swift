// An RSA public key ready to verify: modulus and exponent checked once, Montgomery constants for the
// modulus computed once (one issuer key checks many certificates). Parsing lives in RSAKeyDecoder,
// the signature schemes in RSAPublicKey+Verification. Holds only public data.
import CertoBigInt
import CertoHash

public struct RSAPublicKey: Sendable {
    /// Smallest and largest moduli we accept; below 2048 bits the key is accepted but `isWeak`.
    public static let modulusBitRange = 1024...16384

    public let modulus: BigInt
    public let publicExponent: BigInt
    /// Set for an id-RSASSA-PSS key with parameters: what the key may verify.
    public let pssRestriction: RSAPSSRestriction?
    /// True for an id-RSASSA-PSS key (with or without parameters): it verifies PSS signatures only.
    public let isPSSOnly: Bool

    /// Montgomery constants for the modulus.
    let montgomery: MontgomeryModulus

    /// Builds a key from big-endian modulus and exponent bytes (leading zeros allowed) and checks it:
    /// modulus odd and 1024...16384 bits, exponent odd, > 1 and at most 64 bits.
    public init(modulus: [UInt8], publicExponent: [UInt8]) throws(RSAKeyError) {
        try self.init(modulus: BigInt(bytes: modulus), publicExponent: BigInt(bytes: publicExponent), pss: nil, pssOnly: false)
    }

    /// An id-RSASSA-PSS key (RFC 4055 §3.1) from its parts: it verifies PSS signatures only, and with
    /// `restriction` only those its parameters allow.
    public init(pssOnlyModulus modulus: [UInt8], publicExponent: [UInt8], restriction: RSAPSSRestriction?) throws(RSAKeyError) {
        try self.init(modulus: BigInt(bytes: modulus), publicExponent: BigInt(bytes: publicExponent), pss: restriction, pssOnly: true)
    }

    init(modulus n: BigInt, publicExponent e: BigInt, pss: RSAPSSRestriction?, pssOnly: Bool) throws(RSAKeyError) {
        if let problem = Self.problem(modulusBits: n.bitLength, modulusIsOdd: n.isOdd,
                                      exponentBits: e.bitLength, exponentIsOdd: e.isOdd) {
            throw problem
        }
        modulus = n
        publicExponent = e
        pssRestriction = pss
        isPSSOnly = pssOnly || pss != nil
        do {
            montgomery = try MontgomeryModulus(n)
        } catch {
            throw .modulusEven  // unreachable: n is odd and > 1
        }
    }

    /// Why a modulus and public exponent (big-endian, leading zeros allowed) cannot form a key, or nil.
    /// The same rules as the initialisers, without building the key: for a key that is only judged
    /// (a leaf's own), where the Montgomery set-up would be wasted.
    public static func problem(modulus: [UInt8], publicExponent: [UInt8]) -> RSAKeyError? {
        func bitLength(_ bytes: ArraySlice<UInt8>) -> Int {
            guard let first = bytes.first else { return 0 }
            return bytes.count * 8 - first.leadingZeroBitCount
        }
        let n = modulus.drop(while: { $0 == 0 })
        let e = publicExponent.drop(while: { $0 == 0 })
        return problem(modulusBits: bitLength(n), modulusIsOdd: (n.last ?? 0) & 1 == 1,
                       exponentBits: bitLength(e), exponentIsOdd: (e.last ?? 0) & 1 == 1)
    }

    /// The key rules: modulus odd and 1024...16384 bits, exponent odd, > 1 (so of two bits or more) and
    /// at most 64 bits.
    static func problem(modulusBits: Int, modulusIsOdd: Bool, exponentBits: Int, exponentIsOdd: Bool) -> RSAKeyError? {
        guard modulusBitRange.contains(modulusBits) else { return .modulusSize(bits: modulusBits) }
        guard modulusIsOdd else { return .modulusEven }
        guard exponentBits >= 2, exponentIsOdd else { return .invalidExponent }
        guard exponentBits <= 64 else { return .exponentTooLarge(bits: exponentBits) }
        return nil
    }

    /// A key from DER SubjectPublicKeyInfo (RFC 5280 §4.1.2.7) with algorithm rsaEncryption
    /// (parameters NULL) or id-RSASSA-PSS (parameters absent, or RSASSA-PSS-params that restrict the key).
    public init(subjectPublicKeyInfoDER der: [UInt8]) throws(RSAKeyError) {
        self = try RSAKeyDecoder.subjectPublicKeyInfo(der)
    }

    /// A key from DER PKCS#1 RSAPublicKey (RFC 8017 §A.1.1): SEQUENCE { modulus, publicExponent }.
    public init(pkcs1DER der: [UInt8]) throws(RSAKeyError) {
        let (n, e) = try RSAKeyDecoder.pkcs1(der[...], field: "RSAPublicKey")
        try self.init(modulus: n, publicExponent: e, pss: nil, pssOnly: false)
    }

    /// A key from one PEM block: "PUBLIC KEY" (SubjectPublicKeyInfo) or "RSA PUBLIC KEY" (PKCS#1).
    public init(pemRepresentation pem: String) throws(RSAKeyError) {
        self = try RSAKeyDecoder.pem(pem)
    }

    /// Bits in the modulus (2048 for RSA-2048).
    public var modulusBitCount: Int { modulus.bitLength }

    /// Bytes in the modulus, which is the length of every signature this key verifies.
    public var modulusByteCount: Int { montgomery.byteCount }

    /// True below 2048 bits: accepted here so that policy, not parsing, decides to refuse it.
    public var isWeak: Bool { modulusBitCount < 2048 }
}

// MARK: - Errors

// Why an RSA public key was refused: malformed encodings (with the field that failed), algorithms
// and parameters we do not accept, and the numeric checks on modulus and exponent.
// A closed enum so callers can map each case to a stable message; signature checks never throw.
public enum RSAKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The DER did not parse, or a field had the wrong type or encoding. `field` names where, e.g.
    /// "SubjectPublicKeyInfo.algorithm.parameters".
    case malformedDER(field: String)
    /// The PEM text was not a single well-formed PEM block.
    case malformedPEM
    /// A PEM block of a type other than "PUBLIC KEY" or "RSA PUBLIC KEY".
    case unexpectedPEMType(String)
    /// The SubjectPublicKeyInfo algorithm is neither rsaEncryption nor id-RSASSA-PSS (dotted OID).
    case unsupportedAlgorithm(oid: String)
    /// A hash or mask generation function in the RSASSA-PSS parameters that we do not support (dotted OID).
    case unsupportedPSSParameter(field: String, oid: String)
    /// RSASSA-PSS parameters that are well-formed DER but not allowed (e.g. trailerField ≠ 1).
    case invalidPSSParameters(field: String)
    /// The modulus is even (it cannot be a product of two odd primes).
    case modulusEven
    /// The modulus is outside 1024...16384 bits.
    case modulusSize(bits: Int)
    /// The public exponent is even or not greater than 1.
    case invalidExponent
    /// The public exponent is longer than 64 bits (as OpenSSL, a bound on verification work).
    case exponentTooLarge(bits: Int)

    public var description: String {
        switch self {
        case .malformedDER(let field): return "malformed DER in \(field)"
        case .malformedPEM: return "malformed PEM"
        case .unexpectedPEMType(let type): return "unexpected PEM type \"\(type)\" (want PUBLIC KEY or RSA PUBLIC KEY)"
        case .unsupportedAlgorithm(let oid): return "unsupported public key algorithm \(oid)"
        case .unsupportedPSSParameter(let field, let oid): return "unsupported \(field) \(oid) in RSASSA-PSS parameters"
        case .invalidPSSParameters(let field): return "invalid RSASSA-PSS parameters: \(field)"
        case .modulusEven: return "RSA modulus is even"
        case .modulusSize(let bits): return "RSA modulus of \(bits) bits is outside 1024...16384"
        case .invalidExponent: return "RSA public exponent must be odd and greater than 1"
        case .exponentTooLarge(let bits): return "RSA public exponent of \(bits) bits is longer than 64 bits"
        }
    }
}
