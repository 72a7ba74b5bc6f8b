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

    /// The one decoder of a GeneralName: reads and checks the element at `s` and, when `value` is set,
    /// builds it (parse-time validation passes false and allocates nothing).
    static func decode(_ s: inout DERScanner, _ field: String, context: Context, value: Bool) throws(CertificateError) -> GeneralName? {
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
            return value ? .otherName(typeID: ObjectIdentifierEncoding.dotted(typeID), value: Array(s.element(inner))) : nil
        case 0x81, 0x82, 0x86:
            let content = s.content(tlv)
            guard DirectoryString.asciiAllowed(.ia5String, content) else {
                throw .invalidEncoding(field: field, offset: tlv.start, problem: .string)
            }
            guard value else { return nil }
            let text = String(decoding: content, as: UTF8.self)
            switch tlv.tag {
            case 0x81: return .rfc822Name(text)
            case 0x82: return .dnsName(text)
            default: return .uniformResourceIdentifier(text)
            }
        case 0xa3, 0xa5:
            try s.enter(tlv, field).skipAll(field)
            guard value else { return nil }
            return tlv.tag == 0xa3 ? .x400Address(Array(s.element(tlv))) : .ediPartyName(Array(s.element(tlv)))
        case 0xa4:
            // directoryName [4] EXPLICIT Name
            var wrapped = try s.enter(tlv, field)
            let nameTLV = try wrapped.read(0x30, field)
            try wrapped.finish(field)
            let encoded = wrapped.element(nameTLV)
            if value { return .directoryName(try DistinguishedName(encoded: encoded, field: field)) }
            _ = try NameKey.build(encoded, field: field)
            return nil
        case 0x87:
            let allowed = context.ipAddressLengths
            guard tlv.contentCount == allowed.0 || tlv.contentCount == allowed.1 else {
                throw .invalidEncoding(field: field, offset: tlv.start, problem: .ipAddressLength)
            }
            return value ? .ipAddress(Array(s.content(tlv))) : nil
        case 0x88:
            let content = s.content(tlv)
            guard ObjectIdentifierEncoding.isValid(content) else {
                throw .invalidEncoding(field: field, offset: tlv.start, problem: .objectIdentifier)
            }
            return value ? .registeredID(ObjectIdentifierEncoding.dotted(content)) : nil
        default:
            throw .unexpectedElement(field: field, offset: tlv.start, tag: tlv.tag)
        }
    }

    /// GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName, with identifier `tag` (0x30, or an implicit
    /// context tag); the names when `value` is set, else an empty array.
    static func decodeList(_ s: inout DERScanner, _ tag: UInt8, _ field: String, context: Context = .alternativeName,
                           value: Bool) throws(CertificateError) -> [GeneralName] {
        var list = try s.enterNonEmpty(tag, field)
        var names: [GeneralName] = []
        while !list.isAtEnd {
            if let name = try decode(&list, field, context: context, value: value) { names.append(name) }
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
