// Decoding of the ASN.1 character-string types found in names and GeneralNames, and the RFC 5280
// §7.1 comparison form (RFC 4518-style: case-folded, whitespace trimmed and collapsed). ASCII takes a
// byte-level fast path; other text goes through String. Not done: NFKC and RFC 4518's prohibited-character
// tables (the stdlib has no public normaliser); canonically equivalent inputs may therefore compare unequal.

/// The ASN.1 string types, by their universal tag number.
public enum ASN1StringType: UInt8, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case utf8String = 0x0c
    case numericString = 0x12
    case printableString = 0x13
    case teletexString = 0x14
    case videotexString = 0x15
    case ia5String = 0x16
    case graphicString = 0x19
    case visibleString = 0x1a
    case generalString = 0x1b
    case universalString = 0x1c
    case bmpString = 0x1e

    public var description: String {
        switch self {
        case .utf8String: return "UTF8String"
        case .numericString: return "NumericString"
        case .printableString: return "PrintableString"
        case .teletexString: return "TeletexString"
        case .videotexString: return "VideotexString"
        case .ia5String: return "IA5String"
        case .graphicString: return "GraphicString"
        case .visibleString: return "VisibleString"
        case .generalString: return "GeneralString"
        case .universalString: return "UniversalString"
        case .bmpString: return "BMPString"
        }
    }

    /// Types whose text this module decodes (the others are kept as bytes).
    var isDecoded: Bool {
        switch self {
        case .videotexString, .graphicString, .generalString: return false
        default: return true
        }
    }
}

enum DirectoryString {
    /// X.680 PrintableString repertoire, plus '*' and '&', which widely deployed CAs put in
    /// PrintableString and other verifiers (Go, OpenSSL) accept.
    @inline(__always)
    static func isPrintable(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x41...0x5a, 0x61...0x7a, 0x30...0x39: return true
        case 0x20, 0x27, 0x28, 0x29, 0x2b, 0x2c, 0x2d, 0x2e, 0x2f, 0x3a, 0x3d, 0x3f: return true
        case 0x2a, 0x26: return true
        default: return false
        }
    }

    /// Whether every byte is allowed by an ASCII-only type (and below 0x80 for the others).
    @inline(__always)
    static func asciiAllowed(_ type: ASN1StringType, _ bytes: ArraySlice<UInt8>) -> Bool {
        switch type {
        case .printableString:
            for byte in bytes where !isPrintable(byte) { return false }
        case .numericString:
            for byte in bytes where !(byte == 0x20 || (byte >= 0x30 && byte <= 0x39)) { return false }
        case .visibleString:
            for byte in bytes where !(byte >= 0x20 && byte <= 0x7e) { return false }
        default:
            for byte in bytes where byte >= 0x80 { return false }
        }
        return true
    }

    /// The text of a string value; nil when the bytes are not valid for the type or the type is not decoded.
    static func decode(_ type: ASN1StringType, _ bytes: ArraySlice<UInt8>) -> String? {
        switch type {
        case .printableString, .numericString, .visibleString, .ia5String:
            guard asciiAllowed(type, bytes) else { return nil }
            return String(decoding: bytes, as: UTF8.self)
        case .utf8String:
            return String(validating: bytes, as: UTF8.self)
        case .teletexString:
            // T.61 is treated as ISO 8859-1, as OpenSSL, Go and Python's cryptography do.
            var scalars = String.UnicodeScalarView()
            for byte in bytes { scalars.append(Unicode.Scalar(byte)) }
            return String(scalars)
        case .bmpString:
            guard bytes.count % 2 == 0 else { return nil }
            var units: [UInt16] = []
            units.reserveCapacity(bytes.count / 2)
            var index = bytes.startIndex
            while index < bytes.endIndex {
                units.append(UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1]))
                index += 2
            }
            return String(validating: units, as: UTF16.self)
        case .universalString:
            guard bytes.count % 4 == 0 else { return nil }
            var scalars = String.UnicodeScalarView()
            var index = bytes.startIndex
            while index < bytes.endIndex {
                var value: UInt32 = 0
                for offset in 0..<4 { value = value << 8 | UInt32(bytes[index + offset]) }
                guard let scalar = Unicode.Scalar(value) else { return nil }
                scalars.append(scalar)
                index += 4
            }
            return String(scalars)
        case .videotexString, .graphicString, .generalString:
            return nil
        }
    }

    @inline(__always)
    static func isInsignificantSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0d)
    }

    /// Appends the comparison form of a valid string value to `key`; false when the bytes are invalid.
    static func appendComparisonForm(_ type: ASN1StringType, _ bytes: ArraySlice<UInt8>, to key: inout [UInt8]) -> Bool {
        var ascii = true
        switch type {
        case .printableString, .numericString, .visibleString, .ia5String:
            guard asciiAllowed(type, bytes) else { return false }
        case .utf8String:
            for byte in bytes where byte >= 0x80 { ascii = false; break }
        default:
            ascii = false
        }
        if ascii {
            var pendingSpace = false
            var wroteAny = false
            for byte in bytes {
                if isInsignificantSpace(byte) {
                    pendingSpace = wroteAny
                    continue
                }
                if pendingSpace { key.append(0x20); pendingSpace = false }
                key.append(byte >= 0x41 && byte <= 0x5a ? byte | 0x20 : byte)
                wroteAny = true
            }
            return true
        }
        guard let text = decode(type, bytes) else { return false }
        var pendingSpace = false
        var wroteAny = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace { key.append(0x20); pendingSpace = false }
            key.append(contentsOf: String(scalar).utf8)
            wroteAny = true
        }
        return true
    }
}
