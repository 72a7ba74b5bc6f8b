// One attribute of a name: its type OID and its value decoded to text where the value is a string,
// with the names and escaping used to print it (RFC 4514, OpenSSL one-line).
import CertoDER

public struct AttributeTypeAndValue: Sendable, Hashable {
    public static let commonNameOID = "2.5.4.3"
    public static let emailAddressOID = "1.2.840.113549.1.9.1"

    /// Dotted type OID, e.g. "2.5.4.3".
    public let oid: String
    /// The value's text; for a value that is not a decodable string, "#" followed by the hex of its DER.
    public let value: String
    /// The string type the value was encoded with; nil when it is not a string.
    public let stringType: ASN1StringType?
    /// DER of the value element (tag, length, content).
    public let valueBytes: [UInt8]

    public init(oid: String, value: String, stringType: ASN1StringType? = .utf8String, valueBytes: [UInt8] = []) {
        self.oid = oid
        self.value = value
        self.stringType = stringType
        self.valueBytes = valueBytes
    }

    /// The attribute whose type has content octets `typeBytes` and whose value is the element `value` of `bytes`.
    init(typeBytes: ArraySlice<UInt8>, value: TLV, in bytes: ArraySlice<UInt8>) {
        oid = ObjectIdentifierEncoding.dotted(typeBytes)
        valueBytes = Array(bytes[value.range])
        let content = value.isConstructed ? nil : bytes[value.contentRange]
        (self.value, stringType) = Self.text(tag: value.tag, primitiveContent: content, encoded: valueBytes[...])
    }

    /// A value as text: a primitive string type decoded, anything else "#" and the hex of its DER
    /// (`encoded`, tag and length included); the string type, or nil for the second form.
    static func text(tag: UInt8, primitiveContent: ArraySlice<UInt8>?, encoded: ArraySlice<UInt8>) -> (String, ASN1StringType?) {
        if let primitiveContent, let type = ASN1StringType(rawValue: tag), let text = DirectoryString.decode(type, primitiveContent) {
            return (text, type)
        }
        return ("#" + hexString(encoded), nil)
    }

    /// Short name RFC 4514 §3 defines, if any.
    var rfc4514Name: String? {
        switch oid {
        case "2.5.4.3": return "CN"
        case "2.5.4.7": return "L"
        case "2.5.4.8": return "ST"
        case "2.5.4.10": return "O"
        case "2.5.4.11": return "OU"
        case "2.5.4.6": return "C"
        case "2.5.4.9": return "STREET"
        case "0.9.2342.19200300.100.1.25": return "DC"
        case "0.9.2342.19200300.100.1.1": return "UID"
        default: return nil
        }
    }

    /// OpenSSL's short (or long) name for the attribute type, the dotted OID when it has none.
    public var openSSLName: String {
        if let name = rfc4514Name, name != "STREET" { return name }
        switch oid {
        case "2.5.4.9": return "street"
        case "1.2.840.113549.1.9.1": return "emailAddress"
        case "2.5.4.5": return "serialNumber"
        case "2.5.4.4": return "SN"
        case "2.5.4.42": return "GN"
        case "2.5.4.43": return "initials"
        case "2.5.4.44": return "generationQualifier"
        case "2.5.4.12": return "title"
        case "2.5.4.46": return "dnQualifier"
        case "2.5.4.65": return "pseudonym"
        case "2.5.4.15": return "businessCategory"
        case "2.5.4.17": return "postalCode"
        case "2.5.4.41": return "name"
        case "2.5.4.97": return "organizationIdentifier"
        case "2.5.4.13": return "description"
        case "1.3.6.1.4.1.311.60.2.1.1": return "jurisdictionL"
        case "1.3.6.1.4.1.311.60.2.1.2": return "jurisdictionST"
        case "1.3.6.1.4.1.311.60.2.1.3": return "jurisdictionC"
        case "1.2.840.113549.1.9.2": return "unstructuredName"
        default: return oid
        }
    }

    /// "TYPE=value" with RFC 4514 §2.4 escaping.
    var rfc4514: String {
        let name = rfc4514Name ?? oid
        if stringType == nil { return name + "=" + value }
        return name + "=" + Self.escapeRFC4514(value)
    }

    static func escapeRFC4514(_ text: String) -> String {
        guard !text.isEmpty else { return "" }
        var out = ""
        out.reserveCapacity(text.utf8.count + 4)
        for character in text {
            switch character {
            case "\\", "\"", "+", ",", ";", "<", ">": out.append("\\"); out.append(character)
            case "\u{0}": out += "\\00"
            default: out.append(character)
            }
        }
        if let first = out.first, first == "#" || first == " " { out.insert("\\", at: out.startIndex) }
        if out.hasSuffix(" ") && !out.hasSuffix("\\ ") { out.removeLast(); out += "\\ " }
        return out
    }

    /// Value for OpenSSL-style one-line output: separators escaped, control bytes as \XX.
    var openSSLEscapedValue: String {
        var out = ""
        for scalar in value.unicodeScalars {
            switch scalar {
            case ",", "+", "\\": out.append("\\"); out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0x7f:
                out += "\\" + hexByte(UInt8(scalar.value)).uppercased()
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// Lower-case hex of bytes, no separators.
func hexString<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
    var out = ""
    for byte in bytes { out += hexByte(byte) }
    return out
}
