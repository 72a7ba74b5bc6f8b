// Extensions.swift promises that an extension accepted at parse can always be read through its typed
// accessor. This checks the promise for every known extension in a list, and renders each summary.
import CertoX509

public enum TypedExtensionCheck {
    /// Traps when a known extension in `extensions` has a typed accessor that answers nil.
    public static func check(_ extensions: Extensions) {
        for ext in extensions.all {
            _ = ext.summary
            guard let known = KnownExtension.allCases.first(where: { ext.matches($0) }) else { continue }
            invariant(isReadable(known, extensions), "\(known) accepted at parse but its accessor answers nil")
        }
        _ = extensions.unhandledCriticalExtensions.count
        _ = extensions.ocspURIs.count + extensions.caIssuersURIs.count
    }

    private static func isReadable(_ known: KnownExtension, _ e: Extensions) -> Bool {
        switch known {
        case .subjectKeyIdentifier: return e.subjectKeyIdentifier != nil
        case .keyUsage: return e.keyUsage != nil
        case .subjectAltName: return e.subjectAlternativeNames != nil
        case .issuerAltName: return e.issuerAlternativeNames != nil
        case .basicConstraints: return e.basicConstraints != nil
        case .nameConstraints: return e.nameConstraints != nil
        case .crlDistributionPoints: return e.crlDistributionPoints != nil
        case .certificatePolicies: return e.certificatePolicies != nil
        case .policyMappings: return e.policyMappings != nil
        case .authorityKeyIdentifier: return e.authorityKeyIdentifier != nil
        case .policyConstraints: return e.policyConstraints != nil
        case .extendedKeyUsage: return e.extendedKeyUsage != nil
        case .freshestCRL: return e.freshestCRL != nil
        case .inhibitAnyPolicy: return e.inhibitAnyPolicy != nil
        case .authorityInfoAccess: return e.authorityInformationAccess != nil
        case .subjectInfoAccess: return e.subjectInformationAccess != nil
        }
    }
}
