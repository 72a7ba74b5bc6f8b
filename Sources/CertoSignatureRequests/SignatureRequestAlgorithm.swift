// The algorithm names of `certo sigverify` and the verifier each selects for a key.
import Certo
import CertoHash

/// An algorithm name of the `certo sigverify` contract (`rsa-pkcs1-sha256`, `ecdsa-p384-sha384-p1363`, …),
/// with its PSS options.
public struct SignatureRequestAlgorithm {
    public enum Kind {
        case rsaPKCS1
        case rsaPSS(saltLength: Int, mgf1: HashAlgorithm)
        case ecdsa(curve: ECDSACurve, raw: Bool)
    }

    public var kind: Kind
    public let hash: HashAlgorithm
    public let name: String

    public init(name: String) throws(SignatureRequestError) {
        self.name = name
        let hashes: [String: HashAlgorithm] = ["sha1": .sha1, "sha224": .sha224, "sha256": .sha256, "sha384": .sha384, "sha512": .sha512]
        let unsupported = SignatureRequestError(message: "unsupported algorithm '\(echoed(name))'")
        let parts = name.split(separator: "-").map(String.init)
        switch parts.first {
        case "rsa" where parts.count == 3:
            guard let hash = hashes[parts[2]] else { throw unsupported }
            self.hash = hash
            switch parts[1] {
            case "pkcs1": kind = .rsaPKCS1
            case "pss": kind = .rsaPSS(saltLength: hash.digestByteCount, mgf1: hash)  // sha1|sha224 too, beyond the contract
            default: throw unsupported
            }
        case "ecdsa" where parts.count == 3 || (parts.count == 4 && parts[3] == "p1363"):
            guard let hash = hashes[parts[2]], hash != .sha1, hash != .sha224 else { throw unsupported }
            self.hash = hash
            switch parts[1] {
            case "p256": kind = .ecdsa(curve: .p256, raw: parts.count == 4)
            case "p384": kind = .ecdsa(curve: .p384, raw: parts.count == 4)
            default: throw unsupported
            }
        default:
            throw unsupported
        }
    }

    /// PSS salt length and MGF1 hash, when given; refused for the other schemes.
    public mutating func apply(salt: Int?, mgf1: String?) throws(SignatureRequestError) {
        guard salt != nil || mgf1 != nil else { return }
        guard case .rsaPSS(let defaultSalt, let defaultMGF1) = kind else {
            throw SignatureRequestError(message: "salt and mgf1 apply to rsa-pss-* only")
        }
        var mgf1Hash = defaultMGF1
        if let mgf1 {
            guard let parsed = HashAlgorithm(rawValue: String(mgf1.lowercased().filter { $0 != "-" })) else {
                throw SignatureRequestError(message: "unsupported mgf1 hash '\(echoed(mgf1))'")
            }
            mgf1Hash = parsed
        }
        if let salt, salt < 0 { throw SignatureRequestError(message: "salt must not be negative") }
        kind = .rsaPSS(saltLength: salt ?? defaultSalt, mgf1: mgf1Hash)
    }

    /// The verifier for a key given as PEM text or DER SubjectPublicKeyInfo bytes.
    public func verifier(keyFile: [UInt8]) throws(SignatureRequestError) -> SignatureVerifier {
        let text = String(decoding: keyFile.prefix(4096), as: UTF8.self)
        let isPEM = text.contains("-----BEGIN ")
        let pem = isPEM ? String(decoding: keyFile, as: UTF8.self) : ""
        do {
            switch kind {
            case .rsaPKCS1, .rsaPSS:
                let key = isPEM ? try RSAPublicKey(pemRepresentation: pem) : try RSAPublicKey(subjectPublicKeyInfoDER: keyFile)
                return SignatureVerifier(algorithm: self, rsa: key, ecdsa: nil)
            case .ecdsa(let curve, _):
                let key = isPEM ? try ECDSAPublicKey(pemRepresentation: pem) : try ECDSAPublicKey(subjectPublicKeyInfoDER: keyFile)
                guard key.curve == curve else {
                    throw SignatureRequestError(message: "key is on \(key.curve.name), algorithm '\(name)' needs \(curve.name)")
                }
                return SignatureVerifier(algorithm: self, rsa: nil, ecdsa: key)
            }
        } catch let error as SignatureRequestError {
            throw error
        } catch {
            throw SignatureRequestError(message: "invalid key: \(error)")
        }
    }
}
