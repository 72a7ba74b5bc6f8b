// A KeyPurposeId of extKeyUsage (RFC 5280 §4.2.1.12), held as its OID's content bytes so that asking
// whether a certificate lists it compares bytes instead of building dotted strings.
import CertoDER

public struct KeyPurpose: Sendable, Hashable {
    let oidBytes: [UInt8]

    /// nil unless `dotted` is a well-formed OID.
    public init?(dotted: String) {
        guard let encoded = ObjectIdentifierEncoding.encode(dotted) else { return nil }
        oidBytes = encoded
    }

    public var dotted: String { ObjectIdentifierEncoding.dotted(oidBytes[...]) }

    // From ExtendedKeyUsage's dotted constants, so each OID is written once.
    public static let serverAuth = KeyPurpose(dotted: ExtendedKeyUsage.serverAuth)!
    public static let clientAuth = KeyPurpose(dotted: ExtendedKeyUsage.clientAuth)!
    public static let anyExtendedKeyUsage = KeyPurpose(dotted: ExtendedKeyUsage.anyExtendedKeyUsage)!
    public static let ocspSigning = KeyPurpose(dotted: ExtendedKeyUsage.ocspSigning)!
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
