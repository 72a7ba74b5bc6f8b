// X.501 Name: validated once at parse, compared per RFC 5280 §7.1 through a precomputed comparison
// key (so == and hashing cost a byte compare), rendered per RFC 4514 and in OpenSSL's one-line style.
// The attribute list is decoded on demand from the kept DER: chain building never needs it.
import CertoDER

public struct DistinguishedName: Sendable, Hashable, CustomStringConvertible {
    /// The Name SEQUENCE as it appeared (shares storage with the certificate's bytes).
    let encoded: ArraySlice<UInt8>
    /// Canonical form: per RDN its attributes' (type, comparison form of value), sorted within the RDN.
    let comparisonKey: [UInt8]

    /// The DER of the Name, exactly as it appeared.
    public var derBytes: [UInt8] { Array(encoded) }

    /// Parses a DER Name on its own.
    public init(derEncoded: [UInt8]) throws(CertificateError) {
        _ = try DERScanner.single(derEncoded[...], "name")  // the whole input must be one DER element
        encoded = derEncoded[...]
        comparisonKey = try NameKey.build(encoded, field: "name")
    }

    /// The empty Name (an empty SEQUENCE).
    public static let empty: DistinguishedName = try! DistinguishedName(derEncoded: [0x30, 0x00])

    /// `encoded` is exactly the Name element.
    init(encoded: ArraySlice<UInt8>, field: String) throws(CertificateError) {
        self.encoded = encoded
        comparisonKey = try NameKey.build(encoded, field: field)
    }

    /// RFC 5280 §7.1: names match when their RDNs match in order, attribute values compared case-insensitively
    /// with insignificant whitespace removed.
    public static func == (lhs: DistinguishedName, rhs: DistinguishedName) -> Bool {
        lhs.comparisonKey == rhs.comparisonKey
    }

    public func hash(into hasher: inout Hasher) {
        // As one block of bytes: [UInt8]'s own hash feeds the hasher a byte at a time.
        hasher.combine(comparisonKey.count)
        comparisonKey.withUnsafeBytes { hasher.combine(bytes: $0) }
    }

    /// Whether the name has no RDNs (allowed for a subject when subjectAltName is present).
    public var isEmpty: Bool { comparisonKey.isEmpty }

    /// Whether this name lies in the directoryName subtree `base` (RFC 5280 §4.2.1.10): `base`'s RDNs
    /// are this name's first RDNs, each matched as §7.1 matches names. The empty name is every name's base.
    public func isWithin(subtree base: DistinguishedName) -> Bool {
        comparisonKey.starts(with: base.comparisonKey)
    }

    /// Whether the DER encodings are byte-for-byte identical (stricter than ==).
    public func isByteIdentical(to other: DistinguishedName) -> Bool { encoded.elementsEqual(other.encoded) }

    /// The RDNs in encoded order (most significant first). The name was checked when it was built, so
    /// the walk cannot fail; it stops at anything unexpected rather than trap.
    public var rdns: [RelativeDistinguishedName] {
        var result: [RelativeDistinguishedName] = []
        var outer = DERScanner(encoded)
        guard var sets = try? outer.enter(0x30, "") else { return [] }
        while !sets.isAtEnd {
            guard var set = try? sets.enter(0x31, "") else { return result }
            var attributes: [AttributeTypeAndValue] = []
            while !set.isAtEnd {
                guard var attribute = try? set.enter(0x30, ""), let type = try? attribute.objectIdentifier(""),
                      let value = try? attribute.read("") else { return result }
                attributes.append(AttributeTypeAndValue(typeBytes: type, value: value, in: attribute.bytes))
            }
            result.append(RelativeDistinguishedName(attributes: attributes))
        }
        return result
    }

    /// This name with the RDN `relative` appended as the least significant RDN: how a distribution
    /// point's nameRelativeToCRLIssuer becomes a full name (RFC 5280 §4.2.1.13). `relative` is the
    /// RDN's DER as a SET or under the [1] IMPLICIT tag DistributionPointName gives it. Nil when the
    /// result is not a valid Name.
    public func appending(relativeName relative: [UInt8]) -> DistinguishedName? {
        var outer = DERScanner(encoded)
        guard let name = try? outer.read(0x30, ""), !relative.isEmpty else { return nil }
        var writer = DERWriter()
        let existing = outer.content(name)
        writer.appendConstructed { (sequence: inout DERWriter) in
            sequence.appendEncoded(existing)
            sequence.appendEncoded([0x31] + relative.dropFirst())
        }
        return try? DistinguishedName(derEncoded: writer.bytes)
    }

    /// The values of every attribute of type `oid`, in order.
    public func values(of oid: String) -> [String] {
        guard let type = ObjectIdentifierEncoding.encode(oid) else { return [] }
        return values(ofType: type)
    }

    /// As `values(of:)`, for the encoded OID; reads only the matching values (validation asks every leaf
    /// for its commonNames, and the name was validated at parse, so nothing here can fail).
    func values(ofType type: [UInt8]) -> [String] {
        var result: [String] = []
        var outer = DERScanner(encoded)
        guard var rdns = try? outer.enter(0x30, "") else { return [] }
        while !rdns.isAtEnd {
            guard var set = try? rdns.enter(0x31, "") else { return result }
            while !set.isAtEnd {
                guard var attribute = try? set.enter(0x30, ""), let typeTLV = try? attribute.read(0x06, ""),
                      let valueTLV = try? attribute.read("") else { return result }
                guard attribute.content(typeTLV).elementsEqual(type) else { continue }
                let content = valueTLV.isConstructed ? nil : attribute.content(valueTLV)
                result.append(AttributeTypeAndValue.text(tag: valueTLV.tag, primitiveContent: content,
                                                         encoded: attribute.bytes[valueTLV.start..<valueTLV.end]).0)
            }
        }
        return result
    }

    /// The most specific (last) commonName, as OpenSSL's host name check uses it.
    public var commonName: String? { values(ofType: OID.commonName).last }

    /// The values of every commonName attribute, in order.
    public var commonNames: [String] { values(ofType: OID.commonName) }

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

/// Builds the comparison key of a Name while checking its structure and string values.
enum NameKey {
    /// `encoded` is the whole Name element. Per RDN: its attribute count, then per attribute (sorted
    /// within the RDN) the type OID and either the comparison form of a string value or the value's DER.
    /// Every count and length takes four bytes, so each RDN's part fixes its own extent: a key that
    /// begins with another name's whole key begins with that name's RDNs.
    static func build(_ encoded: ArraySlice<UInt8>, field: String) throws(CertificateError) -> [UInt8] {
        var outer = DERScanner(encoded)
        var rdns = try outer.enter(0x30, field)
        try outer.finish(field)
        var key: [UInt8] = []
        key.reserveCapacity(encoded.count)
        while !rdns.isAtEnd {
            var set = try rdns.enterNonEmpty(0x31, field)
            let rdnStart = key.count
            appendLength(1, to: &key)
            try appendAttribute(&set, field: field, to: &key)
            if !set.isAtEnd {
                // Multi-valued RDN: a SET, so attribute order must not matter. Sort the encoded parts.
                var parts: [[UInt8]] = [Array(key[(rdnStart + 4)...])]
                key.removeSubrange(rdnStart...)
                while !set.isAtEnd {
                    var part: [UInt8] = []
                    try appendAttribute(&set, field: field, to: &part)
                    parts.append(part)
                }
                parts.sort { $0.lexicographicallyPrecedes($1) }
                appendLength(parts.count, to: &key)
                for part in parts { key += part }
            }
        }
        return key
    }

    private static func appendAttribute(_ set: inout DERScanner, field: String, to key: inout [UInt8]) throws(CertificateError) {
        var ava = try set.enter(0x30, field)
        let type = try ava.objectIdentifier(field)
        let value = try ava.read(field)
        try ava.finish(field)
        appendLength(type.count, to: &key)
        key.append(contentsOf: type)
        if let stringType = ASN1StringType(rawValue: value.tag), stringType.isDecoded {
            key.append(0)
            let lengthPosition = key.count
            appendLength(0, to: &key)
            guard DirectoryString.appendComparisonForm(stringType, ava.content(value), to: &key) else {
                throw .invalidEncoding(field: field, offset: value.start, problem: .string)
            }
            let length = key.count - lengthPosition - 4
            key[lengthPosition] = UInt8(truncatingIfNeeded: length >> 24)
            key[lengthPosition + 1] = UInt8(truncatingIfNeeded: length >> 16)
            key[lengthPosition + 2] = UInt8(truncatingIfNeeded: length >> 8)
            key[lengthPosition + 3] = UInt8(truncatingIfNeeded: length)
        } else {
            if value.isConstructed { try ava.enter(value, field).skipAll(field) }
            key.append(1)
            appendLength(value.end - value.start, to: &key)
            key.append(contentsOf: ava.bytes[value.start..<value.end])
        }
    }

    @inline(__always)
    private static func appendLength(_ length: Int, to key: inout [UInt8]) {
        key.append(UInt8(truncatingIfNeeded: length >> 24))
        key.append(UInt8(truncatingIfNeeded: length >> 16))
        key.append(UInt8(truncatingIfNeeded: length >> 8))
        key.append(UInt8(truncatingIfNeeded: length))
    }
}

/// One RDN: a SET of attributes (nearly always exactly one).
public struct RelativeDistinguishedName: Sendable, Hashable, RandomAccessCollection {
    public let attributes: [AttributeTypeAndValue]
    public var startIndex: Int { attributes.startIndex }
    public var endIndex: Int { attributes.endIndex }
    public subscript(position: Int) -> AttributeTypeAndValue { attributes[position] }
}
