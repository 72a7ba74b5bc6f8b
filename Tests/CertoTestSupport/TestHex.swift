// Hex for test tables and vector files: one decoder and one encoder for every suite.

public enum TestHex {
    /// Bytes from hex digits (either case); nil on an odd digit count or a non-hex character.
    /// With `skippingWhitespace`, spaces, tabs and line breaks between digits are ignored (tables
    /// wrapped over several lines); otherwise they are malformed input.
    public static func decode(_ text: some StringProtocol, skippingWhitespace: Bool = false) -> [UInt8]? {
        let digits = skippingWhitespace
            ? text.utf8.filter { $0 != 0x20 && $0 != 0x0a && $0 != 0x0d && $0 != 0x09 }
            : Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    /// Bytes from a hex table literal in a test's source (whitespace skipped); a malformed table is a
    /// bug in the test, so it stops the run.
    public static func bytes(_ text: String) -> [UInt8] {
        guard let bytes = decode(text, skippingWhitespace: true) else { preconditionFailure("bad hex in a test table") }
        return bytes
    }

    /// Lowercase hex.
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
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
