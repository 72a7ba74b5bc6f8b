// Whether and how strictly a verification checks revocation (RFC 5280 §6.1.3 (a)(3), §6.3), and for
// which certificates of the path.

/// Whether and how strictly revocation is checked, and for which certificates.
public struct RevocationPolicy: Sendable, Hashable {
    /// How a certificate without an answer is treated.
    public enum Mode: String, Sendable, Hashable {
        /// No revocation check (the default until a source of answers is given).
        case off
        /// A revoked certificate refuses the chain; a certificate no source answers for is reported
        /// and accepted.
        case softFail
        /// Every checked certificate needs a usable answer that it is not revoked (OpenSSL's -crl_check).
        case hardFail
    }

    /// Which certificates of the path are checked.
    public enum Scope: String, Sendable, Hashable {
        /// The leaf only (OpenSSL's -crl_check).
        case leaf
        /// Every certificate below the trust anchor (OpenSSL's -crl_check_all).
        case all
    }

    /// Off, soft-fail or hard-fail.
    public var mode: Mode
    /// The leaf only, or every certificate below the anchor.
    public var scope: Scope

    /// A revocation policy (off by default).
    public init(mode: Mode = .off, scope: Scope = .all) {
        self.mode = mode
        self.scope = scope
    }

    /// Whether the certificate at `depth` (0 = leaf) is checked.
    func checks(depth: Int) -> Bool { mode != .off && (scope == .all || depth == 0) }
}
