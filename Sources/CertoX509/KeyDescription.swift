// Human-readable key descriptions ("RSA 2048-bit", "ECDSA P-256") from CertoX509's parsed
// SubjectPublicKeyInfo, without building a CertoSignature key (used by VerifiedChain and --explain).

public enum KeyDescription {
    public static func describe(_ info: PublicKeyInfo) -> String {
        switch info.algorithm {
        case .rsa(let bits): return "RSA \(bits)-bit"
        case .rsaPSS(let bits, _): return "RSA-PSS \(bits)-bit"
        case .ec(let curve):
            switch curve {
            case .p256: return "ECDSA P-256"
            case .p384: return "ECDSA P-384"
            case .other: return "EC \(curve)"
            }
        case .unknown: return "\(info.algorithm)"
        }
    }

    public static func rsaBits(_ info: PublicKeyInfo) -> Int? {
        switch info.algorithm {
        case .rsa(let bits), .rsaPSS(let bits, _): return bits
        default: return nil
        }
    }
}
