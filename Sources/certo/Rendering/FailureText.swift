// How the CLI words a verification failure: OpenSSL's error number and text for the nearest
// equivalent (the `error N at D depth lookup: ...` line scripts written for `openssl verify` read), and
// the reason with the flag that would accept it where there is one.

import Certo

extension VerificationFailureReason {
    /// OpenSSL's X509_V_ERR number and text for the nearest equivalent, for `error N at D depth lookup: ...`.
    var openSSLCode: (code: Int, text: String) {
        switch self {
        case .issuerNotFound: return (20, "unable to get local issuer certificate")
        case .untrustedRoot: return (19, "self-signed certificate in certificate chain")
        case .depthExceeded: return (22, "certificate chain too long")
        case .searchBudgetExhausted: return (22, message)
        case .badSignature: return (7, "certificate signature failure")
        case .noValidPolicy: return (43, "no explicit policy")
        case .policyMappingOfAnyPolicy: return (42, "invalid or inconsistent certificate policy extension")
        case .revoked: return (23, "certificate revoked")
        case .revocationStatusUnknown(let problem):
            switch problem {
            case .unusableCRL(.expired): return (12, "CRL has expired")
            case .unusableCRL(.notYetValid): return (11, "CRL is not yet valid")
            case .unusableCRL(.badSignature): return (8, "CRL signature failure")
            case .unusableCRL(.unhandledCriticalExtension): return (36, "unhandled critical CRL extension")
            case .unusableCRL(.issuerLacksCRLSign): return (35, "key usage does not include CRL signing")
            case .noCRL, .noSource, .unusableCRL: return (3, "unable to get certificate CRL")
            // OpenSSL's verify has no words for OCSP or fetching: Certo's own, under the same number.
            case .unusableOCSPResponse, .fetchFailed, .nothingToFetch, .noSourceAnswered: return (3, message)
            }
        case .sha1Refused, .weakRSAKey: return (68, "CA signature digest algorithm too weak")
        case .unsupportedSignatureAlgorithm, .unsupportedPublicKey: return (6, "unable to decode issuer public key")
        case .expired: return (10, "certificate has expired")
        case .notYetValid: return (9, "certificate is not yet valid")
        case .issuerNameMismatch: return (29, "subject issuer mismatch")
        case .v1Intermediate, .notACA: return (79, "invalid CA certificate")
        case .pathLengthExceeded: return (25, "path length constraint exceeded")
        case .keyCertSignMissing: return (32, "key usage does not include certificate signing")
        case .nameConstraintViolation: return (47, "permitted subtree violation")
        case .unhandledCriticalExtension: return (34, "unhandled critical extension")
        case .extendedKeyUsageMismatch, .keyUsageMismatch: return (26, "unsuitable certificate purpose")
        case .hostnameMismatch, .invalidHost: return (62, "hostname mismatch")
        case .malformedCertificate: return (4, "unable to decode certificate")
        case .extensionMustBeCritical, .extensionMustNotBeCritical, .extensionMissing, .extensionNotAllowed,
             .invalidAuthorityKeyIdentifier, .caCertificateAsLeaf, .inconsistentKeyUsage, .emptySubject,
             .invalidSerialNumber, .malformedName:
            return (89, "CA/leaf certificate profile violation")
        case .forbiddenKey: return (66, "EE certificate key too weak")
        case .invalidPublicKey: return (6, message)
        case .commonNameNotInSubjectAltName: return (62, "hostname mismatch")
        }
    }


    /// The reason as the CLI prints it: the library's description, and the flag that lifts it.
    var message: String {
        switch self {
        case .sha1Refused: return description + " (allow with --allow-sha1)"
        default: return description
        }
    }
}
