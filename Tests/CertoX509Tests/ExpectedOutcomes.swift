// The corpus files that do not simply parse and agree with the oracle, each with the reason. A file
// listed here that starts to parse (or whose oracle starts to agree) fails the test, so the table
// cannot go stale silently.
import CertoX509

/// The error kind a failing file must produce, optionally with a fragment of the field path.
struct ExpectedError: CustomStringConvertible {
    let kind: Kind
    let field: String?

    enum Kind: Equatable {
        case malformedDER, missingElement, unexpectedElement, trailingElements
        case invalidEncoding(CertificateError.EncodingProblem)
        case valueOutOfRange, notAllowedInVersion, invalidAlgorithmParameters, signatureAlgorithmMismatch
        case duplicateExtension, invalidPEM, noCertificates, unsupportedOCSPResponseType, multipleCertificates
    }

    init(_ kind: Kind, _ field: String? = nil) {
        self.kind = kind
        self.field = field
    }

    var description: String { "\(kind)" + (field.map { " at \($0)" } ?? "") }

    func matches(_ error: CertificateError) -> Bool {
        let (actual, path) = Self.classify(error)
        guard actual == kind else { return false }
        guard let field else { return true }
        return path?.contains(field) ?? false
    }

    static func classify(_ error: CertificateError) -> (Kind, String?) {
        switch error {
        case .inPEMBlock(_, _, let inner): return classify(inner)
        case .malformedDER: return (.malformedDER, nil)
        case .missingElement(let f): return (.missingElement, f)
        case .unexpectedElement(let f, _, _): return (.unexpectedElement, f)
        case .trailingElements(let f, _): return (.trailingElements, f)
        case .invalidEncoding(let f, _, let p): return (.invalidEncoding(p), f)
        case .valueOutOfRange(let f, _): return (.valueOutOfRange, f)
        case .notAllowedInVersion(let f, _): return (.notAllowedInVersion, f)
        case .invalidAlgorithmParameters(let f, _, _): return (.invalidAlgorithmParameters, f)
        case .signatureAlgorithmMismatch: return (.signatureAlgorithmMismatch, nil)
        case .duplicateExtension: return (.duplicateExtension, nil)
        case .invalidPEM: return (.invalidPEM, nil)
        case .noCertificates: return (.noCertificates, nil)
        case .inputTooLarge: return (.malformedDER, nil)
        case .unsupportedOCSPResponseType: return (.unsupportedOCSPResponseType, nil)
        case .multipleCertificates: return (.multipleCertificates, nil)
        }
    }
}

enum ExpectedOutcome {
    /// This parser refuses the file, with this error; `why` says why that is right.
    case fails(ExpectedError, why: String)
    /// This parser accepts the file but the oracle refuses the whole certificate.
    case oracleRefuses(why: String)
    /// Both parse the certificate, but the oracle refuses to decode its extensions (the other fields are compared).
    case oracleRefusesExtensions(why: String)
}

enum ExpectedOutcomes {
    static let table: [String: ExpectedOutcome] = [
        // cryptography-vectors x509/
        "badasn1time.pem": .fails(ExpectedError(.invalidEncoding(.time), "validity.notAfter"),
            why: "UTCTime without seconds; RFC 5280 §4.1.2.5.1 requires YYMMDDHHMMSSZ"),
        "utf8-dnsname.pem": .fails(ExpectedError(.invalidEncoding(.string), "subjectAltName"),
            why: "dNSName is an IA5String (RFC 5280 §4.2.1.6); this one holds UTF-8 bytes"),
        "v1_cert.pem": .fails(ExpectedError(.signatureAlgorithmMismatch),
            why: "tbsCertificate.signature is md5WithRSAEncryption, the outer algorithm is bare md5 (RFC 5280 §4.1.1.2)"),
        "ed25519-rfc8410.pem": .oracleRefuses(
            why: "an extension encodes critical FALSE explicitly; DER forbids encoding a DEFAULT, but deployed certificates do it and Go/OpenSSL accept it"),
        "san_edipartyname.der": .oracleRefusesExtensions(why: "cryptography does not support ediPartyName; this parser keeps it as DER"),
        "san_x400address.der": .oracleRefusesExtensions(why: "cryptography does not support x400Address; this parser keeps it as DER"),
        "badssl-sct-anonymous-sig.der": .oracleRefusesExtensions(why: "cryptography decodes SCTs and rejects the algorithm inside; SCT lists are kept raw here"),
        "badssl-sct-none-hash.der": .oracleRefusesExtensions(why: "cryptography decodes SCTs and rejects the hash inside; SCT lists are kept raw here"),
        "wosign-bc-invalid.pem": .oracleRefusesExtensions(
            why: "pathLenConstraint with cA FALSE breaks a CA rule (RFC 5280 §4.2.1.9) but decodes unambiguously; the validator ignores pathLen of a non-CA"),

        // x509/custom/
        "ec_no_named_curve.pem": .fails(ExpectedError(.invalidAlgorithmParameters, "subjectPublicKeyInfo.algorithm.parameters"),
            why: "specifiedCurve parameters; RFC 5480 §2.1.1 allows only namedCurve"),
        "ecdsa_null_alg.pem": .fails(ExpectedError(.invalidAlgorithmParameters, "signatureAlgorithm.parameters"),
            why: "ECDSA with NULL parameters; RFC 5758 §3.2 says the parameters MUST be absent"),
        "empty-eku.pem": .fails(ExpectedError(.invalidEncoding(.emptySequence), "extKeyUsage"),
            why: "ExtKeyUsageSyntax is SIZE (1..MAX) (RFC 5280 §4.2.1.12)"),
        "inhibit_any_policy_negative.pem": .fails(ExpectedError(.valueOutOfRange, "inhibitAnyPolicy"),
            why: "SkipCerts is INTEGER (0..MAX) (RFC 5280 §4.2.1.14)"),
        "invalid_utf8_common_name.pem": .fails(ExpectedError(.invalidEncoding(.string), "tbsCertificate.issuer"),
            why: "UTF8String holding invalid UTF-8"),
        "invalid_version.pem": .fails(ExpectedError(.valueOutOfRange, "tbsCertificate.version"),
            why: "version 7 does not exist (RFC 5280 §4.1.2.1)"),
        "malformed-ian.pem": .fails(ExpectedError(.unexpectedElement, "issuerAltName"),
            why: "otherName value without its [0] EXPLICIT tag"),
        "malformed-san.pem": .fails(ExpectedError(.unexpectedElement, "subjectAltName"),
            why: "otherName value without its [0] EXPLICIT tag"),
        "mismatch_inner_outer_sig_algorithm.der": .fails(ExpectedError(.signatureAlgorithmMismatch),
            why: "the two signature algorithm fields differ (RFC 5280 §4.1.1.2)"),
        "nc_ip_invalid_length.pem": .fails(ExpectedError(.invalidEncoding(.ipAddressLength), "nameConstraints"),
            why: "a name-constraint iPAddress is 8 or 32 octets (address and mask, RFC 5280 §4.2.1.10); this one has 33"),
        "rsa_pss_cert_invalid_mgf.der": .fails(ExpectedError(.signatureAlgorithmMismatch),
            why: "only the outer PSS parameters were altered, so the two algorithm fields differ"),
        "rsa_pss_cert_unsupported_mgf_hash.der": .fails(ExpectedError(.signatureAlgorithmMismatch),
            why: "only the outer PSS parameters were altered, so the two algorithm fields differ"),
        "rsa_pss_cert_no_sig_params.der": .fails(ExpectedError(.missingElement, "signatureAlgorithm.parameters"),
            why: "a PSS signature AlgorithmIdentifier must carry RSASSA-PSS-params (RFC 4055 §3.1)"),
        "two_basic_constraints.pem": .fails(ExpectedError(.duplicateExtension),
            why: "an extension may appear once (RFC 5280 §4.2)"),
        "cp_invalid.pem": .oracleRefusesExtensions(why: "policy qualifiers are kept raw here; cryptography rejects a qualifier whose OID and shape disagree"),
        "cp_invalid2.der": .oracleRefusesExtensions(why: "policy qualifiers are kept raw here; cryptography rejects a qualifier whose OID and shape disagree"),
        "invalid-sct-length.der": .oracleRefusesExtensions(why: "cryptography decodes SCTs; SCT lists are kept raw here"),
        "invalid-sct-version.der": .oracleRefusesExtensions(why: "cryptography decodes SCTs; SCT lists are kept raw here"),
        "nc_invalid_ip4_netmask.der": .oracleRefusesExtensions(
            why: "a non-contiguous netmask is well-formed DER; kept as address+mask bytes for the validator"),
        "nc_invalid_ip_netmask.pem": .oracleRefusesExtensions(
            why: "a non-contiguous netmask is well-formed DER; kept as address+mask bytes for the validator"),

        // x509/PKITS_data/certs/
        "BadSignedCACert.crt": .fails(ExpectedError(.invalidEncoding(.bitString), "signatureValue"),
            why: "PKITS corrupts the signature by setting the BIT STRING's unused-bits octet; a signature that is not whole octets is refused (it could never verify, and accepting it would make certificates malleable)"),
        "InvalidDSASignatureTest6EE.crt": .fails(ExpectedError(.invalidEncoding(.bitString), "signatureValue"),
            why: "as BadSignedCACert.crt: the signature BIT STRING's unused-bits octet was altered"),
        "DSAParametersInheritedCACert.crt": .oracleRefuses(
            why: "a DSA key whose parameters are inherited from the issuer (absent, RFC 3279 §2.3.2); kept here as an unknown-algorithm key"),
        "ValidDSAParameterInheritanceTest5EE.crt": .oracleRefuses(
            why: "a DSA key whose parameters are inherited from the issuer (absent, RFC 3279 §2.3.2); kept here as an unknown-algorithm key"),
    ]
}
