// The words `--explain` and `--json` use for each check the Validator reports (Certo's typed `Check`).
// The RFC 5280 §6.1 steps are named by their check's own rule, so a section is written in one place.

import Certo

enum CheckText {
    static func line(_ check: Check) -> String {
        let step = check.rule.section
        switch check {
        case .anchorValidity(let notBefore, let notAfter):
            return "trust anchor: valid \(Instant.utcString(notBefore)) to \(Instant.utcString(notAfter))"
        case .anchorSelfSigned(let selfSigned):
            return selfSigned ? "trust anchor is self-signed" : "trust anchor is not self-signed (partial chain)"
        case .anchorProfile: return "trust anchor certificate profile (\(check.rule)) met"
        case .anchorPathLength(let pathLen): return "anchor pathLenConstraint \(pathLen)"
        case .anchorNameConstraints: return "anchor nameConstraints apply below it"
        case .signature(let signer): return "\(step) signature by \(signer.openSSLDescription): verified"
        case .validity(let notBefore, let notAfter, let time):
            return "\(step) validity \(Instant.utcString(notBefore)) to \(Instant.utcString(notAfter)) contains \(time)"
        case .issuerName: return "\(step) issuer name matches the issuer's subject"
        case .withinNameConstraints: return "\(step) names within the name constraints"
        case .certificateProfile(let profile):
            return "\(profile == .webPKI ? "web (RFC 5280 + CA/B Forum BR)" : "RFC 5280") certificate profile met"
        case .certificatePolicies(let policies):
            return "\(step) certificatePolicies \(policies.map { $0 == PolicyInformation.anyPolicy ? "anyPolicy" : $0 }.joined(separator: ", "))"
        case .policyMappings(let count): return "\(step) policyMappings: \(count) mapping\(count == 1 ? "" : "s")"
        case .policyConstraints(let explicit, let inhibit):
            let parts = [explicit.map { "requireExplicitPolicy \($0)" }, inhibit.map { "inhibitPolicyMapping \($0)" }].compactMap { $0 }
            return "\(step) policyConstraints: \(parts.joined(separator: ", "))"
        case .inhibitAnyPolicy(let skip): return "\(step) inhibitAnyPolicy \(skip)"
        case .notRevoked(let source): return "\(step) not revoked (\(source))"
        case .revocationUnknown(let problem): return "\(step) revocation unknown, accepted (soft-fail): \(problem)"
        case .isCertificateAuthority: return "\(step) basicConstraints cA=TRUE"
        case .selfIssuedNotCounted: return "\(step) self-issued: not counted against pathLenConstraint"
        case .pathLength(let constraint, let remaining):
            return "\(step) pathLenConstraint \(constraint): at most \(remaining) more CA certificates below"
        case .keyCertSign: return "\(step) keyUsage includes keyCertSign"
        case .nameConstraintsAdded: return "\(step) nameConstraints added"
        case .noUnhandledCriticalExtension: return "\(step) no unhandled critical extension"
        case .extendedKeyUsage(let purpose): return "extendedKeyUsage allows \(purpose.keyPurposeName)"
        case .keyUsage(let purpose): return "keyUsage allows \(purpose.keyPurposeName)"
        case .validPublicKey(let key): return "public key \(KeyDescription.describe(key)) is a valid key"
        case .subjectAltName(let host): return "subjectAltName matches \(host)"
        }
    }
}
