// GeneralName (RFC 5280 §4.2.1.6): the IA5String forms are checked to be ASCII, iPAddress lengths are
// checked per use (4/16 octets in alternative names, 8/32 with mask in name constraints), and the
// forms nobody processes (x400Address, ediPartyName) are kept as their DER.
import CertoDER

public enum GeneralName: Sendable, Hashable, CustomStringConvertible {
    case dnsName(String)
    case ipAddress([UInt8])
    case rfc822Name(String)
    case uniformResourceIdentifier(String)
    case directoryName(DistinguishedName)
    case registeredID(String)
    /// type-id and the DER of the value inside the [0] EXPLICIT tag.
    case otherName(typeID: String, value: [UInt8])
    /// DER of the whole element.
    case x400Address([UInt8])
    /// DER of the whole element.
    case ediPartyName([UInt8])

    /// Where the name appears: iPAddress is an address in alternative names, address plus mask in constraints.
    enum Context {
        case alternativeName, constraint

        var ipAddressLengths: (Int, Int) { self == .alternativeName ? (4, 16) : (8, 32) }
    }

    /// A GeneralName element `check` has accepted, with the parts its value is built from.
    struct Checked {
        let tlv: TLV
        /// otherName: the type-id content; directoryName: the Name element.
        let first: Range<Int>
        /// otherName: the value element inside the [0] EXPLICIT tag.
        let second: Range<Int>
    }

    /// The one decoder of a GeneralName: reads the element at `s` and checks every rule. Parse-time
    /// validation stops here and allocates nothing; `init(checked:in:field:)` builds the value.
    static func check(_ s: inout DERScanner, _ field: String, context: Context) throws(CertificateError) -> Checked {
        let tlv = try s.read(field)
        switch tlv.tag {
        case 0xa0:
            // otherName ::= SEQUENCE { type-id OBJECT IDENTIFIER, value [0] EXPLICIT ANY DEFINED BY type-id }
            var other = try s.enter(tlv, field)
            let typeID = try other.objectIdentifier(field)
            var wrapped = try other.enter(0xa0, field)
            let inner = try wrapped.read(field)
            if inner.isConstructed { try wrapped.enter(inner, field).skipAll(field) }
            try wrapped.finish(field)
            try other.finish(field)
            return Checked(tlv: tlv, first: typeID.startIndex..<typeID.endIndex, second: inner.range)
        case 0x81, 0x82, 0x86:
            guard DirectoryString.asciiAllowed(.ia5String, s.content(tlv)) else {
                throw .invalidEncoding(field: field, offset: tlv.start, problem: .string)
            }
        case 0xa3, 0xa5:
            try s.enter(tlv, field).skipAll(field)
        case 0xa4:
            // directoryName [4] EXPLICIT Name
            var wrapped = try s.enter(tlv, field)
            let nameTLV = try wrapped.read(0x30, field)
            try wrapped.finish(field)
            _ = try NameKey.build(wrapped.element(nameTLV), field: field)
            return Checked(tlv: tlv, first: nameTLV.range, second: nameTLV.range)
        case 0x87:
            let allowed = context.ipAddressLengths
            guard tlv.contentCount == allowed.0 || tlv.contentCount == allowed.1 else {
                throw .invalidEncoding(field: field, offset: tlv.start, problem: .ipAddressLength)
            }
        case 0x88:
            guard ObjectIdentifierEncoding.isValid(s.content(tlv)) else {
                throw .invalidEncoding(field: field, offset: tlv.start, problem: .objectIdentifier)
            }
        default:
            throw .unexpectedElement(field: field, offset: tlv.start, tag: tlv.tag)
        }
        return Checked(tlv: tlv, first: tlv.contentRange, second: tlv.contentRange)
    }

    /// The value of a GeneralName that `check` accepted in `bytes`.
    init(checked: Checked, in bytes: ArraySlice<UInt8>, field: String) throws(CertificateError) {
        let content = bytes[checked.tlv.contentRange]
        switch checked.tlv.tag {
        case 0xa0: self = .otherName(typeID: ObjectIdentifierEncoding.dotted(bytes[checked.first]), value: Array(bytes[checked.second]))
        case 0x81: self = .rfc822Name(String(decoding: content, as: UTF8.self))
        case 0x82: self = .dnsName(String(decoding: content, as: UTF8.self))
        case 0x86: self = .uniformResourceIdentifier(String(decoding: content, as: UTF8.self))
        case 0xa3: self = .x400Address(Array(bytes[checked.tlv.range]))
        case 0xa5: self = .ediPartyName(Array(bytes[checked.tlv.range]))
        // The Name was checked, and its comparison key built once already; building it again cannot fail.
        case 0xa4: self = .directoryName(try DistinguishedName(encoded: bytes[checked.first], field: field))
        case 0x87: self = .ipAddress(Array(content))
        default: self = .registeredID(ObjectIdentifierEncoding.dotted(content))
        }
    }

    /// GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName, with identifier `tag` (0x30, or an implicit
    /// context tag); the names when `value` is set, else an empty array.
    static func decodeList(_ s: inout DERScanner, _ tag: UInt8, _ field: String, context: Context = .alternativeName,
                           value: Bool) throws(CertificateError) -> [GeneralName] {
        var list = try s.enterNonEmpty(tag, field)
        var names: [GeneralName] = []
        while !list.isAtEnd {
            let checked = try check(&list, field, context: context)
            if value { names.append(try GeneralName(checked: checked, in: list.bytes, field: field)) }
        }
        return names
    }

    /// OpenSSL's -text style: "DNS:example.com", "IP Address:192.0.2.1", "email:...", "URI:...".
    public var description: String {
        switch self {
        case .dnsName(let name): return "DNS:" + name
        case .ipAddress(let bytes): return "IP Address:" + Self.formatIP(bytes)
        case .rfc822Name(let name): return "email:" + name
        case .uniformResourceIdentifier(let uri): return "URI:" + uri
        case .directoryName(let name): return "DirName:" + name.openSSLDescription
        case .registeredID(let oid): return "Registered ID:" + oid
        case .otherName(let typeID, _): return "othername:" + typeID
        case .x400Address: return "X400Name:<unsupported>"
        case .ediPartyName: return "EdiPartyName:<unsupported>"
        }
    }

    /// Dotted IPv4, RFC 5952-ish IPv6 (full groups, no compression), "/mask" for 8- and 32-octet forms.
    static func formatIP(_ bytes: [UInt8]) -> String {
        switch bytes.count {
        case 4: return bytes.map { String($0) }.joined(separator: ".")
        case 8: return formatIP(Array(bytes[0..<4])) + "/" + formatIP(Array(bytes[4..<8]))
        case 16:
            return stride(from: 0, to: 16, by: 2).map { String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16) }.joined(separator: ":")
        case 32: return formatIP(Array(bytes[0..<16])) + "/" + formatIP(Array(bytes[16..<32]))
        default: return hexString(bytes)
        }
    }
}
