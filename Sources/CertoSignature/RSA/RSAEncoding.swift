// The encodings RSA signatures carry: EMSA-PKCS1-v1_5 (built whole, to compare) and the
// EMSA-PSS-VERIFY check with MGF1 (RFC 8017 §9.1.2, §B.2.1). Pure functions over public bytes.
import CertoHash

enum RSAEncoding {
    /// DER DigestInfo for each hash, up to the digest itself: SEQUENCE { AlgorithmIdentifier
    /// { OID, NULL }, OCTET STRING (digest) } (RFC 8017 §9.2 note 1).
    static func digestInfoPrefix(_ hash: HashAlgorithm) -> [UInt8] {
        switch hash {
        case .sha1: return [0x30, 0x21, 0x30, 0x09, 0x06, 0x05, 0x2b, 0x0e, 0x03, 0x02, 0x1a, 0x05, 0x00, 0x04, 0x14]
        case .sha224: return [0x30, 0x2d, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x04, 0x05, 0x00, 0x04, 0x1c]
        case .sha256: return [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20]
        case .sha384: return [0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04, 0x30]
        case .sha512: return [0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04, 0x40]
        }
    }

    /// EMSA-PKCS1-v1_5-ENCODE (RFC 8017 §9.2): 00 01 PS(FF…, ≥ 8 bytes) 00 T, exactly `byteCount` bytes;
    /// nil when the modulus is too short for T.
    static func pkcs1v15(digest: [UInt8], hash: HashAlgorithm, byteCount: Int) -> [UInt8]? {
        let prefix = digestInfoPrefix(hash)
        let tLength = prefix.count + digest.count
        guard byteCount >= tLength + 11 else { return nil }
        var encoded = [UInt8](repeating: 0xff, count: byteCount)
        encoded[0] = 0x00
        encoded[1] = 0x01
        let separator = byteCount - tLength - 1
        encoded[separator] = 0x00
        encoded.replaceSubrange((separator + 1)..<(separator + 1 + prefix.count), with: prefix)
        encoded.replaceSubrange((byteCount - digest.count)..<byteCount, with: digest)
        return encoded
    }

    /// MGF1 (RFC 8017 §B.2.1): Hash(seed ‖ C) for C = 0, 1, … concatenated, first `length` bytes.
    static func mgf1(seed: ArraySlice<UInt8>, length: Int, hash: HashAlgorithm) -> [UInt8] {
        var mask: [UInt8] = []
        mask.reserveCapacity(length + hash.digestByteCount)
        var input = Array(seed) + [0, 0, 0, 0]
        var counter: UInt32 = 0
        while mask.count < length {
            input[seed.count] = UInt8(truncatingIfNeeded: counter >> 24)
            input[seed.count + 1] = UInt8(truncatingIfNeeded: counter >> 16)
            input[seed.count + 2] = UInt8(truncatingIfNeeded: counter >> 8)
            input[seed.count + 3] = UInt8(truncatingIfNeeded: counter)
            mask += hash.hash(input)
            counter += 1
        }
        return Array(mask.prefix(length))
    }

    /// EMSA-PSS-VERIFY (RFC 8017 §9.1.2 steps 3–14) on EM of emLen = ⌈emBits/8⌉ bytes.
    static func pssVerify(digest mHash: [UInt8], encoded em: ArraySlice<UInt8>, emBits: Int, hash: HashAlgorithm,
                          mgf1 mgfHash: HashAlgorithm, saltLength sLen: Int) -> Bool {
        let hLen = hash.digestByteCount
        let emLen = em.count
        let start = em.startIndex
        // Step 3 (written so that a huge sLen cannot overflow).
        guard sLen >= 0, sLen <= emLen - hLen - 2 else { return false }
        // Step 4: rightmost octet 0xbc.
        guard em[em.endIndex - 1] == 0xbc else { return false }
        // Step 5: maskedDB ‖ H.
        let dbLength = emLen - hLen - 1
        let maskedDB = em[start..<(start + dbLength)]
        let h = em[(start + dbLength)..<(start + dbLength + hLen)]
        // Step 6: the leftmost 8·emLen − emBits bits of maskedDB must be zero.
        let unusedBits = 8 * emLen - emBits
        let topMask: UInt8 = unusedBits == 0 ? 0xff : 0xff >> UInt8(unusedBits)
        guard maskedDB[start] & ~topMask == 0 else { return false }
        // Steps 7–9: DB = maskedDB ⊕ MGF(H), leftmost bits cleared.
        let dbMask = mgf1(seed: h, length: dbLength, hash: mgfHash)
        var db = [UInt8](repeating: 0, count: dbLength)
        for i in 0..<dbLength { db[i] = maskedDB[start + i] ^ dbMask[i] }
        db[0] &= topMask
        // Step 10: DB = PS (zeros) ‖ 0x01 ‖ salt.
        let separator = emLen - hLen - sLen - 2
        for i in 0..<separator where db[i] != 0 { return false }
        guard db[separator] == 0x01 else { return false }
        // Steps 11–14: H' = Hash(00×8 ‖ mHash ‖ salt) must equal H.
        var mPrime = [UInt8](repeating: 0, count: 8)
        mPrime += mHash
        mPrime += db[(dbLength - sLen)...]
        return hash.hash(mPrime) == Array(h)
    }
}
