// The OBJECT IDENTIFIERs that name these hashes in AlgorithmIdentifiers (RFC 3279 §2.1 for SHA-1,
// RFC 4055 §2.1 and NIST's CSOR arcs for SHA-2), for every decoder of such identifiers: the
// RSASSA-PSS parameters of certificates and of keys.

extension HashAlgorithm {
    private static let sha1Content: [UInt8] = [0x2b, 0x0e, 0x03, 0x02, 0x1a]  // 1.3.14.3.2.26
    private static let nistHashArc: [UInt8] = [0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02]  // 2.16.840.1.101.3.4.2

    /// The hash whose OBJECT IDENTIFIER has these content octets; nil for any other OID.
    public init?<Content: Collection>(objectIdentifier content: Content) where Content.Element == UInt8 {
        if content.elementsEqual(Self.sha1Content) {
            self = .sha1
            return
        }
        guard content.count == Self.nistHashArc.count + 1, content.starts(with: Self.nistHashArc) else { return nil }
        switch content.reversed().first {
        case 0x01: self = .sha256
        case 0x02: self = .sha384
        case 0x03: self = .sha512
        case 0x04: self = .sha224
        default: return nil
        }
    }
}
