// X.501 Name: validated once at parse, compared per RFC 5280 §7.1 through a precomputed comparison
// key (so == and hashing cost a byte compare), rendered per RFC 4514 and in OpenSSL's one-line style.
// The attribute list is decoded on demand from the kept DER: chain building never needs it.
import SwiftASN1

public struct DistinguishedName: Sendable, Hashable, CustomStringConvertible {
    /// The Name SEQUENCE as it appeared (shares storage with the certificate's bytes).
    let encoded: ArraySlice<UInt8>
    /// Canonical form: per RDN its attributes' (type, comparison form of value), sorted within the RDN.
    let comparisonKey: [UInt8]

    /// The DER of the Name, exactly as it appeared.
    public var derBytes: [UInt8] { Array(encoded) }

    /// Parses a DER Name on its own.
    public init(derEncoded: [UInt8]) throws(CertificateError) {
        let node = try parseDER(derEncoded[...])
        try self.init(node: node, field: "name")
    }

    init(node: ASN1Node, field: String) throws(CertificateError) {
        var rdns = try DERReader(node, field)
        var key: [UInt8] = []
        key.reserveCapacity(node.encodedBytes.count)
        while let rdnNode = rdns.nextIfPresent() {
            var set = try DERReader(rdnNode, field, id: .set)
            guard let first = set.nextIfPresent() else {
                throw .invalidEncoding(field: field, offset: rdnNode.offset, problem: .emptySequence)
            }
            if set.isAtEnd {
                key.append(1)
                try Self.appendKey(of: first, field: field, to: &key)
            } else {
                // Multi-valued RDN: attribute order must not matter (it is a SET).
                var parts: [[UInt8]] = []
                var part: [UInt8] = []
                try Self.appendKey(of: first, field: field, to: &part)
                parts.append(part)
                while let next = set.nextIfPresent() {
                    part = []
                    try Self.appendKey(of: next, field: field, to: &part)
                    parts.append(part)
                }
                parts.sort { $0.lexicographicallyPrecedes($1) }
                key.append(UInt8(truncatingIfNeeded: min(parts.count, 255)))
                for part in parts { key += part }
            }
        }
        encoded = node.encodedBytes
        comparisonKey = key
    }

    private static func appendKey(of node: ASN1Node, field: String, to key: inout [UInt8]) throws(CertificateError) {
        var ava = try DERReader(node, field)
        let type = try objectIdentifier(try ava.next(field), field)
        let valueNode = try ava.next(field)
        try ava.finish()
        appendLength(type.count, to: &key)
        key.append(contentsOf: type)
        let tag = valueNode.tagByte
        if case .primitive(let content) = valueNode.content, let stringType = ASN1StringType(rawValue: tag), stringType.isDecoded {
            key.append(0)
            let lengthPosition = key.count
            appendLength(0, to: &key)
            guard DirectoryString.appendComparisonForm(stringType, content, to: &key) else {
                throw .invalidEncoding(field: field, offset: valueNode.offset, problem: .string)
            }
            let length = key.count - lengthPosition - 4
            key[lengthPosition] = UInt8(truncatingIfNeeded: length >> 24)
            key[lengthPosition + 1] = UInt8(truncatingIfNeeded: length >> 16)
            key[lengthPosition + 2] = UInt8(truncatingIfNeeded: length >> 8)
            key[lengthPosition + 3] = UInt8(truncatingIfNeeded: length)
        } else {
            key.append(1)
            appendLength(valueNode.encodedBytes.count, to: &key)
            key.append(contentsOf: valueNode.encodedBytes)
        }
    }

    @inline(__always)
    private static func appendLength(_ length: Int, to key: inout [UInt8]) {
        key.append(UInt8(truncatingIfNeeded: length >> 24))
        key.append(UInt8(truncatingIfNeeded: length >> 16))
        key.append(UInt8(truncatingIfNeeded: length >> 8))
        key.append(UInt8(truncatingIfNeeded: length))
    }

    /// RFC 5280 §7.1: names match when their RDNs match in order, attribute values compared case-insensitively
    /// with insignificant whitespace removed.
    public static func == (lhs: DistinguishedName, rhs: DistinguishedName) -> Bool {
        lhs.comparisonKey == rhs.comparisonKey
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(comparisonKey)
    }

    /// Whether the name has no RDNs (allowed for a subject when subjectAltName is present).
    public var isEmpty: Bool { comparisonKey.isEmpty }

    /// Whether the DER encodings are byte-for-byte identical (stricter than ==).
    public func isByteIdentical(to other: DistinguishedName) -> Bool { encoded.elementsEqual(other.encoded) }

    /// The RDNs in encoded order (most significant first).
    public var rdns: [RelativeDistinguishedName] {
        guard let node = try? parseDER(encoded), case .constructed(let rdnNodes) = node.content else { return [] }
        var result: [RelativeDistinguishedName] = []
        for rdnNode in rdnNodes {
            guard case .constructed(let avaNodes) = rdnNode.content else { continue }
            var attributes: [AttributeTypeAndValue] = []
            for avaNode in avaNodes {
                guard case .constructed(let parts) = avaNode.content else { continue }
                var iterator = parts.makeIterator()
                guard let typeNode = iterator.next(), let valueNode = iterator.next(),
                      case .primitive(let type) = typeNode.content else { continue }
                attributes.append(AttributeTypeAndValue(typeBytes: type, valueNode: valueNode))
            }
            result.append(RelativeDistinguishedName(attributes: attributes))
        }
        return result
    }

    /// The values of every attribute of type `oid`, in order.
    public func values(of oid: String) -> [String] {
        rdns.flatMap { $0.attributes.filter { $0.oid == oid }.map(\.value) }
    }

    /// The most specific (last) commonName, as OpenSSL's host name check uses it.
    public var commonName: String? { values(of: AttributeTypeAndValue.commonNameOID).last }

    /// RFC 4514: RDNs in reverse order joined by ",", multi-valued RDNs by "+"; short names for the
    /// standard attribute types, dotted OIDs for the others (Python cryptography's convention).
    public var description: String {
        rdns.reversed().map { rdn in
            rdn.attributes.map { $0.rfc4514 }.joined(separator: "+")
        }.joined(separator: ",")
    }

    /// OpenSSL's one-line style: RDNs in encoded order, "C=US, O=Amazon, CN=Amazon Root CA 1".
    public var openSSLDescription: String {
        rdns.map { rdn in
            rdn.attributes.map { $0.openSSLName + "=" + $0.openSSLEscapedValue }.joined(separator: " + ")
        }.joined(separator: ", ")
    }
}

/// One RDN: a SET of attributes (nearly always exactly one).
public struct RelativeDistinguishedName: Sendable, Hashable, RandomAccessCollection {
    public let attributes: [AttributeTypeAndValue]
    public var startIndex: Int { attributes.startIndex }
    public var endIndex: Int { attributes.endIndex }
    public subscript(position: Int) -> AttributeTypeAndValue { attributes[position] }
}
