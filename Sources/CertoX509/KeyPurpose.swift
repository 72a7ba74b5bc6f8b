// A KeyPurposeId of extKeyUsage (RFC 5280 §4.2.1.12), held as its OID's content bytes so that asking
// whether a certificate lists it compares bytes instead of building dotted strings.

public struct KeyPurpose: Sendable, Hashable {
    let oidBytes: [UInt8]

    private init(oidBytes: [UInt8]) { self.oidBytes = oidBytes }

    /// nil unless `dotted` is a well-formed OID.
    public init?(dotted: String) {
        guard let encoded = OID.encode(dotted) else { return nil }
        oidBytes = encoded
    }

    public var dotted: String { OID.dotted(oidBytes[...]) }

    public static let serverAuth = KeyPurpose(oidBytes: [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x01])  // 1.3.6.1.5.5.7.3.1
    public static let clientAuth = KeyPurpose(oidBytes: [0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x03, 0x02])  // 1.3.6.1.5.5.7.3.2
    public static let anyExtendedKeyUsage = KeyPurpose(oidBytes: [0x55, 0x1D, 0x25, 0x00])                  // 2.5.29.37.0
}

extension Extensions {
    /// Whether the extKeyUsage lists `purpose` itself (anyExtendedKeyUsage is not taken to stand for
    /// it: that is the caller's policy); nil when the certificate has no extKeyUsage. Parsing has
    /// validated the extension, so the scan cannot meet malformed DER; if it did, it would list nothing.
    public func extendedKeyUsage(lists purpose: KeyPurpose) -> Bool? {
        guard let usage = self[.extendedKeyUsage] else { return nil }
        var scanner = DERScanner(usage.content)
        guard var purposes = try? scanner.enter(0x30, "extKeyUsage") else { return false }
        while !purposes.isAtEnd {
            guard let oid = try? purposes.objectIdentifier("extKeyUsage") else { return false }
            if oid.elementsEqual(purpose.oidBytes) { return true }
        }
        return false
    }
}
