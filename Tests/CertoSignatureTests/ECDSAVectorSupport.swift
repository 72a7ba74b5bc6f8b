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
