// The caller's side of certificate-policy processing: RFC 5280 §6.1.1's user-initial-policy-set,
// initial-explicit-policy, initial-policy-mapping-inhibit and initial-any-policy-inhibit (OpenSSL's
// -policy, -explicit_policy, -inhibit_map, -inhibit_any), and what the processing returns.
import CertoDER

/// RFC 5280 §6.1.1's policy inputs: user-initial-policy-set and the three initial indicators.
public struct CertificatePolicyInputs: Sendable, Hashable {
    /// user-initial-policy-set as dotted OIDs; nil (the default) is any-policy, and so is a set that
    /// names anyPolicy (2.5.29.32.0). Text that is no OID can match no certificate policy.
    public var userInitialPolicySet: Set<String>?
    /// initial-explicit-policy: the path must be valid for at least one policy of the set.
    public var requireExplicitPolicy: Bool
    /// initial-policy-mapping-inhibit: no policy mapping anywhere in the path.
    public var inhibitPolicyMapping: Bool
    /// initial-any-policy-inhibit: anyPolicy in a certificate stands for no policy.
    public var inhibitAnyPolicy: Bool

    /// Policy inputs; the defaults accept any policy and set no indicator.
    public init(userInitialPolicySet: Set<String>? = nil, requireExplicitPolicy: Bool = false,
                inhibitPolicyMapping: Bool = false, inhibitAnyPolicy: Bool = false) {
        self.userInitialPolicySet = userInitialPolicySet
        self.requireExplicitPolicy = requireExplicitPolicy
        self.inhibitPolicyMapping = inhibitPolicyMapping
        self.inhibitAnyPolicy = inhibitAnyPolicy
    }

    /// The set as OID content octets; nil for any-policy.
    var userInitialPolicyOIDs: Set<ArraySlice<UInt8>>? {
        guard let set = userInitialPolicySet, !set.contains(PolicyInformation.anyPolicy) else { return nil }
        return Set(set.compactMap { ObjectIdentifierEncoding.encode($0).map { $0[...] } })
    }
}

/// The certificate policies valid for a whole path once intersected with the caller's set: the
/// user-constrained policy set of RFC 5280 §6.1.6.
public enum CertificatePolicySet: Sendable, Hashable, CustomStringConvertible {
    /// Any policy: the path asserts anyPolicy down to the leaf and the caller accepted any policy.
    case anyPolicy
    /// These policies, dotted, in the order the leaf lists them; empty when no policy holds for
    /// the whole path (which fails only when an explicit policy is required).
    case policies([String])

    /// The inputs in words.
    public var description: String {
        switch self {
        case .anyPolicy: return "anyPolicy"
        case .policies(let list): return list.isEmpty ? "none" : list.joined(separator: ", ")
        }
    }
}
