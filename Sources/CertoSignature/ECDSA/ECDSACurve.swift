// The curves Certo verifies ECDSA signatures on, with their names and sizes.

/// A NIST prime curve supported for ECDSA verification.
public enum ECDSACurve: Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case p256
    case p384

    /// The NIST name: "P-256" or "P-384".
    public var name: String {
        switch self {
        case .p256: return "P-256"
        case .p384: return "P-384"
        }
    }

    /// Bytes in one coordinate (and in one of r, s): 32 or 48.
    public var coordinateByteCount: Int {
        switch self {
        case .p256: return 32
        case .p384: return 48
        }
    }

    /// Bits in the field prime and in the group order: 256 or 384.
    public var bitCount: Int { coordinateByteCount * 8 }

    /// The namedCurve OID (RFC 5480 §2.1.1.1): prime256v1 or secp384r1.
    public var objectIdentifier: String {
        switch self {
        case .p256: return "1.2.840.10045.3.1.7"
        case .p384: return "1.3.132.0.34"
        }
    }

    public var description: String { name }
}
