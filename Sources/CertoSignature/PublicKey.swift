// One public key of any supported kind: what the chain validator holds for each issuer (Certo builds
// it from CertoX509's parsed parts), or read here from a SubjectPublicKeyInfo for a key that comes on
// its own (`certo sigverify`). It dispatches on the SPKI algorithm OID and never guesses a key's type.
import CertoDER
import CertoHash

public enum PublicKeyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The SubjectPublicKeyInfo is not valid DER of the expected shape.
    case malformedSubjectPublicKeyInfo
    /// The algorithm OID names no key type Certo verifies with.
    case unsupportedAlgorithm(oid: String)
    /// An RSA key (rsaEncryption or id-RSASSA-PSS) that was refused, and why.
    case invalidRSAKey(RSAKeyError)
    /// An EC key that was refused, and why.
    case invalidECDSAKey(ECDSAKeyError)

    public var description: String {
        switch self {
        case .malformedSubjectPublicKeyInfo: return "malformed SubjectPublicKeyInfo"
        case .unsupportedAlgorithm(let oid): return "unsupported public key algorithm \(oid)"
        case .invalidRSAKey(let reason): return "invalid public key: \(reason)"
        case .invalidECDSAKey(let reason): return "invalid public key: \(reason)"
        }
    }
}

public enum PublicKey: Sendable {
    case rsa(RSAPublicKey)
    case ecdsa(ECDSAPublicKey)

    static let rsaEncryption = "1.2.840.113549.1.1.1"
    static let rsassaPSS = "1.2.840.113549.1.1.10"
    static let ecPublicKey = "1.2.840.10045.2.1"

    public init(subjectPublicKeyInfoDER der: [UInt8]) throws(PublicKeyError) {
        let oid = try Self.algorithmOID(of: der)
        switch oid {
        case Self.rsaEncryption, Self.rsassaPSS:
            do throws(RSAKeyError) { self = .rsa(try RSAPublicKey(subjectPublicKeyInfoDER: der)) } catch { throw .invalidRSAKey(error) }
        case Self.ecPublicKey:
            do throws(ECDSAKeyError) { self = .ecdsa(try ECDSAPublicKey(subjectPublicKeyInfoDER: der)) } catch { throw .invalidECDSAKey(error) }
        default:
            throw .unsupportedAlgorithm(oid: oid)
        }
    }

    /// Reads only SubjectPublicKeyInfo.algorithm.algorithm (after checking the framing of the whole
    /// input); the key types parse the rest strictly.
    private static func algorithmOID(of der: [UInt8]) throws(PublicKeyError) -> String {
        do throws(DERError) {
            var info = try DERScanner<DERError>.singleSequence(der[...], "SubjectPublicKeyInfo")
            var algorithm = try info.enter(0x30, "SubjectPublicKeyInfo.algorithm")
            return ObjectIdentifierEncoding.dotted(try algorithm.objectIdentifier("SubjectPublicKeyInfo.algorithm.algorithm"))
        } catch {
            throw .malformedSubjectPublicKeyInfo
        }
    }

    /// "RSA" or "ECDSA".
    public var algorithmName: String {
        switch self {
        case .rsa: return "RSA"
        case .ecdsa: return "ECDSA"
        }
    }

    /// "2048-bit" for RSA, the curve ("P-256") for ECDSA.
    public var sizeDescription: String {
        switch self {
        case .rsa(let key): return "\(key.modulusBitCount)-bit"
        case .ecdsa(let key): return key.curve.name
        }
    }

    /// RSA moduli under 2048 bits: verifiable, but refused by default policy.
    public var isWeak: Bool {
        switch self {
        case .rsa(let key): return key.isWeak
        case .ecdsa: return false
        }
    }

    /// Whether `signature` is valid for `message` (hashed here) under `algorithm`.
    /// A key/algorithm mismatch (an ECDSA key with an RSA scheme, say) is simply invalid.
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8], algorithm: SignatureAlgorithm) -> Bool {
        let digest = algorithm.hash.hash(message)
        return isValidSignature(signature, digest: digest, algorithm: algorithm)
    }

    /// As above, for a digest already computed with `algorithm.hash`.
    public func isValidSignature(_ signature: [UInt8], digest: [UInt8], algorithm: SignatureAlgorithm) -> Bool {
        switch (self, algorithm) {
        case (.rsa(let key), .rsaPKCS1v15(let hash)):
            return key.isValidPKCS1v15Signature(signature, digest: digest, hash: hash)
        case (.rsa(let key), .rsaPSS(let hash, let mgf1, let saltLength)):
            return key.isValidPSSSignature(signature, digest: digest, hash: hash, mgf1: mgf1, saltLength: saltLength)
        case (.ecdsa(let key), .ecdsa):
            return key.isValidSignature(derSignature: signature, digest: digest)
        default:
            return false
        }
    }
}
