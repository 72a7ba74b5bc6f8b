// One-line, human-readable renderings of extensions in the spirit of `openssl x509 -text`, for
// `certo show` and diagnostics. Display only: nothing here decides anything.
import CertoDER

extension Extension {
    /// Short name of the extension ("basicConstraints"), or its dotted OID when unknown.
    public var name: String { Extension.name(forOID: oid) }

    /// Short name of the extension with this dotted OID, or the OID itself when unknown.
    public static func name(forOID oid: String) -> String {
        switch oid {
        case "2.5.29.14": return "subjectKeyIdentifier"
        case "2.5.29.15": return "keyUsage"
        case "2.5.29.17": return "subjectAltName"
        case "2.5.29.18": return "issuerAltName"
        case "2.5.29.19": return "basicConstraints"
        case "2.5.29.30": return "nameConstraints"
        case "2.5.29.31": return "cRLDistributionPoints"
        case "2.5.29.32": return "certificatePolicies"
        case "2.5.29.33": return "policyMappings"
        case "2.5.29.35": return "authorityKeyIdentifier"
        case "2.5.29.36": return "policyConstraints"
        case "2.5.29.37": return "extKeyUsage"
        case "2.5.29.46": return "freshestCRL"
        case "2.5.29.54": return "inhibitAnyPolicy"
        case "2.5.29.9": return "subjectDirectoryAttributes"
        case "1.3.6.1.5.5.7.1.1": return "authorityInfoAccess"
        case "1.3.6.1.5.5.7.1.11": return "subjectInfoAccess"
        case "1.3.6.1.5.5.7.1.3": return "qcStatements"
        case "1.3.6.1.5.5.7.1.24": return "tlsFeature"
        case "1.3.6.1.4.1.11129.2.4.2": return "ctSignedCertificateTimestamps"
        case "1.3.6.1.4.1.11129.2.4.3": return "ctPrecertificatePoison"
        case "2.16.840.1.113730.1.1": return "netscapeCertType"
        case "2.16.840.1.113730.1.13": return "netscapeComment"
        case "1.3.6.1.4.1.311.20.2": return "msCertificateTemplateName"
        case "1.3.6.1.4.1.311.21.1": return "msCAVersion"
        case "1.3.6.1.4.1.311.21.7": return "msCertificateTemplate"
        default: return oid
        }
    }

    /// The decoded value in one line; unknown extensions show their size and leading bytes in hex.
    public var summary: String {
        let one = Extensions([self])
        switch oid {
        case "2.5.29.19":
            guard let value = one.basicConstraints else { break }
            return "CA:" + (value.isCA ? "TRUE" : "FALSE") + (value.pathLenConstraint.map { ", pathlen:\($0)" } ?? "")
        case "2.5.29.15":
            guard let value = one.keyUsage else { break }
            return value.rawValue == 0 ? "(none)" : value.description
        case "2.5.29.37":
            guard let value = one.extendedKeyUsage else { break }
            return value.map(ExtendedKeyUsage.name).joined(separator: ", ")
        case "2.5.29.17":
            guard let value = one.subjectAlternativeNames else { break }
            return value.map(\.description).joined(separator: ", ")
        case "2.5.29.18":
            guard let value = one.issuerAlternativeNames else { break }
            return value.map(\.description).joined(separator: ", ")
        case "2.5.29.14":
            guard let value = one.subjectKeyIdentifier else { break }
            return colonHex(value)
        case "2.5.29.35":
            guard let value = one.authorityKeyIdentifier else { break }
            var parts: [String] = []
            if let id = value.keyIdentifier { parts.append("keyid:" + colonHex(id)) }
            if let issuer = value.authorityCertIssuer { parts.append("issuer:" + issuer.map(\.description).joined(separator: ", ")) }
            if let serial = value.authorityCertSerialNumber { parts.append("serial:" + colonHex(serial)) }
            return parts.joined(separator: ", ")
        case "2.5.29.30":
            guard let value = one.nameConstraints else { break }
            var parts: [String] = []
            if !value.permittedSubtrees.isEmpty { parts.append("permitted: " + value.permittedSubtrees.map { $0.base.description }.joined(separator: ", ")) }
            if !value.excludedSubtrees.isEmpty { parts.append("excluded: " + value.excludedSubtrees.map { $0.base.description }.joined(separator: ", ")) }
            return parts.joined(separator: "; ")
        case "2.5.29.32":
            guard let value = one.certificatePolicies else { break }
            return value.map { $0.policyIdentifier == PolicyInformation.anyPolicy ? "anyPolicy" : $0.policyIdentifier }.joined(separator: ", ")
        case "2.5.29.33":
            guard let value = one.policyMappings else { break }
            return value.map { "\($0.issuerDomainPolicy) -> \($0.subjectDomainPolicy)" }.joined(separator: ", ")
        case "2.5.29.36":
            guard let value = one.policyConstraints else { break }
            var parts: [String] = []
            if let n = value.requireExplicitPolicy { parts.append("requireExplicitPolicy:\(n)") }
            if let n = value.inhibitPolicyMapping { parts.append("inhibitPolicyMapping:\(n)") }
            return parts.joined(separator: ", ")
        case "2.5.29.54":
            guard let value = one.inhibitAnyPolicy else { break }
            return String(value)
        case "1.3.6.1.5.5.7.1.1", "1.3.6.1.5.5.7.1.11":
            guard let value = oid == "1.3.6.1.5.5.7.1.1" ? one.authorityInformationAccess : one.subjectInformationAccess else { break }
            return value.map { access in
                let method: String
                switch access.method {
                case AccessDescription.ocsp: method = "OCSP"
                case AccessDescription.caIssuers: method = "CA Issuers"
                case "1.3.6.1.5.5.7.48.5": method = "CA Repository"
                default: method = access.method
                }
                return method + " - " + access.location.description
            }.joined(separator: ", ")
        case "2.5.29.31", "2.5.29.46":
            guard let value = oid == "2.5.29.31" ? one.crlDistributionPoints : one.freshestCRL else { break }
            return value.map { point in
                var parts: [String] = []
                if let names = point.fullName { parts.append(names.map(\.description).joined(separator: ", ")) }
                if point.nameRelativeToCRLIssuer != nil { parts.append("(name relative to CRL issuer)") }
                if let issuer = point.cRLIssuer { parts.append("CRL issuer: " + issuer.map(\.description).joined(separator: ", ")) }
                return parts.joined(separator: " ")
            }.joined(separator: ", ")
        case "1.3.6.1.4.1.11129.2.4.2":
            guard let list = one.signedCertificateTimestampList else { break }
            return "\(Self.countSCTs(list).map { "\($0) SCTs" } ?? "SCT list"), \(list.count) bytes"
        case "1.3.6.1.4.1.11129.2.4.3":
            return "present"
        default:
            break
        }
        let preview = content.prefix(24)
        return "\(content.count) bytes: " + colonHex(Array(preview)) + (content.count > 24 ? "..." : "")
    }

    /// Number of entries in a TLS SignedCertificateTimestampList (RFC 6962 §3.3), nil if the framing is off.
    private static func countSCTs(_ list: [UInt8]) -> Int? {
        guard list.count >= 2 else { return nil }
        let total = Int(list[0]) << 8 | Int(list[1])
        guard total == list.count - 2 else { return nil }
        var position = 2
        var count = 0
        while position < list.count {
            guard position + 2 <= list.count else { return nil }
            let length = Int(list[position]) << 8 | Int(list[position + 1])
            position += 2 + length
            count += 1
        }
        return position == list.count ? count : nil
    }
}

/// "AB:CD:EF" upper-case hex, as OpenSSL prints key identifiers and fingerprints.
public func colonHex(_ bytes: [UInt8]) -> String {
    bytes.map { hexByte($0).uppercased() }.joined(separator: ":")
}
