// Whether a certificate's extKeyUsage (RFC 5280 §4.2.1.12) allows a purpose, read straight from the
// extension's DER (a SEQUENCE of OBJECT IDENTIFIERs, already validated by CertoX509 at parse) so the
// per-chain check compares bytes instead of building dotted-string OIDs.

enum ExtendedKeyUsageCheck {
    static let serverAuth: [UInt8] = [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01]  // 1.3.6.1.5.5.7.3.1
    static let clientAuth: [UInt8] = [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02]  // 1.3.6.1.5.5.7.3.2
    static let anyExtendedKeyUsage: [UInt8] = [0x55, 0x1D, 0x25, 0x00]                  // 2.5.29.37.0

    /// nil when the certificate has no extKeyUsage (no restriction); otherwise whether `purpose`
    /// (the OID's content bytes) or anyExtendedKeyUsage is listed. Malformed content allows nothing.
    static func allows(_ certificate: Certificate, purpose: [UInt8], acceptingAny: Bool = true) -> Bool? {
        guard let ext = certificate.extensions[.extendedKeyUsage] else { return nil }
        return allows(der: ext.value, purpose: purpose, acceptingAny: acceptingAny)
    }

    static func allows(der: [UInt8], purpose: [UInt8], acceptingAny: Bool = true) -> Bool {
        guard der.count >= 2, der[0] == 0x30, let (start, end) = contentRange(der, at: 0), end == der.count else { return false }
        var position = start
        while position < end {
            guard der[position] == 0x06, let (oidStart, oidEnd) = contentRange(der, at: position), oidEnd <= end else { return false }
            let oid = der[oidStart..<oidEnd]
            if oid.elementsEqual(purpose) || (acceptingAny && oid.elementsEqual(anyExtendedKeyUsage)) { return true }
            position = oidEnd
        }
        return false
    }

    /// (content start, element end) of the TLV at `offset`; definite lengths up to 4 octets.
    private static func contentRange(_ der: [UInt8], at offset: Int) -> (Int, Int)? {
        guard offset + 2 <= der.count else { return nil }
        var position = offset + 2
        var length = Int(der[offset + 1])
        if length >= 0x80 {
            let count = length & 0x7F
            guard count >= 1, count <= 4, position + count <= der.count else { return nil }
            length = 0
            for _ in 0..<count { length = length << 8 | Int(der[position]); position += 1 }
        }
        guard position + length <= der.count else { return nil }
        return (position, position + length)
    }
}
