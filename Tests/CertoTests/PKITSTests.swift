// NIST PKITS (cryptography-vectors x509/PKITS_data/certs), the end-entity tests of sections 4.1-4.3,
// 4.6, 4.7, 4.13 and 4.16 (4.8-4.12, the policy sections, are PKITSPolicyTests'): TrustAnchorRootCertificate is the only anchor and every other CA
// certificate of the suite is the (unordered, mostly irrelevant) pool, so path building is tested
// too. Each test names the reason an invalid path must fail with. Tests Certo cannot run yet (DSA,
// CRLs) are listed, printed and not counted as passes.
import Certo
import CertoTestSupport
import Foundation
import Testing

struct PKITSCase: CustomStringConvertible, Sendable {
    let section: String
    let file: String
    /// nil: the path is valid; otherwise the reason case name it must fail with.
    let failure: String?
    var description: String { "\(section) \(file)" }
}

private func valid(_ section: String, _ file: String) -> PKITSCase { PKITSCase(section: section, file: file, failure: nil) }
private func invalid(_ section: String, _ file: String, _ reason: String) -> PKITSCase { PKITSCase(section: section, file: file, failure: reason) }

enum PKITS {
    static let directory = "x509/PKITS_data/certs"
    static let anchorFile = "TrustAnchorRootCertificate.crt"
    /// Inside every certificate's validity except the ones the tests make (not) valid on purpose.
    static let time = Instant(seconds: 1_780_272_000)  // 2026-06-01T00:00:00Z

    static let cases: [PKITSCase] = [
        // 4.1 Signature Verification
        valid("4.1.1", "ValidCertificatePathTest1EE.crt"),
        // CertoX509 already refuses BadSignedCACert (its signature BIT STRING has non-zero padding
        // bits, not DER), so the issuer never enters the pool; `badSignedCAIsRefusedAtParse` checks that.
        invalid("4.1.2", "InvalidCASignatureTest2EE.crt", "issuerNotFound"),
        invalid("4.1.3", "InvalidEESignatureTest3EE.crt", "badSignature"),
        // 4.2 Validity Periods
        invalid("4.2.1", "InvalidCAnotBeforeDateTest1EE.crt", "notYetValid"),
        invalid("4.2.2", "InvalidEEnotBeforeDateTest2EE.crt", "notYetValid"),
        valid("4.2.3", "Validpre2000UTCnotBeforeDateTest3EE.crt"),
        valid("4.2.4", "ValidGeneralizedTimenotBeforeDateTest4EE.crt"),
        invalid("4.2.5", "InvalidCAnotAfterDateTest5EE.crt", "expired"),
        invalid("4.2.6", "InvalidEEnotAfterDateTest6EE.crt", "expired"),
        invalid("4.2.7", "Invalidpre2000UTCEEnotAfterDateTest7EE.crt", "expired"),
        valid("4.2.8", "ValidGeneralizedTimenotAfterDateTest8EE.crt"),
        // 4.3 Verifying Name Chaining
        invalid("4.3.1", "InvalidNameChainingTest1EE.crt", "issuerNotFound"),
        invalid("4.3.2", "InvalidNameChainingOrderTest2EE.crt", "issuerNotFound"),
        valid("4.3.3", "ValidNameChainingWhitespaceTest3EE.crt"),
        valid("4.3.4", "ValidNameChainingWhitespaceTest4EE.crt"),
        valid("4.3.5", "ValidNameChainingCapitalizationTest5EE.crt"),
        valid("4.3.6", "ValidNameUIDsTest6EE.crt"),
        valid("4.3.7", "ValidRFC3280MandatoryAttributeTypesTest7EE.crt"),
        valid("4.3.8", "ValidRFC3280OptionalAttributeTypesTest8EE.crt"),
        valid("4.3.9", "ValidUTF8StringEncodedNamesTest9EE.crt"),
        valid("4.3.10", "ValidRolloverfromPrintableStringtoUTF8StringTest10EE.crt"),
        valid("4.3.11", "ValidUTF8StringCaseInsensitiveMatchTest11EE.crt"),
        // 4.6 Verifying Basic Constraints
        invalid("4.6.1", "InvalidMissingbasicConstraintsTest1EE.crt", "notACA"),
        invalid("4.6.2", "InvalidcAFalseTest2EE.crt", "notACA"),
        invalid("4.6.3", "InvalidcAFalseTest3EE.crt", "notACA"),
        valid("4.6.4", "ValidbasicConstraintsNotCriticalTest4EE.crt"),
        invalid("4.6.5", "InvalidpathLenConstraintTest5EE.crt", "pathLengthExceeded"),
        invalid("4.6.6", "InvalidpathLenConstraintTest6EE.crt", "pathLengthExceeded"),
        valid("4.6.7", "ValidpathLenConstraintTest7EE.crt"),
        valid("4.6.8", "ValidpathLenConstraintTest8EE.crt"),
        invalid("4.6.9", "InvalidpathLenConstraintTest9EE.crt", "pathLengthExceeded"),
        invalid("4.6.10", "InvalidpathLenConstraintTest10EE.crt", "pathLengthExceeded"),
        invalid("4.6.11", "InvalidpathLenConstraintTest11EE.crt", "pathLengthExceeded"),
        invalid("4.6.12", "InvalidpathLenConstraintTest12EE.crt", "pathLengthExceeded"),
        valid("4.6.13", "ValidpathLenConstraintTest13EE.crt"),
        valid("4.6.14", "ValidpathLenConstraintTest14EE.crt"),
        valid("4.6.15", "ValidSelfIssuedpathLenConstraintTest15EE.crt"),
        invalid("4.6.16", "InvalidSelfIssuedpathLenConstraintTest16EE.crt", "pathLengthExceeded"),
        valid("4.6.17", "ValidSelfIssuedpathLenConstraintTest17EE.crt"),
        // 4.7 Key Usage
        invalid("4.7.1", "InvalidkeyUsageCriticalkeyCertSignFalseTest1EE.crt", "keyCertSignMissing"),
        invalid("4.7.2", "InvalidkeyUsageNotCriticalkeyCertSignFalseTest2EE.crt", "keyCertSignMissing"),
        valid("4.7.3", "ValidkeyUsageNotCriticalTest3EE.crt"),
        // 4.13 Name Constraints
        valid("4.13.1", "ValidDNnameConstraintsTest1EE.crt"),
        invalid("4.13.2", "InvalidDNnameConstraintsTest2EE.crt", "nameConstraintViolation"),
        invalid("4.13.3", "InvalidDNnameConstraintsTest3EE.crt", "nameConstraintViolation"),
        valid("4.13.4", "ValidDNnameConstraintsTest4EE.crt"),
        valid("4.13.5", "ValidDNnameConstraintsTest5EE.crt"),
        valid("4.13.6", "ValidDNnameConstraintsTest6EE.crt"),
        invalid("4.13.7", "InvalidDNnameConstraintsTest7EE.crt", "nameConstraintViolation"),
        invalid("4.13.8", "InvalidDNnameConstraintsTest8EE.crt", "nameConstraintViolation"),
        invalid("4.13.9", "InvalidDNnameConstraintsTest9EE.crt", "nameConstraintViolation"),
        invalid("4.13.10", "InvalidDNnameConstraintsTest10EE.crt", "nameConstraintViolation"),
        valid("4.13.11", "ValidDNnameConstraintsTest11EE.crt"),
        invalid("4.13.12", "InvalidDNnameConstraintsTest12EE.crt", "nameConstraintViolation"),
        invalid("4.13.13", "InvalidDNnameConstraintsTest13EE.crt", "nameConstraintViolation"),
        valid("4.13.14", "ValidDNnameConstraintsTest14EE.crt"),
        invalid("4.13.15", "InvalidDNnameConstraintsTest15EE.crt", "nameConstraintViolation"),
        invalid("4.13.16", "InvalidDNnameConstraintsTest16EE.crt", "nameConstraintViolation"),
        invalid("4.13.17", "InvalidDNnameConstraintsTest17EE.crt", "nameConstraintViolation"),
        valid("4.13.18", "ValidDNnameConstraintsTest18EE.crt"),
        valid("4.13.19", "ValidDNnameConstraintsTest19EE.crt"),
        invalid("4.13.20", "InvalidDNnameConstraintsTest20EE.crt", "nameConstraintViolation"),
        valid("4.13.21", "ValidRFC822nameConstraintsTest21EE.crt"),
        invalid("4.13.22", "InvalidRFC822nameConstraintsTest22EE.crt", "nameConstraintViolation"),
        valid("4.13.23", "ValidRFC822nameConstraintsTest23EE.crt"),
        invalid("4.13.24", "InvalidRFC822nameConstraintsTest24EE.crt", "nameConstraintViolation"),
        valid("4.13.25", "ValidRFC822nameConstraintsTest25EE.crt"),
        invalid("4.13.26", "InvalidRFC822nameConstraintsTest26EE.crt", "nameConstraintViolation"),
        valid("4.13.27", "ValidDNandRFC822nameConstraintsTest27EE.crt"),
        invalid("4.13.28", "InvalidDNandRFC822nameConstraintsTest28EE.crt", "nameConstraintViolation"),
        invalid("4.13.29", "InvalidDNandRFC822nameConstraintsTest29EE.crt", "nameConstraintViolation"),
        valid("4.13.30", "ValidDNSnameConstraintsTest30EE.crt"),
        invalid("4.13.31", "InvalidDNSnameConstraintsTest31EE.crt", "nameConstraintViolation"),
        valid("4.13.32", "ValidDNSnameConstraintsTest32EE.crt"),
        invalid("4.13.33", "InvalidDNSnameConstraintsTest33EE.crt", "nameConstraintViolation"),
        valid("4.13.34", "ValidURInameConstraintsTest34EE.crt"),
        invalid("4.13.35", "InvalidURInameConstraintsTest35EE.crt", "nameConstraintViolation"),
        valid("4.13.36", "ValidURInameConstraintsTest36EE.crt"),
        invalid("4.13.37", "InvalidURInameConstraintsTest37EE.crt", "nameConstraintViolation"),
        invalid("4.13.38", "InvalidDNSnameConstraintsTest38EE.crt", "nameConstraintViolation"),
        // 4.16 Private Certificate Extensions
        valid("4.16.1", "ValidUnknownNotCriticalCertificateExtensionTest1EE.crt"),
        invalid("4.16.2", "InvalidUnknownCriticalCertificateExtensionTest2EE.crt", "unhandledCriticalExtension"),
    ]

    /// In the named sections but not run yet, with the reason.
    static let notYetSupported: [(String, String, String)] = [
        ("4.1.4", "ValidDSASignaturesTest4EE.crt", "DSA signatures are not supported"),
        ("4.1.5", "ValidDSAParameterInheritanceTest5EE.crt", "DSA signatures are not supported"),
        ("4.1.6", "InvalidDSASignatureTest6EE.crt", "DSA signatures are not supported"),
    ]

    static func certificate(_ file: String) throws -> Certificate {
        try Certificate(derEncoded: [UInt8](try VectorFiles.data(.cryptography, "\(directory)/\(file)")))
    }

    /// Files of the pool that CertoX509 refuses to parse (they cannot be anyone's issuer).
    static let unparsable: Set<String> = ["BadSignedCACert.crt"]

    /// Every CA certificate of the suite except the anchor: end-entity files end in "EE.crt".
    static let pool: Result<[Certificate], any Error> = Result {
        try VectorFiles.list(.cryptography, directory)
            .filter { !$0.hasSuffix("EE.crt") && $0 != anchorFile && $0.hasSuffix(".crt") && !unparsable.contains($0) }
            .map(certificate)
    }

    /// Under the RFC 5280 profile: PKITS tests the §6 algorithm, and its certificates are no web PKI
    /// certificates (no subjectAltName, no extKeyUsage, non-critical basicConstraints in 4.6.4).
    static let verifier: Result<Verifier, any Error> = Result {
        Verifier(trustStore: TrustStore([try certificate(anchorFile)]),
                 policy: Policy(profile: .rfc5280, purpose: .any, validationTime: time), signatureCache: nil)
    }
}

@Suite struct PKITSTests {
    @Test(arguments: PKITS.cases)
    func endEntity(_ test: PKITSCase) throws {
        let leaf = try PKITS.certificate(test.file)
        let verifier = try PKITS.verifier.get()
        let pool = try PKITS.pool.get()
        var passed = false
        do {
            _ = try verifier.verify(leaf: leaf, intermediates: pool)
            #expect(test.failure == nil, "\(test): verified, expected \(test.failure ?? "")")
            passed = test.failure == nil
        } catch {
            #expect(test.failure == error.reason.name, "\(test): \(error)")
            passed = test.failure == error.reason.name
        }
        reportVectorCount("PKITS \(test.section) \(test.file)", ran: 1, passed: passed ? 1 : 0)
    }

    @Test func badSignedCAIsRefusedAtParse() throws {
        for file in PKITS.unparsable {
            #expect(throws: CertificateError.self) { try PKITS.certificate(file) }
        }
    }

    /// Per-section totals, and the tests not run yet, printed so they are never mistaken for passes.
    @Test func sectionSummary() throws {
        var sections: [String: Int] = [:]
        for test in PKITS.cases { sections[String(test.section.split(separator: ".").prefix(2).joined(separator: ".")), default: 0] += 1 }
        for (section, count) in sections.sorted(by: { $0.key.localizedStandardCompare($1.key) == .orderedAscending }) {
            print("PKITS section \(section): \(count) end-entity tests run")
        }
        for (section, file, why) in PKITS.notYetSupported {
            _ = try VectorFiles.url(.cryptography, "\(PKITS.directory)/\(file)")  // must exist even though not run
            print("PKITS \(section) \(file): NOT YET SUPPORTED (\(why)); not counted")
        }
        #expect(PKITS.cases.count == 82)
    }
}
