// Thin, typed-throwing helpers over SwiftASN1's node tree, used by the typed decoders behind the
// extension accessors and DistinguishedName.rdns: each step names the field it reads so an error can say
// where it happened. Offsets are indices into the caller's byte array (slices keep them).
import SwiftASN1

extension ASN1Node {
    /// Byte offset of this element's tag in the buffer the certificate was parsed from.
    @inlinable var offset: Int { encodedBytes.startIndex }
    /// The raw identifier octet (for error messages).
    var tagByte: UInt8 { encodedBytes.first ?? 0 }
}

extension ASN1Identifier {
    @inline(__always) static func context(_ number: UInt) -> ASN1Identifier {
        ASN1Identifier(tagWithNumber: number, tagClass: .contextSpecific)
    }
}

/// Parses `bytes` as exactly one DER element; on failure locates the byte where the structure breaks.
func parseDER(_ bytes: ArraySlice<UInt8>) throws(CertificateError) -> ASN1Node {
    do {
        return try DER.parse(bytes)
    } catch {
        throw DERLocator.problem(in: bytes)
    }
}

/// Walks the children of a constructed element in order.
struct DERReader {
    var nodes: ASN1NodeCollection.Iterator
    let field: String

    /// Opens `node` as a constructed element with identifier `id` (SEQUENCE unless told otherwise).
    @inline(__always)
    init(_ node: ASN1Node, _ field: String, id: ASN1Identifier = .sequence) throws(CertificateError) {
        guard node.identifier == id else {
            throw .unexpectedElement(field: field, offset: node.offset, tag: node.tagByte)
        }
        guard case .constructed(let children) = node.content else {
            throw .invalidEncoding(field: field, offset: node.offset, problem: .primitiveConstructed)
        }
        nodes = children.makeIterator()
        self.field = field
    }

    /// The next child; `.missingElement(child)` when there is none.
    @inline(__always)
    mutating func next(_ child: String) throws(CertificateError) -> ASN1Node {
        guard let node = nodes.next() else { throw .missingElement(field: child) }
        return node
    }

    /// The next child if there is one.
    @inline(__always)
    mutating func nextIfPresent() -> ASN1Node? { nodes.next() }

    /// The next child only if it has identifier `id` (for OPTIONAL and DEFAULT fields).
    @inline(__always)
    mutating func optional(_ id: ASN1Identifier) -> ASN1Node? {
        var probe = nodes
        guard let node = probe.next(), node.identifier == id else { return nil }
        nodes = probe
        return node
    }

    var isAtEnd: Bool {
        var probe = nodes
        return probe.next() == nil
    }

    /// Fails when children remain.
    @inline(__always)
    mutating func finish() throws(CertificateError) {
        if let extra = nodes.next() {
            throw .trailingElements(field: field, offset: extra.offset)
        }
    }
}

// MARK: - Primitive types (X.690 DER rules)

/// Content octets of a primitive element with identifier `id`.
@inline(__always)
func primitive(_ node: ASN1Node, _ id: ASN1Identifier, _ field: String) throws(CertificateError) -> ArraySlice<UInt8> {
    guard node.identifier == id else {
        throw .unexpectedElement(field: field, offset: node.offset, tag: node.tagByte)
    }
    guard case .primitive(let content) = node.content else {
        throw .invalidEncoding(field: field, offset: node.offset, problem: .constructedPrimitive)
    }
    return content
}

/// Content octets of an INTEGER (or implicitly tagged INTEGER), checked for minimal encoding.
func integerBytes(_ node: ASN1Node, _ field: String, id: ASN1Identifier = .integer) throws(CertificateError) -> ArraySlice<UInt8> {
    let content = try primitive(node, id, field)
    guard let first = content.first else {
        throw .invalidEncoding(field: field, offset: node.offset, problem: .integer)
    }
    if content.count > 1 {
        let second = content[content.startIndex + 1]
        if (first == 0 && second & 0x80 == 0) || (first == 0xff && second & 0x80 != 0) {
            throw .invalidEncoding(field: field, offset: node.offset, problem: .integer)
        }
    }
    return content
}

/// A non-negative INTEGER that fits in `Int` (version, pathLen, skip counts...).
func smallNonNegativeInteger(_ node: ASN1Node, _ field: String, id: ASN1Identifier = .integer) throws(CertificateError) -> Int {
    let content = try integerBytes(node, field, id: id)
    if content.first! & 0x80 != 0 { throw .valueOutOfRange(field: field, offset: node.offset) }
    var value = 0
    var significant = content[...]
    if significant.first == 0 { significant = significant.dropFirst() }
    guard significant.count <= 7 else { throw .invalidEncoding(field: field, offset: node.offset, problem: .integerTooLarge) }
    for byte in significant { value = value << 8 | Int(byte) }
    return value
}

func boolean(_ node: ASN1Node, _ field: String) throws(CertificateError) -> Bool {
    let content = try primitive(node, .boolean, field)
    guard content.count == 1 else { throw .invalidEncoding(field: field, offset: node.offset, problem: .boolean) }
    switch content.first! {
    case 0x00: return false
    case 0xff: return true
    default: throw .invalidEncoding(field: field, offset: node.offset, problem: .boolean)
    }
}

func null(_ node: ASN1Node, _ field: String) throws(CertificateError) {
    let content = try primitive(node, .null, field)
    guard content.isEmpty else { throw .invalidEncoding(field: field, offset: node.offset, problem: .null) }
}

/// Content octets of an OBJECT IDENTIFIER, checked: non-empty, minimal sub-identifiers, complete last one.
@inline(__always)
func objectIdentifier(_ node: ASN1Node, _ field: String, id: ASN1Identifier = .objectIdentifier) throws(CertificateError) -> ArraySlice<UInt8> {
    let content = try primitive(node, id, field)
    guard OID.isValidEncoding(content) else {
        throw .invalidEncoding(field: field, offset: node.offset, problem: .objectIdentifier)
    }
    return content
}

/// A BIT STRING's value octets (after the unused-bits octet) and its count of unused bits.
/// DER: the unused bits must be zero and there are none when the value is empty.
func bitString(_ node: ASN1Node, _ field: String, id: ASN1Identifier = .bitString) throws(CertificateError) -> (bytes: ArraySlice<UInt8>, unusedBits: Int) {
    let content = try primitive(node, id, field)
    guard let unused = content.first, unused <= 7 else {
        throw .invalidEncoding(field: field, offset: node.offset, problem: .bitString)
    }
    let bytes = content.dropFirst()
    if let last = bytes.last {
        if last & ((1 << unused) &- 1) != 0 {
            throw .invalidEncoding(field: field, offset: node.offset, problem: .bitString)
        }
    } else if unused != 0 {
        throw .invalidEncoding(field: field, offset: node.offset, problem: .bitString)
    }
    return (bytes, Int(unused))
}

/// BIT STRING contents that must be whole octets (keys, signatures).
func octetAlignedBitString(_ node: ASN1Node, _ field: String) throws(CertificateError) -> ArraySlice<UInt8> {
    let (bytes, unused) = try bitString(node, field)
    guard unused == 0 else { throw .invalidEncoding(field: field, offset: node.offset, problem: .bitString) }
    return bytes
}

/// The single child of an EXPLICIT [number] tag.
func explicit(_ node: ASN1Node, _ number: UInt, _ field: String) throws(CertificateError) -> ASN1Node {
    var reader = try DERReader(node, field, id: .context(number))
    let inner = try reader.next(field)
    try reader.finish()
    return inner
}
