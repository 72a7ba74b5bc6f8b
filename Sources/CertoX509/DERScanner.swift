// A forward-only DER reader over a byte slice that allocates nothing: it hands out tag and content
// ranges (absolute indices, so errors carry real offsets). The certificate parse runs on it (SwiftASN1's
// node tree, which allocates per element, serves the on-demand typed decoders), as do extension
// validation and name keys. Same X.690 DER framing rules as SwiftASN1 (definite, minimal lengths), a
// nesting limit of 32, and only the low-tag-number form (no certificate field uses another).

struct TLV {
    /// The identifier octet (low tag numbers only; the high-tag form never appears in these structures).
    let tag: UInt8
    let start: Int
    let contentStart: Int
    let end: Int

    var isConstructed: Bool { tag & 0x20 != 0 }
    var contentCount: Int { end - contentStart }
}

struct DERScanner {
    let bytes: ArraySlice<UInt8>
    private(set) var position: Int
    let end: Int
    let depth: Int

    static let maximumDepth = 32

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
        end = bytes.endIndex
        depth = 0
    }

    private init(_ bytes: ArraySlice<UInt8>, from start: Int, to end: Int, depth: Int) {
        self.bytes = bytes
        position = start
        self.end = end
        self.depth = depth
    }

    var isAtEnd: Bool { position >= end }

    /// The identifier octet of the next element, if any.
    var nextTag: UInt8? { position < end ? bytes[position] : nil }

    /// Reads the next element's header; `field` names it in errors.
    @inline(__always)
    mutating func read(_ field: String) throws(CertificateError) -> TLV {
        guard position < end else { throw .missingElement(field: field) }
        let start = position
        let tag = bytes[position]
        guard tag & 0x1f != 0x1f else { throw .unexpectedElement(field: field, offset: start, tag: tag) }
        // [UNIVERSAL 0] is BER's end-of-contents marker, never an element of DER (X.690 §8.1.5, §10.1):
        // accepting it here while SwiftASN1 refuses it made a certificate parse whose SAN then would not.
        guard tag & 0xdf != 0 else { throw .unexpectedElement(field: field, offset: start, tag: tag) }
        var index = position + 1
        guard index < end else { throw .malformedDER(offset: start, problem: .truncated) }
        let first = bytes[index]
        index += 1
        var length: Int
        if first < 0x80 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7f)
            guard count >= 1, count <= 4 else { throw .malformedDER(offset: start, problem: .invalidLength) }
            guard end - index >= count else { throw .malformedDER(offset: start, problem: .truncated) }
            length = 0
            for offset in 0..<count { length = length << 8 | Int(bytes[index + offset]) }
            // DER: long form only for lengths >= 128, and in the fewest octets.
            guard length >= 0x80, bytes[index] != 0 else { throw .malformedDER(offset: start, problem: .invalidLength) }
            index += count
        }
        guard length <= end - index else { throw .malformedDER(offset: start, problem: .truncated) }
        position = index + length
        return TLV(tag: tag, start: start, contentStart: index, end: index + length)
    }

    /// Reads the next element and requires its identifier octet to be `tag`.
    @inline(__always)
    mutating func read(_ tag: UInt8, _ field: String) throws(CertificateError) -> TLV {
        let tlv = try read(field)
        guard tlv.tag == tag else { throw .unexpectedElement(field: field, offset: tlv.start, tag: tlv.tag) }
        return tlv
    }

    /// Reads the next element only if its identifier octet is `tag`.
    @inline(__always)
    mutating func readIfPresent(_ tag: UInt8, _ field: String) throws(CertificateError) -> TLV? {
        guard nextTag == tag else { return nil }
        return try read(field)
    }

    /// A scanner over the content of a constructed element.
    @inline(__always)
    func enter(_ tlv: TLV, _ field: String) throws(CertificateError) -> DERScanner {
        guard tlv.isConstructed else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .primitiveConstructed) }
        guard depth < Self.maximumDepth else { throw .malformedDER(offset: tlv.start, problem: .tooDeep) }
        return DERScanner(bytes, from: tlv.contentStart, to: tlv.end, depth: depth + 1)
    }

    /// Reads a constructed element with identifier `tag` and returns a scanner over its content.
    @inline(__always)
    mutating func enter(_ tag: UInt8, _ field: String) throws(CertificateError) -> DERScanner {
        let tlv = try read(tag, field)
        return try enter(tlv, field)
    }

    /// Fails when elements remain.
    @inline(__always)
    func finish(_ field: String) throws(CertificateError) {
        if position < end { throw .trailingElements(field: field, offset: position) }
    }

    /// Content of a primitive element.
    @inline(__always)
    func content(_ tlv: TLV) -> ArraySlice<UInt8> { bytes[tlv.contentStart..<tlv.end] }

    /// Checks the whole content is a well-formed sequence of DER elements, recursively (for ANY values).
    func skipAll(_ field: String) throws(CertificateError) {
        var copy = self
        while !copy.isAtEnd {
            let tlv = try copy.read(field)
            if tlv.isConstructed { try copy.enter(tlv, field).skipAll(field) }
        }
    }

    // MARK: Primitive values (same rules as DERReader's)

    mutating func integer(_ field: String, tag: UInt8 = 0x02) throws(CertificateError) -> ArraySlice<UInt8> {
        let tlv = try read(tag, field)
        let value = content(tlv)
        guard let first = value.first else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .integer) }
        if value.count > 1 {
            let second = value[value.startIndex + 1]
            if (first == 0 && second & 0x80 == 0) || (first == 0xff && second & 0x80 != 0) {
                throw .invalidEncoding(field: field, offset: tlv.start, problem: .integer)
            }
        }
        return value
    }

    mutating func smallNonNegativeInteger(_ field: String, tag: UInt8 = 0x02) throws(CertificateError) -> Int {
        let start = position
        let value = try integer(field, tag: tag)
        if value.first! & 0x80 != 0 { throw .valueOutOfRange(field: field, offset: start) }
        let significant = value.first == 0 ? value.dropFirst() : value
        guard significant.count <= 7 else { throw .invalidEncoding(field: field, offset: start, problem: .integerTooLarge) }
        var result = 0
        for byte in significant { result = result << 8 | Int(byte) }
        return result
    }

    mutating func boolean(_ field: String) throws(CertificateError) -> Bool {
        let tlv = try read(0x01, field)
        guard tlv.contentCount == 1 else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .boolean) }
        switch bytes[tlv.contentStart] {
        case 0x00: return false
        case 0xff: return true
        default: throw .invalidEncoding(field: field, offset: tlv.start, problem: .boolean)
        }
    }

    mutating func objectIdentifier(_ field: String, tag: UInt8 = 0x06) throws(CertificateError) -> ArraySlice<UInt8> {
        let tlv = try read(tag, field)
        let value = content(tlv)
        guard OID.isValidEncoding(value) else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .objectIdentifier) }
        return value
    }

    mutating func bitString(_ field: String, tag: UInt8 = 0x03) throws(CertificateError) -> (bytes: ArraySlice<UInt8>, unusedBits: Int) {
        let tlv = try read(tag, field)
        let value = content(tlv)
        guard let unused = value.first, unused <= 7 else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .bitString) }
        let data = value.dropFirst()
        if let last = data.last {
            if last & ((1 << unused) &- 1) != 0 { throw .invalidEncoding(field: field, offset: tlv.start, problem: .bitString) }
        } else if unused != 0 {
            throw .invalidEncoding(field: field, offset: tlv.start, problem: .bitString)
        }
        return (data, Int(unused))
    }

    mutating func null(_ field: String) throws(CertificateError) {
        let tlv = try read(0x05, field)
        guard tlv.contentCount == 0 else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .null) }
    }
}
