// What the validator needs from names beyond CertoX509's API: the RDN-prefix test of directoryName
// name constraints (RFC 5280 §4.2.1.10: a name is in the subtree when the constraint's RDNs are its
// first RDNs), done by re-parsing a prefix of the name's own DER so the comparison stays CertoX509's
// RFC 5280 §7.1 matching; and the subject's emailAddress attributes.

enum DistinguishedNameHelpers {
    static func emailAddresses(in name: DistinguishedName) -> [String] {
        name.values(of: AttributeTypeAndValue.emailAddressOID)
    }

    /// True when `subtree`'s RDNs are the first RDNs of `name` (each compared per RFC 5280 §7.1).
    static func isWithin(_ name: DistinguishedName, subtree: DistinguishedName) -> Bool {
        guard let constraintRDNs = rdnElements(subtree.derBytes) else { return false }
        if constraintRDNs.isEmpty { return true }
        let nameDER = name.derBytes
        guard let nameRDNs = rdnElements(nameDER), nameRDNs.count >= constraintRDNs.count else { return false }
        let prefix = nameRDNs[0..<constraintRDNs.count]
        var content: [UInt8] = []
        for range in prefix { content.append(contentsOf: nameDER[range]) }
        var der: [UInt8] = [0x30]
        appendLength(content.count, to: &der)
        der.append(contentsOf: content)
        guard let prefixName = try? DistinguishedName(derEncoded: der) else { return false }
        return prefixName == subtree
    }

    /// Byte ranges of the RDN elements (SETs) inside a Name SEQUENCE; nil if the DER is malformed.
    static func rdnElements(_ der: [UInt8]) -> [Range<Int>]? {
        guard let (outerStart, outerEnd) = element(der, at: 0), der.first == 0x30 else { return nil }
        var ranges: [Range<Int>] = []
        var position = outerStart
        while position < outerEnd {
            guard let (_, end) = element(der, at: position), end <= outerEnd else { return nil }
            ranges.append(position..<end)
            position = end
        }
        return ranges
    }

    /// For the TLV at `offset`: (start of content, end of element). Definite lengths only.
    private static func element(_ der: [UInt8], at offset: Int) -> (Int, Int)? {
        guard offset + 2 <= der.count else { return nil }
        var position = offset + 1
        let first = der[position]
        position += 1
        var length = 0
        if first < 0x80 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7F)
            guard count >= 1, count <= 4, position + count <= der.count else { return nil }
            for _ in 0..<count { length = length << 8 | Int(der[position]); position += 1 }
        }
        guard position + length <= der.count else { return nil }
        return (position, position + length)
    }

    private static func appendLength(_ length: Int, to out: inout [UInt8]) {
        if length < 0x80 { out.append(UInt8(length)); return }
        var bytes: [UInt8] = []
        var rest = length
        while rest > 0 { bytes.insert(UInt8(rest & 0xFF), at: 0); rest >>= 8 }
        out.append(0x80 | UInt8(bytes.count))
        out.append(contentsOf: bytes)
    }
}
