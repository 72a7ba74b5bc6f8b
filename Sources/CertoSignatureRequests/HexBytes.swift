// Hex text to bytes, shared by `sigverify` requests (strict) and the CLI's benchmark constants (which
// are wrapped over several lines, so white space between digit pairs may be allowed).

/// Bytes from hex digits (either case, even count); nil when anything else is there. With
/// `ignoringWhitespace`, spaces and line breaks are skipped first.
public func hexBytes(_ text: String, ignoringWhitespace: Bool = false) -> [UInt8]? {
    var digits = Array(text.utf8)
    if ignoringWhitespace {
        digits.removeAll { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }
    }
    guard digits.count % 2 == 0 else { return nil }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(digits.count / 2)
    var index = 0
    while index < digits.count {
        guard let high = hexNibble(digits[index]), let low = hexNibble(digits[index + 1]) else { return nil }
        bytes.append(high << 4 | low)
        index += 2
    }
    return bytes
}

private func hexNibble(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
}
