// Hex literals for the fixed keys the targets embed.

public enum Hex {
    /// The bytes of an even-length hex string; traps on anything else (the literals are ours).
    public static func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8)
        precondition(digits.count % 2 == 0, "odd-length hex literal")
        return stride(from: 0, to: digits.count, by: 2).map { index in
            UInt8(String(decoding: digits[index..<index + 2], as: UTF8.self), radix: 16)!
        }
    }
}
