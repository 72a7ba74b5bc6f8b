// The extensions RFC 5280 §4.2 defines and this module decodes, by name, so that callers ask for one
// ("is the AKI critical?") by comparing OID bytes instead of building dotted strings per certificate.

public enum KnownExtension: Sendable, Hashable, CaseIterable {
    case subjectKeyIdentifier, keyUsage, subjectAltName, issuerAltName, basicConstraints, nameConstraints
    case crlDistributionPoints, certificatePolicies, policyMappings, authorityKeyIdentifier, policyConstraints
    case extendedKeyUsage, freshestCRL, inhibitAnyPolicy, authorityInfoAccess, subjectInfoAccess

    var oidBytes: [UInt8] {
        switch self {
        case .subjectKeyIdentifier: return OID.subjectKeyIdentifier
        case .keyUsage: return OID.keyUsage
        case .subjectAltName: return OID.subjectAltName
        case .issuerAltName: return OID.issuerAltName
        case .basicConstraints: return OID.basicConstraints
        case .nameConstraints: return OID.nameConstraints
        case .crlDistributionPoints: return OID.crlDistributionPoints
        case .certificatePolicies: return OID.certificatePolicies
        case .policyMappings: return OID.policyMappings
        case .authorityKeyIdentifier: return OID.authorityKeyIdentifier
        case .policyConstraints: return OID.policyConstraints
        case .extendedKeyUsage: return OID.extendedKeyUsage
        case .freshestCRL: return OID.freshestCRL
        case .inhibitAnyPolicy: return OID.inhibitAnyPolicy
        case .authorityInfoAccess: return OID.authorityInfoAccess
        case .subjectInfoAccess: return OID.subjectInfoAccess
        }
    }

    /// Dotted OID.
    public var oid: String { OID.dotted(oidBytes[...]) }
}

extension Extension {
    /// Whether this is the extension `known` (by OID bytes).
    public func matches(_ known: KnownExtension) -> Bool { oidBytes.equals(known.oidBytes) }
}

extension Extensions {
    /// The extension of this kind, if the certificate has it.
    public subscript(_ known: KnownExtension) -> Extension? { find(known.oidBytes) }
}
