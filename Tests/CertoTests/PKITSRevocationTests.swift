// NIST PKITS sections 4.4 (basic certificate revocation), 4.5 (self-issued certificates and CA key
// rollover), 4.14 (distribution points), 4.15 (delta CRLs) and 4.7.4-4.7.5 (a CRL issuer without cRLSign), with every CRL of the suite (cryptography-vectors x509/PKITS_data/crls) given to the
// Verifier and revocation required for every certificate below the anchor (OpenSSL's -crl_check_all).
// Each invalid path names the reason it must fail with.
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
        // 4.5 Verifying Paths with Self-Issued Certificates (CA key rollover; CRLs signed by the old or new key).
        PKITSCase(section: "4.5.1", file: "ValidBasicSelfIssuedOldWithNewTest1EE.crt", failure: nil),
        PKITSCase(section: "4.5.2", file: "InvalidBasicSelfIssuedOldWithNewTest2EE.crt", failure: "revoked"),
        PKITSCase(section: "4.5.3", file: "ValidBasicSelfIssuedNewWithOldTest3EE.crt", failure: nil),
        PKITSCase(section: "4.5.4", file: "ValidBasicSelfIssuedNewWithOldTest4EE.crt", failure: nil),
        PKITSCase(section: "4.5.5", file: "InvalidBasicSelfIssuedNewWithOldTest5EE.crt", failure: "revoked"),
        PKITSCase(section: "4.5.6", file: "ValidBasicSelfIssuedCRLSigningKeyTest6EE.crt", failure: nil),
        PKITSCase(section: "4.5.7", file: "InvalidBasicSelfIssuedCRLSigningKeyTest7EE.crt", failure: "revoked"),
        PKITSCase(section: "4.5.8", file: "InvalidBasicSelfIssuedCRLSigningKeyTest8EE.crt", failure: "notACA"),
        // 4.14 Distribution Points.
        PKITSCase(section: "4.14.1", file: "ValiddistributionPointTest1EE.crt", failure: nil),
        PKITSCase(section: "4.14.2", file: "InvaliddistributionPointTest2EE.crt", failure: "revoked"),
        PKITSCase(section: "4.14.3", file: "InvaliddistributionPointTest3EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.14.4", file: "ValiddistributionPointTest4EE.crt", failure: nil),
        PKITSCase(section: "4.14.5", file: "ValiddistributionPointTest5EE.crt", failure: nil),
        PKITSCase(section: "4.14.6", file: "InvaliddistributionPointTest6EE.crt", failure: "revoked"),
        PKITSCase(section: "4.14.7", file: "ValiddistributionPointTest7EE.crt", failure: nil),
        PKITSCase(section: "4.14.8", file: "InvaliddistributionPointTest8EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.14.9", file: "InvaliddistributionPointTest9EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.14.10", file: "ValidNoissuingDistributionPointTest10EE.crt", failure: nil),
        PKITSCase(section: "4.14.11", file: "InvalidonlyContainsUserCertsTest11EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.14.12", file: "InvalidonlyContainsCACertsTest12EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.14.13", file: "ValidonlyContainsCACertsTest13EE.crt", failure: nil),
        PKITSCase(section: "4.14.14", file: "InvalidonlyContainsAttributeCertsTest14EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.14.15", file: "InvalidonlySomeReasonsTest15EE.crt", failure: "revoked"),
        PKITSCase(section: "4.14.16", file: "InvalidonlySomeReasonsTest16EE.crt", failure: "revoked"),
        PKITSCase(section: "4.14.17", file: "InvalidonlySomeReasonsTest17EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.14.18", file: "ValidonlySomeReasonsTest18EE.crt", failure: nil),
        PKITSCase(section: "4.14.19", file: "ValidonlySomeReasonsTest19EE.crt", failure: nil),
        PKITSCase(section: "4.14.20", file: "InvalidonlySomeReasonsTest20EE.crt", failure: "revoked"),
        PKITSCase(section: "4.14.21", file: "InvalidonlySomeReasonsTest21EE.crt", failure: "revoked"),
        PKITSCase(section: "4.14.22", file: "ValidIDPwithindirectCRLTest22EE.crt", failure: nil),
        PKITSCase(section: "4.14.23", file: "InvalidIDPwithindirectCRLTest23EE.crt", failure: "revoked"),
        PKITSCase(section: "4.14.24", file: "ValidIDPwithindirectCRLTest24EE.crt", failure: nil),
        PKITSCase(section: "4.14.25", file: "ValidIDPwithindirectCRLTest25EE.crt", failure: nil),
        PKITSCase(section: "4.14.26", file: "InvalidIDPwithindirectCRLTest26EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.14.27", file: "InvalidcRLIssuerTest27EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.14.28", file: "ValidcRLIssuerTest28EE.crt", failure: nil),
        PKITSCase(section: "4.14.29", file: "ValidcRLIssuerTest29EE.crt", failure: nil),
        PKITSCase(section: "4.14.30", file: "ValidcRLIssuerTest30EE.crt", failure: nil),
        PKITSCase(section: "4.14.31", file: "InvalidcRLIssuerTest31EE.crt", failure: "revoked"),
        PKITSCase(section: "4.14.32", file: "InvalidcRLIssuerTest32EE.crt", failure: "revoked"),
        PKITSCase(section: "4.14.33", file: "ValidcRLIssuerTest33EE.crt", failure: nil),
        PKITSCase(section: "4.14.34", file: "InvalidcRLIssuerTest34EE.crt", failure: "revoked"),
        PKITSCase(section: "4.14.35", file: "InvalidcRLIssuerTest35EE.crt", failure: "revocationStatusUnknown"),
        // 4.15 Delta-CRLs.
        PKITSCase(section: "4.15.1", file: "InvaliddeltaCRLIndicatorNoBaseTest1EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.15.2", file: "ValiddeltaCRLTest2EE.crt", failure: nil),
        PKITSCase(section: "4.15.3", file: "InvaliddeltaCRLTest3EE.crt", failure: "revoked"),
        PKITSCase(section: "4.15.4", file: "InvaliddeltaCRLTest4EE.crt", failure: "revoked"),
        PKITSCase(section: "4.15.5", file: "ValiddeltaCRLTest5EE.crt", failure: nil),
        PKITSCase(section: "4.15.6", file: "InvaliddeltaCRLTest6EE.crt", failure: "revoked"),
        PKITSCase(section: "4.15.7", file: "ValiddeltaCRLTest7EE.crt", failure: nil),
        PKITSCase(section: "4.15.8", file: "ValiddeltaCRLTest8EE.crt", failure: nil),
        PKITSCase(section: "4.15.9", file: "InvaliddeltaCRLTest9EE.crt", failure: "revoked"),
        PKITSCase(section: "4.15.10", file: "InvaliddeltaCRLTest10EE.crt", failure: "revocationStatusUnknown"),
        // 4.4.19-4.4.21: the CRL is signed by a second key of its issuer, certified by the anchor (§6.3.3 (f)).
        PKITSCase(section: "4.4.19", file: "ValidSeparateCertificateandCRLKeysTest19EE.crt", failure: nil),
        PKITSCase(section: "4.4.20", file: "InvalidSeparateCertificateandCRLKeysTest20EE.crt", failure: "revoked"),
        // The CRL-signing certificate is itself revoked, so its CRL answers for nothing.
        PKITSCase(section: "4.4.21", file: "InvalidSeparateCertificateandCRLKeysTest21EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.7.4", file: "InvalidkeyUsageCriticalcRLSignFalseTest4EE.crt", failure: "revocationStatusUnknown"),
        PKITSCase(section: "4.7.5", file: "InvalidkeyUsageNotCriticalcRLSignFalseTest5EE.crt", failure: "revocationStatusUnknown"),
    ]


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

    /// Every CRL of the suite parses but the ones listed.
    @Test func everyCRLParsesAndTheRestIsListed() throws {
        let (crls, refused) = try PKITSRevocation.loaded.get()
        #expect(crls.count >= 60, "only \(crls.count) PKITS CRLs")
        #expect(Set(refused.keys) == Set(PKITSRevocation.unparsable.keys), "refused: \(refused)")
        print("PKITS CRLs: \(crls.count) parsed, \(refused.count) refused: \(refused.keys.sorted())")
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
