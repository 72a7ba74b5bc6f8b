// One link's signature: RFC 5280 §6.1.3 (a)(1). Maps CertoX509's algorithm identifier to
// CertoSignature's algorithm, applies the policy's refusals (SHA-1, RSA < 2048), and asks the issuer's
// key. It sees only bytes and keys; which certificates to pair is the PathBuilder's business.
import CertoHash

enum SignatureCheck {
    /// CertoX509's identifier as CertoSignature's algorithm; `nil` for algorithms Certo cannot verify.
    static func algorithm(_ identifier: SignatureAlgorithmIdentifier) -> SignatureAlgorithm? {
        switch identifier {
        case .rsaPKCS1v15(let hash): return .rsaPKCS1v15(hash)
        case .rsaPSS(let parameters):
            return .rsaPSS(hash: parameters.hash, mgf1: parameters.mgf1Hash, saltLength: parameters.saltLength)
        case .ecdsa(let hash): return .ecdsa(hash)
        case .unknown: return nil
        }
    }

    static func name(_ identifier: SignatureAlgorithmIdentifier) -> String {
        switch identifier {
        case .rsaPKCS1v15(let hash): return "RSA PKCS#1 v1.5 with \(hashName(hash))"
        case .rsaPSS(let p): return "RSA-PSS with \(hashName(p.hash)) (MGF1 \(hashName(p.mgf1Hash)), salt \(p.saltLength))"
        case .ecdsa(let hash): return "ECDSA with \(hashName(hash))"
        case .unknown(let oid): return "OID \(oid)"
        }
    }

    static func hashName(_ hash: HashAlgorithm) -> String {
        switch hash {
        case .sha1: return "SHA-1"
        case .sha224: return "SHA-224"
        case .sha256: return "SHA-256"
        case .sha384: return "SHA-384"
        case .sha512: return "SHA-512"
        }
    }

    static func usesSHA1(_ identifier: SignatureAlgorithmIdentifier) -> Bool {
        switch identifier {
        case .rsaPKCS1v15(let hash), .ecdsa(let hash): return hash == .sha1
        case .rsaPSS(let p): return p.hash == .sha1 || p.mgf1Hash == .sha1
        case .unknown: return false
        }
    }

    /// The issuer's key, built from the parts CertoX509 has already read (the DER is never read again);
    /// a key of a kind Certo does not verify with, or an invalid one, names the key algorithm.
    static func publicKey(of issuer: Certificate) throws(VerificationFailureReason) -> PublicKey {
        let unsupported = VerificationFailureReason.unsupportedPublicKey(issuer.publicKey)
        do {
            guard let key = try key(from: issuer.publicKey) else { throw unsupported }
            return key
        } catch {
            throw unsupported
        }
    }

    /// An rsaEncryption, id-RSASSA-PSS, P-256 or P-384 key from its parsed parts; nil for other kinds.
    private static func key(from info: PublicKeyInfo) throws(PublicKeyError) -> PublicKey? {
        switch info.algorithm {
        case .rsa:
            guard let modulus = info.rsaModulusBytes, let exponent = info.rsaPublicExponentBytes else { return nil }
            do throws(RSAKeyError) { return .rsa(try RSAPublicKey(modulus: modulus, publicExponent: exponent)) } catch { throw .invalidRSAKey(error) }
        case .rsaPSS:
            guard let modulus = info.rsaModulusBytes, let exponent = info.rsaPublicExponentBytes,
                  let parameters = info.rsaPSSKeyParameters else { return nil }
            let restriction: RSAPSSRestriction?
            switch parameters {
            case .unrestricted: restriction = nil
            case .restricted(let p): restriction = RSAPSSRestriction(hash: p.hash, mgf1Hash: p.mgf1Hash, saltLength: p.saltLength)
            case .unsupported: return nil
            }
            do throws(RSAKeyError) {
                return .rsa(try RSAPublicKey(pssOnlyModulus: modulus, publicExponent: exponent, restriction: restriction))
            } catch {
                throw .invalidRSAKey(error)
            }
        case .ec(.p256): return try ecdsaKey(.p256, info.keyBytes)
        case .ec(.p384): return try ecdsaKey(.p384, info.keyBytes)
        default: return nil
        }
    }

    private static func ecdsaKey(_ curve: ECDSACurve, _ point: [UInt8]) throws(PublicKeyError) -> PublicKey {
        do throws(ECDSAKeyError) {
            return .ecdsa(try ECDSAPublicKey(curve: curve, sec1Representation: point))
        } catch {
            throw .invalidECDSAKey(error)
        }
    }

    /// Why `certificate`'s own key is not a valid key of its kind, or nil when it is valid or of a kind
    /// Certo does not verify with (those are the profile's business: BR §6.1.5).
    static func keyProblem(of certificate: Certificate) -> PublicKeyError? {
        let key = certificate.publicKey
        switch key.algorithm {
        case .rsa, .rsaPSS:
            // CertoX509 has read the modulus and exponent; judging them needs no big-integer set-up.
            guard let modulus = key.rsaModulusBytes, let exponent = key.rsaPublicExponentBytes else { return nil }
            return RSAPublicKey.problem(modulus: modulus, publicExponent: exponent).map { .invalidRSAKey($0) }
        case .ec(.p256), .ec(.p384): break
        default: return nil
        }
        do throws(PublicKeyError) {
            _ = try Self.key(from: key)
            return nil
        } catch {
            return error
        }
    }

    /// Verifies `subject`'s signature with `issuer`'s key under `policy`; throws the reason it fails.
    /// `signatureChecks` counts the public-key operations actually performed (cache misses).
    static func verify(
        _ subject: Certificate, issuedBy issuer: Certificate, key knownKey: PublicKey? = nil, policy: Policy,
        cache: SignatureCache?, keys: IssuerKeyCache? = nil, signatureChecks: inout Int
    ) throws(VerificationFailureReason) {
        try verify(signed: subject.tbsCertificateBytes, signature: subject.signatureBytes, algorithm: subject.signatureAlgorithm,
                   issuedBy: issuer, key: knownKey, policy: policy, cache: cache, keys: keys, signatureChecks: &signatureChecks)
    }

    /// The same for any data `issuer` signs: a certificate's TBSCertificate, a CRL's TBSCertList.
    static func verify(
        signed: [UInt8], signature: [UInt8], algorithm identifier: SignatureAlgorithmIdentifier, issuedBy issuer: Certificate,
        key knownKey: PublicKey? = nil, policy: Policy, cache: SignatureCache?, keys: IssuerKeyCache? = nil,
        signatureChecks: inout Int
    ) throws(VerificationFailureReason) {
        guard let algorithm = algorithm(identifier) else {
            throw .unsupportedSignatureAlgorithm(identifier)
        }
        if let refusal = policy.refusal(of: identifier) { throw refusal }
        let digest = algorithm.hash.hash(signed)
        var cacheKey: [UInt8] = []
        if let cache {
            cacheKey = SignatureCache.key(issuerKey: issuer.subjectPublicKeyInfoBytes, algorithm: algorithm,
                                          digest: digest, signature: signature)
            if let known = cache.lookup(cacheKey) {
                if known { return }
                throw .badSignature
            }
        }
        let key: PublicKey
        if let knownKey {
            key = knownKey
        } else if let cached = keys?.key(forSubjectPublicKeyInfo: issuer.subjectPublicKeyInfoBytes) {
            key = cached
        } else {
            key = try publicKey(of: issuer)
            keys?.store(key, forSubjectPublicKeyInfo: issuer.subjectPublicKeyInfoBytes)
        }
        if let refusal = policy.refusal(of: issuer.publicKey) { throw refusal }
        signatureChecks += 1
        let valid = key.isValidSignature(signature, digest: digest, algorithm: algorithm)
        cache?.store(cacheKey, valid: valid)
        if !valid { throw .badSignature }
    }
}

extension Certificate {
    /// Checks that `issuer`'s key signed this certificate, with the SHA-1 / RSA-size refusals of
    /// `policy` (RFC 5280 §6.1.3 (a)(1) alone, no other check); throws the reason it does not.
    public func verifySignature(issuedBy issuer: Certificate, policy: Policy = Policy()) throws(VerificationFailureReason) {
        var checks = 0
        try SignatureCheck.verify(self, issuedBy: issuer, policy: policy, cache: nil, signatureChecks: &checks)
    }
}
