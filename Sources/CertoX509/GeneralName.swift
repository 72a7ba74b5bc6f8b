// GeneralName (RFC 5280 §4.2.1.6): the IA5String forms are checked to be ASCII, iPAddress lengths are
// checked per use (4/16 octets in alternative names, 8/32 with mask in name constraints), and the
// forms nobody processes (x400Address, ediPartyName) are kept as their DER.
import SwiftASN1

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
    enum Context { case alternativeName, constraint }

    init(node: ASN1Node, field: String, context: Context = .alternativeName) throws(CertificateError) {
        do {
            self = try Self.decode(node, context)
        } catch {
            throw error.prefixed(field)
        }
    }

    /// Error paths are relative ("dNSName", "otherName.type-id"); `init` adds the caller's field.
    private static func decode(_ node: ASN1Node, _ context: Context) throws(CertificateError) -> GeneralName {
        let field = ""
        guard node.identifier.tagClass == .contextSpecific else {
            throw .unexpectedElement(field: field, offset: node.offset, tag: node.tagByte)
        }
        switch node.identifier.tagNumber {
        case 0:
            var reader = try DERReader(node, "otherName", id: .context(0))
            let typeID = try objectIdentifier(try reader.next("otherName.type-id"), "otherName.type-id")
            let wrapped = try reader.next("otherName.value")
            try reader.finish()
            let value = try explicit(wrapped, 0, "otherName.value")
            return .otherName(typeID: OID.dotted(typeID), value: Array(value.encodedBytes))
        case 1:
            return .rfc822Name(try Self.ia5(node, "rfc822Name"))
        case 2:
            return .dnsName(try Self.ia5(node, "dNSName"))
        case 3:
            _ = try DERReader(node, "x400Address", id: .context(3))
            return .x400Address(Array(node.encodedBytes))
        case 4:
            let inner = try explicit(node, 4, "directoryName")
            return .directoryName(try DistinguishedName(node: inner, field: "directoryName"))
        case 5:
            _ = try DERReader(node, "ediPartyName", id: .context(5))
            return .ediPartyName(Array(node.encodedBytes))
        case 6:
            return .uniformResourceIdentifier(try Self.ia5(node, "uniformResourceIdentifier"))
        case 7:
            let bytes = try primitive(node, .context(7), "iPAddress")
            let allowed = context == .alternativeName ? (4, 16) : (8, 32)
            guard bytes.count == allowed.0 || bytes.count == allowed.1 else {
                throw .invalidEncoding(field: "iPAddress", offset: node.offset, problem: .ipAddressLength)
            }
            return .ipAddress(Array(bytes))
        case 8:
            return .registeredID(OID.dotted(try objectIdentifier(node, "registeredID", id: .context(8))))
        default:
            throw .unexpectedElement(field: field, offset: node.offset, tag: node.tagByte)
        }
    }

    private static func ia5(_ node: ASN1Node, _ field: String) throws(CertificateError) -> String {
        let bytes = try primitive(node, node.identifier, field)
        guard let text = DirectoryString.decode(.ia5String, bytes) else {
            throw .invalidEncoding(field: field, offset: node.offset, problem: .string)
        }
        return text
    }

    /// GeneralNames ::= SEQUENCE SIZE (1..MAX) OF GeneralName, or the same content under an implicit tag.
    static func sequence(_ node: ASN1Node, field: String, id: ASN1Identifier = .sequence, context: Context = .alternativeName) throws(CertificateError) -> [GeneralName] {
        var reader = try DERReader(node, field, id: id)
        var names: [GeneralName] = []
        while let element = reader.nextIfPresent() {
            do {
                names.append(try decode(element, context))
            } catch {
                throw error.prefixed(field)
            }
        }
        guard !names.isEmpty else { throw .invalidEncoding(field: field, offset: node.offset, problem: .emptySequence) }
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
