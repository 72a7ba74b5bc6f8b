// HMAC (RFC 2104) and HKDF (RFC 5869) over CertoHash, plus the TLS 1.3 HKDF-Expand-Label and
// Derive-Secret wrappers (RFC 8446 §7.1). One-shot, byte-array based: the key schedule hashes a few
// hundred bytes per handshake, so there is no streaming HMAC state here.
import CertoHash

public enum HMAC {
    /// The hash's input block size (the HMAC pad length).
    static func blockByteCount(_ hash: HashAlgorithm) -> Int {
        switch hash {
        case .sha1, .sha224, .sha256: return 64
        case .sha384, .sha512: return 128
        }
    }

    /// HMAC-`hash`(key, message).
    public static func authenticationCode(_ hash: HashAlgorithm, key: [UInt8], message: [UInt8]) -> [UInt8] {
        let blockSize = blockByteCount(hash)
        var paddedKey = key.count > blockSize ? hash.hash(key) : key
        paddedKey += [UInt8](repeating: 0, count: blockSize - paddedKey.count)
        let inner = hash.hash(paddedKey.map { $0 ^ 0x36 } + message)
        return hash.hash(paddedKey.map { $0 ^ 0x5c } + inner)
    }
}

public enum HKDF {
    /// HKDF-Extract(salt, IKM) = HMAC-Hash(salt, IKM); an empty salt means HashLen zero bytes.
    public static func extract(_ hash: HashAlgorithm, salt: [UInt8], inputKeyMaterial: [UInt8]) -> [UInt8] {
        let key = salt.isEmpty ? [UInt8](repeating: 0, count: hash.digestByteCount) : salt
        return HMAC.authenticationCode(hash, key: key, message: inputKeyMaterial)
    }

    /// HKDF-Expand(PRK, info, L). `length` must be at most 255 * HashLen (RFC 5869 §2.3).
    public static func expand(_ hash: HashAlgorithm, pseudorandomKey: [UInt8], info: [UInt8], length: Int) -> [UInt8] {
        precondition(length >= 0 && length <= 255 * hash.digestByteCount, "HKDF-Expand length out of range")
        var output: [UInt8] = []
        output.reserveCapacity(length)
        var previous: [UInt8] = []
        var counter: UInt8 = 1
        while output.count < length {
            previous = HMAC.authenticationCode(hash, key: pseudorandomKey, message: previous + info + [counter])
            output += previous.prefix(length - output.count)
            counter &+= 1
        }
        return output
    }

    /// HKDF-Expand-Label(Secret, Label, Context, Length) with the "tls13 " prefix (RFC 8446 §7.1).
    public static func expandLabel(
        _ hash: HashAlgorithm, secret: [UInt8], label: String, context: [UInt8], length: Int
    ) -> [UInt8] {
        let fullLabel = Array("tls13 ".utf8) + Array(label.utf8)
        precondition(fullLabel.count <= 255 && context.count <= 255 && length <= 0xFFFF, "HkdfLabel field too long")
        var info: [UInt8] = [UInt8(length >> 8), UInt8(length & 0xff), UInt8(fullLabel.count)]
        info += fullLabel
        info.append(UInt8(context.count))
        info += context
        return expand(hash, pseudorandomKey: secret, info: info, length: length)
    }

    /// Derive-Secret(Secret, Label, Messages) given the transcript hash of Messages (RFC 8446 §7.1).
    public static func deriveSecret(
        _ hash: HashAlgorithm, secret: [UInt8], label: String, transcriptHash: [UInt8]
    ) -> [UInt8] {
        expandLabel(hash, secret: secret, label: label, context: transcriptHash, length: hash.digestByteCount)
    }
}
