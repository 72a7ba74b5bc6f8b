// The extensions RFC 5280 §4.2 defines and this module decodes, by name, so that callers ask for one
// ("is the AKI critical?") by comparing OID bytes instead of building dotted strings per certificate.
import CertoDER

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
    public var oid: String { ObjectIdentifierEncoding.dotted(oidBytes[...]) }

    /// The known extension with these extnID bytes, if any.
    init?(oidBytes oid: ArraySlice<UInt8>) {
        if oid.count == 3, oid.first == 0x55, oid[oid.startIndex + 1] == 0x1d {
            switch oid.last! {
            case 0x0e: self = .subjectKeyIdentifier
            case 0x0f: self = .keyUsage
            case 0x11: self = .subjectAltName
            case 0x12: self = .issuerAltName
            case 0x13: self = .basicConstraints
            case 0x1e: self = .nameConstraints
            case 0x1f: self = .crlDistributionPoints
            case 0x20: self = .certificatePolicies
            case 0x21: self = .policyMappings
            case 0x23: self = .authorityKeyIdentifier
            case 0x24: self = .policyConstraints
            case 0x25: self = .extendedKeyUsage
            case 0x2e: self = .freshestCRL
            case 0x36: self = .inhibitAnyPolicy
            default: return nil
            }
        } else if oid.equals(OID.authorityInfoAccess) {
            self = .authorityInfoAccess
        } else if oid.equals(OID.subjectInfoAccess) {
            self = .subjectInfoAccess
        } else {
            return nil
        }
    }

    /// 0..<16, for KnownExtensionPositions.
    var ordinal: Int {
        switch self {
        case .subjectKeyIdentifier: return 0
        case .keyUsage: return 1
        case .subjectAltName: return 2
        case .issuerAltName: return 3
        case .basicConstraints: return 4
        case .nameConstraints: return 5
        case .crlDistributionPoints: return 6
        case .certificatePolicies: return 7
        case .policyMappings: return 8
        case .authorityKeyIdentifier: return 9
        case .policyConstraints: return 10
        case .extendedKeyUsage: return 11
        case .freshestCRL: return 12
        case .inhibitAnyPolicy: return 13
        case .authorityInfoAccess: return 14
        case .subjectInfoAccess: return 15
        }
    }
}

/// Where each known extension sits in a certificate's list, in two words instead of an array: one
/// byte per kind, 0 for absent, else the position plus one (positions past 253 are looked up).
struct KnownExtensionPositions: Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    enum Position { case absent, at(Int), unrecorded }

    mutating func record(_ known: KnownExtension, at index: Int) {
        let code = UInt64(index < 254 ? index + 1 : 255)
        guard case .absent = position(of: known) else { return }  // a repeat: the first one counts
        let ordinal = known.ordinal
        if ordinal < 8 { low |= code << (8 * UInt64(ordinal)) } else { high |= code << (8 * UInt64(ordinal - 8)) }
    }

    func position(of known: KnownExtension) -> Position {
        let ordinal = known.ordinal
        let code = Int(((ordinal < 8 ? low : high) >> (8 * UInt64(ordinal & 7))) & 0xff)
        switch code {
        case 0: return .absent
        case 255: return .unrecorded
        default: return .at(code - 1)
        }
    }
}

extension Extension {
    /// Whether this is the extension `known` (by OID bytes).
    public func matches(_ known: KnownExtension) -> Bool { oidBytes.equals(known.oidBytes) }
}


