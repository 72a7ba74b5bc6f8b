// NIST PKITS section 4.4 (basic certificate revocation) and 4.7.4-4.7.5 (a CRL issuer without
// cRLSign), with every CRL of the suite (cryptography-vectors x509/PKITS_data/crls) given to the
// Verifier and revocation required for every certificate below the anchor (OpenSSL's -crl_check_all).
// Each invalid path names the reason it must fail with. Tests that need what is not built yet would be
// listed in notYetSupported, printed and not counted; none are.
import Certo
import CertoTestSupport
import Testing

enum PKITSRevocation {
    static let crlDirectory = "x509/PKITS_data/crls"

    static let cases: [PKITSCase] = [
        PKITSCase(section: "4.4.1", file: "InvalidMissingCRLTest1EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.4.2", file: "InvalidRevokedCATest2EE.crt", failure: "revoked"),
        PKITSCase(section: "4.4.3", file: "InvalidRevokedEETest3EE.crt", failure: "revoked"),
        PKITSCase(section: "4.4.4", file: "InvalidBadCRLSignatureTest4EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.4.5", file: "InvalidBadCRLIssuerNameTest5EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.4.6", file: "InvalidWrongCRLTest6EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.4.7", file: "ValidTwoCRLsTest7EE.crt", failure: nil),
        PKITSCase(section: "4.4.8", file: "InvalidUnknownCRLEntryExtensionTest8EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.4.9", file: "InvalidUnknownCRLExtensionTest9EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.4.10", file: "InvalidUnknownCRLExtensionTest10EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.4.11", file: "InvalidOldCRLnextUpdateTest11EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.4.12", file: "Invalidpre2000CRLnextUpdateTest12EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.4.13", file: "ValidGeneralizedTimeCRLnextUpdateTest13EE.crt", failure: nil),
        PKITSCase(section: "4.4.14", file: "ValidNegativeSerialNumberTest14EE.crt", failure: nil),
        PKITSCase(section: "4.4.15", file: "InvalidNegativeSerialNumberTest15EE.crt", failure: "revoked"),
        PKITSCase(section: "4.4.16", file: "ValidLongSerialNumberTest16EE.crt", failure: nil),
        PKITSCase(section: "4.4.17", file: "ValidLongSerialNumberTest17EE.crt", failure: nil),
        PKITSCase(section: "4.4.18", file: "InvalidLongSerialNumberTest18EE.crt", failure: "revoked"),
        // 4.4.19-4.4.21: the CRL is signed by a second key of its issuer, certified by the anchor (§6.3.3 (f)).
        PKITSCase(section: "4.4.19", file: "ValidSeparateCertificateandCRLKeysTest19EE.crt", failure: nil),
        PKITSCase(section: "4.4.20", file: "InvalidSeparateCertificateandCRLKeysTest20EE.crt", failure: "revoked"),
        // The CRL-signing certificate is itself revoked, so its CRL answers for nothing.
        PKITSCase(section: "4.4.21", file: "InvalidSeparateCertificateandCRLKeysTest21EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.7.4", file: "InvalidkeyUsageCriticalcRLSignFalseTest4EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.7.5", file: "InvalidkeyUsageNotCriticalcRLSignFalseTest5EE.crt", failure: "revocationStatusUnknown"),
    ]

    /// In the named sections but not run yet, with the reason.
    static let notYetSupported: [(String, String, String)] = []

    /// CRL files CertoX509 refuses to parse, with why (they answer for nothing, as an unreadable CRL would not).
    static let unparsable: [String: String] = [
        // 4.4.4's CRL: its altered signature BIT STRING has non-zero padding bits, which DER forbids, so
        // the CRL is refused before its signature could be checked; the test fails as it must either way.
        "BadCRLSignatureCACRL.crl": "signatureValue: non-zero padding bits",
    ]

    /// Every CRL of the suite that parses, and the files that do not.
    static let loaded: Result<(crls: [CertificateRevocationList], refused: [String: String]), any Error> = Result {
        var crls: [CertificateRevocationList] = []
        var refused: [String: String] = [:]
        for file in try VectorFiles.list(.cryptography, crlDirectory) where file.hasSuffix(".crl") {
            do {
                crls.append(try CertificateRevocationList(derEncoded: [UInt8](try VectorFiles.data(.cryptography, "\(crlDirectory)/\(file)"))))
            } catch {
                refused[file] = "\(error)"
            }
        }
        return (crls, refused)
    }

    static var crls: Result<[CertificateRevocationList], any Error> { loaded.map(\.crls) }
}

@Suite struct PKITSRevocationTests {
    @Test(arguments: PKITSRevocation.cases)
    func endEntity(_ test: PKITSCase) throws {
        let leaf = try PKITS.certificate(test.file)
        let pool = try PKITS.pool.get()
        let policy = Policy(profile: .rfc5280, purpose: .any, validationTime: PKITS.time,
                            revocation: RevocationPolicy(mode: .hardFail, scope: .all))
        var verifier = Verifier(trustStore: TrustStore([try PKITS.certificate(PKITS.anchorFile)]), policy: policy, signatureCache: nil)
        verifier.crls = try PKITSRevocation.crls.get()
        var passed = false
        do {
            let chain = try verifier.verify(leaf: leaf, intermediates: pool)
            #expect(test.failure == nil, "\(test): verified, expected \(test.failure ?? "")")
            let checked = chain.links.dropLast().allSatisfy { if case .good = $0.revocation { return true } else { return false } }
            #expect(checked, "\(test): every certificate below the anchor has a good CRL answer")
            passed = test.failure == nil && checked
        } catch {
            #expect(test.failure == error.reason.name, "\(test): \(error)")
            passed = test.failure == error.reason.name
        }
        reportVectorCount("PKITS revocation \(test.section) \(test.file)", ran: 1, passed: passed ? 1 : 0)
    }

    /// Every CRL of the suite parses but the ones listed; the tests not run yet are printed, never counted as passes.
    @Test func everyCRLParsesAndTheRestIsListed() throws {
        let (crls, refused) = try PKITSRevocation.loaded.get()
        #expect(crls.count >= 60, "only \(crls.count) PKITS CRLs")
        #expect(Set(refused.keys) == Set(PKITSRevocation.unparsable.keys), "refused: \(refused)")
        print("PKITS CRLs: \(crls.count) parsed, \(refused.count) refused: \(refused.keys.sorted())")
        for (section, file, why) in PKITSRevocation.notYetSupported {
            _ = try VectorFiles.url(.cryptography, "\(PKITS.directory)/\(file)")
            print("PKITS \(section) \(file): NOT YET SUPPORTED (\(why)); not counted")
        }
    }

    /// Soft-fail: the revoked leaf still fails; a path whose CA has no CRL verifies, marked unknown.
    @Test func softFailRefusesRevokedAndReportsUnknown() throws {
        let policy = Policy(profile: .rfc5280, purpose: .any, validationTime: PKITS.time,
                            revocation: RevocationPolicy(mode: .softFail, scope: .all))
        var verifier = Verifier(trustStore: TrustStore([try PKITS.certificate(PKITS.anchorFile)]), policy: policy, signatureCache: nil)
        verifier.crls = try PKITSRevocation.crls.get()
        let pool = try PKITS.pool.get()
        #expect(throws: VerificationError.self) { try verifier.verify(leaf: try PKITS.certificate("InvalidRevokedEETest3EE.crt"), intermediates: pool) }
        let chain = try verifier.verify(leaf: try PKITS.certificate("InvalidMissingCRLTest1EE.crt"), intermediates: pool)
        #expect(chain.links[0].revocation == .unknown(.noCRL))
    }
}
