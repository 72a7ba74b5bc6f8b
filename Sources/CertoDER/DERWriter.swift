// The counterpart of DERScanner for the little DER Certo writes itself (OCSP requests): definite
// lengths in the fewest octets, low tag numbers only, INTEGERs minimal. A constructed value is
// written through a closure into a writer of its own, so its length is known before its header goes
// out. It encodes what it is given and checks no ASN.1 schema: callers build valid structures.

public struct DERWriter: Sendable {
    /// Everything written so far.
    public private(set) var bytes: [UInt8]

    public init() { bytes = [] }

    /// Appends one element: identifier octet `tag`, the definite length of `content`, then `content`.
    public mutating func append<Content: Collection>(tag: UInt8, content: Content) where Content.Element == UInt8 {
        // The high-tag form needs more identifier octets; no structure Certo writes uses it.
        precondition(tag & 0x1f != 0x1f, "DERWriter: tag 0x\(hexByte(tag)) needs the high-tag-number form")
        bytes.append(tag)
        Self.appendLength(content.count, to: &bytes)
        bytes.append(contentsOf: content)
    }

    /// Appends a constructed element (a SEQUENCE by default) whose content `body` writes.
    public mutating func appendConstructed<Failure: Error>(tag: UInt8 = 0x30, _ body: (inout DERWriter) throws(Failure) -> Void) throws(Failure) {
        precondition(tag & 0x20 != 0, "DERWriter: tag 0x\(hexByte(tag)) is not constructed")
        var inner = DERWriter()
        try body(&inner)
        append(tag: tag, content: inner.bytes)
    }

    /// An INTEGER (or an implicitly tagged one) holding the non-negative number whose big-endian
    /// magnitude is `magnitude`: redundant leading zeros dropped, a 0x00 put in front when the high bit
    /// is set (X.690 §8.3.2), and zero (or empty input) written as one 0x00 octet.
    public mutating func appendInteger<Magnitude: Collection>(magnitude: Magnitude, tag: UInt8 = 0x02) where Magnitude.Element == UInt8 {
        let significant = magnitude.drop { $0 == 0 }
        guard let first = significant.first else {
            append(tag: tag, content: [0x00])
            return
        }
        if first & 0x80 != 0 {
            append(tag: tag, content: [0x00] + significant)
        } else {
            append(tag: tag, content: significant)
        }
    }

    public mutating func appendOctetString<Content: Collection>(_ content: Content) where Content.Element == UInt8 {
        append(tag: 0x04, content: content)
    }

    public mutating func appendNull() { append(tag: 0x05, content: EmptyCollection<UInt8>()) }

    /// An OBJECT IDENTIFIER from its content octets (ObjectIdentifierEncoding.encode makes them from text).
    public mutating func appendObjectIdentifier<Content: Collection>(content: Content) where Content.Element == UInt8 {
        precondition(ObjectIdentifierEncoding.isValid(Array(content)[...]), "DERWriter: not valid OBJECT IDENTIFIER content")
        append(tag: 0x06, content: content)
    }

    /// Appends bytes that are already DER (an element kept from a parse), unchanged.
    public mutating func appendEncoded<Encoded: Sequence>(_ encoded: Encoded) where Encoded.Element == UInt8 {
        bytes.append(contentsOf: encoded)
    }

    /// X.690 §8.1.3, DER §10.1: short form below 128, else the fewest big-endian octets after 0x80 | count.
    static func appendLength(_ length: Int, to bytes: inout [UInt8]) {
        precondition(length >= 0)
        guard length >= 0x80 else {
            bytes.append(UInt8(length))
            return
        }
        let count = (Int.bitWidth - length.leadingZeroBitCount + 7) / 8
        bytes.append(0x80 | UInt8(count))
        for index in stride(from: count - 1, through: 0, by: -1) {
            bytes.append(UInt8(truncatingIfNeeded: length >> (index * 8)))
        }
    }
}
