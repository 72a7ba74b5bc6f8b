// Small helpers shared by the ECDSA vector suites: hex decoding and hash names.
import CertoHash

enum ECDSATestHex {
    /// Bytes from hex (even length, no separators); nil when malformed.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let characters = Array(text.utf8)
        guard characters.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(characters.count / 2)
        var index = 0
        while index < characters.count {
            guard let high = nibble(characters[index]), let low = nibble(characters[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    static func encode(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef")
        return String(bytes.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xf)]] })
    }

    private static func nibble(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return character - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return character - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return character - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

/// The SHA-2 hash named "SHA-256" / "SHA-384" / "SHA-512" / "SHA-224" in vector files.
func ecdsaTestHash(named name: String) -> HashAlgorithm? {
    switch name {
    case "SHA-224": return .sha224
    case "SHA-256": return .sha256
    case "SHA-384": return .sha384
    case "SHA-512": return .sha512
    default: return nil
    }
}

/// A valid P-256 key and signature made once with openssl, for tests that need one known-good case.
enum ECDSAReference {
    static let p256SPKI = ECDSATestHex.decode("3059301306072a8648ce3d020106082a8648ce3d030107034200040147fa8d6a4e13e827b06a0347288ce8b538959514319ce49172399ae7045a1ff629138d88573abc387805ba75aec05fcad8ba33e4e6cc6bdca35d93c6f24cd3")!
    static let p256Signature = ECDSATestHex.decode("3045022100f9066ae62c38710edc5e371a28f43e7a213132e4c80ea196f60cdaf8cacdf164022047dd98a59c75dd75fec9f506f72e3513db7db0491e4c6cb5638408c76f80a2fa")!
    /// SHA-256("certo bench message"), the message the signature was made over.
    static let p256Digest = ECDSATestHex.decode("6cc3afc3a5bf54b1f009ba1f3943a5543f6885b878486d474e49290fd6a34dbb")!
}
