// RSA signature verification: RSASSA-PKCS1-v1_5 (RFC 8017 §8.2.2) and RSASSA-PSS (§8.1.2), for a
// message or a precomputed digest. PKCS#1 v1.5 never parses padding: it rebuilds the whole expected
// encoded message and compares bytes. Every check answers true or false; nothing here throws.
import CertoBigInt
import CertoHash

extension RSAPublicKey {
    // MARK: swift-crypto-shaped entry points

    /// Verifies `signature` over `message` (hashed here with the padding's hash).
    public func isValidSignature(_ signature: [UInt8], for message: [UInt8], padding: RSASignaturePadding) -> Bool {
        switch padding {
        case .pkcs1v15(let hash):
            return isValidPKCS1v15Signature(signature, message: message, hash: hash)
        case .pss(let hash, let mgf1, let saltLength):
            return isValidPSSSignature(signature, message: message, hash: hash, mgf1: mgf1, saltLength: saltLength)
        case .pssWithKeyParameters:
            guard let restriction = pssRestriction else { return false }
            return isValidPSSSignature(signature, message: message, hash: restriction.hash,
                                       mgf1: restriction.mgf1Hash, saltLength: restriction.saltLength)
        }
    }

    /// Verifies `signature` over a precomputed digest (its length must match the padding's hash).
    public func isValidSignature(_ signature: [UInt8], forDigest digest: [UInt8], padding: RSASignaturePadding) -> Bool {
        switch padding {
        case .pkcs1v15(let hash):
            return isValidPKCS1v15Signature(signature, digest: digest, hash: hash)
        case .pss(let hash, let mgf1, let saltLength):
            return isValidPSSSignature(signature, digest: digest, hash: hash, mgf1: mgf1, saltLength: saltLength)
        case .pssWithKeyParameters:
            guard let restriction = pssRestriction else { return false }
            return isValidPSSSignature(signature, digest: digest, hash: restriction.hash,
                                       mgf1: restriction.mgf1Hash, saltLength: restriction.saltLength)
        }
    }

    /// Verifies `signature` over a CertoHash digest value (`SHA256.hash(data:)` and friends).
    public func isValidSignature<D: HashDigest>(_ signature: [UInt8], for digest: D, padding: RSASignaturePadding) -> Bool {
        isValidSignature(signature, forDigest: Array(digest), padding: padding)
    }

    // MARK: PKCS#1 v1.5

    /// RSASSA-PKCS1-v1_5 over a message. False for a PSS-only key.
    public func isValidPKCS1v15Signature(_ signature: [UInt8], message: [UInt8], hash: HashAlgorithm) -> Bool {
        guard !isPSSOnly else { return false }
        return isValidPKCS1v15Signature(signature, digest: hash.hash(message), hash: hash)
    }

    /// RSASSA-PKCS1-v1_5 over a digest: the signature must be exactly the modulus length and < n, and
    /// s^e mod n must equal 00 01 FF…FF 00 ‖ DigestInfo(hash, NULL parameters) ‖ digest byte for byte.
    public func isValidPKCS1v15Signature(_ signature: [UInt8], digest: [UInt8], hash: HashAlgorithm) -> Bool {
        guard !isPSSOnly, digest.count == hash.digestByteCount,
              let expected = RSAEncoding.pkcs1v15(digest: digest, hash: hash, byteCount: modulusByteCount),
              let encoded = rsavp1(signature) else { return false }
        return encoded == expected
    }

    // MARK: PSS

    /// RSASSA-PSS over a message.
    public func isValidPSSSignature(_ signature: [UInt8], message: [UInt8], hash: HashAlgorithm, mgf1: HashAlgorithm,
                                    saltLength: Int) -> Bool {
        isValidPSSSignature(signature, digest: hash.hash(message), hash: hash, mgf1: mgf1, saltLength: saltLength)
    }

    /// RSASSA-PSS over a digest (RFC 8017 §8.1.2 and EMSA-PSS-VERIFY §9.1.2). A key with
    /// id-RSASSA-PSS parameters accepts only its own hash and MGF1 hash and a salt at least as long.
    public func isValidPSSSignature(_ signature: [UInt8], digest: [UInt8], hash: HashAlgorithm, mgf1: HashAlgorithm,
                                    saltLength: Int) -> Bool {
        if let restriction = pssRestriction,
           !restriction.permits(hash: hash, mgf1: mgf1, saltLength: saltLength) {
            return false
        }
        guard digest.count == hash.digestByteCount, saltLength >= 0,
              let encoded = rsavp1(signature) else { return false }
        // §8.1.2 step 2c: EM = I2OSP(m, emLen) with emLen = ⌈(modBits − 1)/8⌉, one byte shorter than
        // the k-byte result when modBits ≡ 1 (mod 8); that extra leading byte must then be zero.
        let emBits = modulusBitCount - 1
        let emLength = (emBits + 7) / 8
        let extra = encoded.count - emLength
        guard extra == 0 || (extra == 1 && encoded[0] == 0) else { return false }
        return RSAEncoding.pssVerify(digest: digest, encoded: encoded[extra...], emBits: emBits,
                                     hash: hash, mgf1: mgf1, saltLength: saltLength)
    }

    // MARK: RSAVP1

    /// RSAVP1 (RFC 8017 §5.2.2): s^e mod n as exactly k bytes, or nil when the signature is not
    /// k bytes long or s ≥ n.
    func rsavp1(_ signature: [UInt8]) -> [UInt8]? {
        guard signature.count == modulusByteCount else { return nil }
        return montgomery.powerVarTime(bigEndianBase: signature, exponent: publicExponent)
    }
}
