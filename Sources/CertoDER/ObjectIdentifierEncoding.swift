// Object identifier content octets (X.690 §8.19): the validity check every DER reader applies, the
// dotted-decimal rendering (arcs of any size: 2.25.<UUID>) and the encoding of dotted text.

public enum ObjectIdentifierEncoding {
    /// Longest arc accepted, in 7-bit groups (224 bits: room for 2.25.<128-bit UUID>). It keeps rendering
    /// linear in the OID's length; unbounded arcs would make decimal conversion quadratic on hostile input.
    public static let maximumArcGroups = 32

    /// X.690 §8.19: non-empty, every sub-identifier minimal (no leading 0x80), the last one complete;
    /// and no arc longer than `maximumArcGroups`.
    @inlinable
    public static func isValid(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard let last = bytes.last, last & 0x80 == 0 else { return false }
        var startOfArc = true
        var groups = 0
        for byte in bytes {
            if startOfArc && byte == 0x80 { return false }
            groups += 1
            if groups > maximumArcGroups { return false }
            startOfArc = byte & 0x80 == 0
            if startOfArc { groups = 0 }
        }
        return true
    }

    /// Dotted-decimal form of valid content octets.
    public static func dotted(_ bytes: ArraySlice<UInt8>) -> String {
        var result = ""
        result.reserveCapacity(bytes.count * 3)
        var value: UInt64 = 0
        var big: [UInt8]? = nil  // 7-bit groups of an arc too large for UInt64
        var first = true
        for byte in bytes {
            if big == nil && value >> 57 != 0 { big = groups(of: value) }
            if big != nil { big!.append(byte & 0x7f) } else { value = value << 7 | UInt64(byte & 0x7f) }
            guard byte & 0x80 == 0 else { continue }
            if let groups = big {
                if first { result += "2." + decimal(subtracting80From: groups) } else { result += "." + decimal(ofGroups: groups) }
            } else if first {
                let top: UInt64 = value < 40 ? 0 : (value < 80 ? 1 : 2)
                result += String(top) + "." + String(value - top * 40)
            } else {
                result += "." + String(value)
            }
            first = false
            value = 0
            big = nil
        }
        return result
    }

    private static func groups(of value: UInt64) -> [UInt8] {
        var groups: [UInt8] = []
        var remaining = value
        repeat {
            groups.insert(UInt8(remaining & 0x7f), at: 0)
            remaining >>= 7
        } while remaining != 0
        return groups
    }

    /// Decimal string of a big number given as base-128 digits, most significant first.
    private static func decimal(ofGroups groups: [UInt8]) -> String {
        var digits = groups.map { UInt32($0) }
        var output: [Character] = []
        while digits.contains(where: { $0 != 0 }) {
            var remainder: UInt32 = 0
            for index in digits.indices {
                let current = remainder * 128 + digits[index]
                digits[index] = current / 10
                remainder = current % 10
            }
            output.append(Character(Unicode.Scalar(UInt8(48 + remainder))))
        }
        return output.isEmpty ? "0" : String(output.reversed())
    }

    /// The first arc of a huge first sub-identifier is 2; the second arc is the value minus 80.
    private static func decimal(subtracting80From groups: [UInt8]) -> String {
        var digits = groups
        var borrow = 80
        var index = digits.count - 1
        while borrow > 0 && index >= 0 {
            var value = Int(digits[index]) - borrow % 128
            borrow /= 128
            if value < 0 { value += 128; borrow += 1 }
            digits[index] = UInt8(value)
            index -= 1
        }
        return decimal(ofGroups: digits)
    }

    /// DER content octets of a dotted OID; nil when the text is not a valid OID.
    public static func encode(_ dotted: String) -> [UInt8]? {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return nil }
        var arcs: [UInt64] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let arc = UInt64(part) else { return nil }
            arcs.append(arc)
        }
        guard arcs[0] <= 2, arcs[0] == 2 || arcs[1] < 40 else { return nil }
        let (firstValue, overflow) = (arcs[0] * 40).addingReportingOverflow(arcs[1])
        guard !overflow else { return nil }
        var result: [UInt8] = []
        for arc in [firstValue] + arcs.dropFirst(2) {
            var chunk: [UInt8] = [UInt8(arc & 0x7f)]
            var remaining = arc >> 7
            while remaining != 0 {
                chunk.insert(UInt8(remaining & 0x7f) | 0x80, at: 0)
                remaining >>= 7
            }
            result += chunk
        }
        return result
    }
}
