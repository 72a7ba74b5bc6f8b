// The words `--explain` and `--json` use for each check the Validator reports (Certo's typed `Check`).

import Certo

enum CheckText {
    static func line(_ check: Check) -> String {
        switch check {
        case .anchorValidity(let notBefore, let notAfter):
            return "trust anchor: valid \(Instant.utcString(notBefore)) to \(Instant.utcString(notAfter))"
        case .anchorSelfSigned(let selfSigned):
            return selfSigned ? "trust anchor is self-signed" : "trust anchor is not self-signed (partial chain)"
        case .anchorProfile: return "trust anchor certificate profile (CA/B Forum BR §7.1.2.1) met"
        case .anchorPathLength(let pathLen): return "anchor pathLenConstraint \(pathLen)"
        case .anchorNameConstraints: return "anchor nameConstraints apply below it"
        case .signature(let signer): return "§6.1.3(a)(1) signature by \(signer.openSSLDescription): verified"
        case .validity(let notBefore, let notAfter, let time):
            return "§6.1.3(a)(2) validity \(Instant.utcString(notBefore)) to \(Instant.utcString(notAfter)) contains \(time)"
        case .issuerName: return "§6.1.3(a)(4) issuer name matches the issuer's subject"
        case .withinNameConstraints: return "§6.1.3(b)(c) names within the name constraints"
        case .certificateProfile(let profile):
            return "\(profile == .webPKI ? "web (RFC 5280 + CA/B Forum BR)" : "RFC 5280") certificate profile met"
        case .isCertificateAuthority: return "§6.1.4(k) basicConstraints cA=TRUE"
        case .selfIssuedNotCounted: return "§6.1.4(l) self-issued: not counted against pathLenConstraint"
        case .pathLength(let constraint, let remaining):
            return "§6.1.4(m) pathLenConstraint \(constraint): at most \(remaining) more CA certificates below"
        case .keyCertSign: return "§6.1.4(n) keyUsage includes keyCertSign"
        case .nameConstraintsAdded: return "§6.1.4(g) nameConstraints added"
        case .noUnhandledCriticalExtension(let leaf): return "\(leaf ? "§6.1.5(f)" : "§6.1.4(o)") no unhandled critical extension"
        case .extendedKeyUsage(let purpose): return "extendedKeyUsage allows \(purpose.keyPurposeName)"
        case .keyUsage(let purpose): return "keyUsage allows \(purpose.keyPurposeName)"
        case .validPublicKey(let key): return "public key \(KeyDescription.describe(key)) is a valid key"
        case .subjectAltName(let host): return "subjectAltName matches \(host)"
        }
    }
}
