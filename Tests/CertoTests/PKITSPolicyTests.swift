// NIST PKITS sections 4.8-4.12 (certificate policies, requireExplicitPolicy, policy mappings,
// inhibitPolicyMapping, inhibitAnyPolicy): every end-entity test with each input setting the PKITS
// document gives it (user-initial-policy-set, initial-explicit-policy, initial-policy-mapping-inhibit,
// initial-any-policy-inhibit), and the user-constrained policy set the valid runs must report. The
// anchor and the pool are PKITSTests' (every CA certificate of the suite). NIST-test-policy-N is
// 2.16.840.1.101.3.2.1.48.N.
import Certo
import CertoTestSupport
import Testing

struct PolicyRun: CustomStringConvertible, Sendable {
    enum Outcome: Sendable {
        /// Verifies, with these NIST test policies as the user-constrained policy set.
        case valid([Int])
        /// Verifies, anyPolicy holding for the whole path.
        case validForAnyPolicy
        /// Fails with this reason.
        case invalid(String)
    }

    let test: String
    let file: String
    let inputs: CertificatePolicyInputs
    let expect: Outcome

    init(_ test: String, _ file: String, initial: [Int]?, explicit: Bool = false, inhibitMapping: Bool = false,
         inhibitAny: Bool = false, expect: Outcome) {
        self.test = test
        self.file = file
        self.inputs = CertificatePolicyInputs(userInitialPolicySet: initial.map { Set($0.map(PolicyRun.nistPolicy)) },
                                              requireExplicitPolicy: explicit, inhibitPolicyMapping: inhibitMapping,
                                              inhibitAnyPolicy: inhibitAny)
        self.expect = expect
    }

    static func nistPolicy(_ number: Int) -> String { "2.16.840.1.101.3.2.1.48.\(number)" }

    var description: String { "\(test) \(file)" }
}

enum PKITSPolicies {
    static let runs: [PolicyRun] = [
        PolicyRun("4.8.1 (1)", "ValidCertificatePathTest1EE.crt", initial: nil, explicit: true, expect: .valid([1])),
        PolicyRun("4.8.1 (2)", "ValidCertificatePathTest1EE.crt", initial: [1], explicit: true, expect: .valid([1])),
        PolicyRun("4.8.1 (3)", "ValidCertificatePathTest1EE.crt", initial: [2], explicit: true, expect: .invalid("noValidPolicy")),
        PolicyRun("4.8.1 (4)", "ValidCertificatePathTest1EE.crt", initial: [1, 2], explicit: true, expect: .valid([1])),
        PolicyRun("4.8.2 (1)", "AllCertificatesNoPoliciesTest2EE.crt", initial: nil, expect: .valid([])),
        PolicyRun("4.8.2 (2)", "AllCertificatesNoPoliciesTest2EE.crt", initial: nil, explicit: true, expect: .invalid("noValidPolicy")),
        PolicyRun("4.8.3 (1)", "DifferentPoliciesTest3EE.crt", initial: nil, expect: .valid([])),
        PolicyRun("4.8.3 (2)", "DifferentPoliciesTest3EE.crt", initial: nil, explicit: true, expect: .invalid("noValidPolicy")),
        PolicyRun("4.8.3 (3)", "DifferentPoliciesTest3EE.crt", initial: [1, 2], explicit: true, expect: .invalid("noValidPolicy")),
        PolicyRun("4.8.4", "DifferentPoliciesTest4EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.8.5", "DifferentPoliciesTest5EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.8.6 (1)", "OverlappingPoliciesTest6EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.8.6 (2)", "OverlappingPoliciesTest6EE.crt", initial: [1], expect: .valid([1])),
        PolicyRun("4.8.6 (3)", "OverlappingPoliciesTest6EE.crt", initial: [2], expect: .invalid("noValidPolicy")),
        PolicyRun("4.8.7", "DifferentPoliciesTest7EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.8.8", "DifferentPoliciesTest8EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.8.9", "DifferentPoliciesTest9EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.8.10 (1)", "AllCertificatesSamePoliciesTest10EE.crt", initial: nil, expect: .valid([1, 2])),
        PolicyRun("4.8.10 (2)", "AllCertificatesSamePoliciesTest10EE.crt", initial: [1], expect: .valid([1])),
        PolicyRun("4.8.10 (3)", "AllCertificatesSamePoliciesTest10EE.crt", initial: [2], expect: .valid([2])),
        PolicyRun("4.8.11 (1)", "AllCertificatesanyPolicyTest11EE.crt", initial: nil, expect: .validForAnyPolicy),
        PolicyRun("4.8.11 (2)", "AllCertificatesanyPolicyTest11EE.crt", initial: [1], expect: .valid([1])),
        PolicyRun("4.8.12", "DifferentPoliciesTest12EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.8.13 (1)", "AllCertificatesSamePoliciesTest13EE.crt", initial: [1], expect: .valid([1])),
        PolicyRun("4.8.13 (2)", "AllCertificatesSamePoliciesTest13EE.crt", initial: [2], expect: .valid([2])),
        PolicyRun("4.8.13 (3)", "AllCertificatesSamePoliciesTest13EE.crt", initial: [3], expect: .valid([3])),
        PolicyRun("4.8.14 (1)", "AnyPolicyTest14EE.crt", initial: [1], expect: .valid([1])),
        PolicyRun("4.8.14 (2)", "AnyPolicyTest14EE.crt", initial: [2], expect: .invalid("noValidPolicy")),
        PolicyRun("4.8.15", "UserNoticeQualifierTest15EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.8.16", "UserNoticeQualifierTest16EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.8.17", "UserNoticeQualifierTest17EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.8.18 (1)", "UserNoticeQualifierTest18EE.crt", initial: [1], expect: .valid([1])),
        PolicyRun("4.8.18 (2)", "UserNoticeQualifierTest18EE.crt", initial: [2], expect: .valid([2])),
        PolicyRun("4.8.19", "UserNoticeQualifierTest19EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.8.20", "CPSPointerQualifierTest20EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.8.20 (recommended)", "CPSPointerQualifierTest20EE.crt", initial: nil, explicit: true, expect: .valid([1])),
        PolicyRun("4.9.1", "ValidrequireExplicitPolicyTest1EE.crt", initial: nil, expect: .valid([])),
        PolicyRun("4.9.2", "ValidrequireExplicitPolicyTest2EE.crt", initial: nil, expect: .valid([])),
        PolicyRun("4.9.3", "InvalidrequireExplicitPolicyTest3EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.9.4", "ValidrequireExplicitPolicyTest4EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.9.5", "InvalidrequireExplicitPolicyTest5EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.9.6", "ValidSelfIssuedrequireExplicitPolicyTest6EE.crt", initial: nil, expect: .valid([])),
        PolicyRun("4.9.7", "InvalidSelfIssuedrequireExplicitPolicyTest7EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.9.8", "InvalidSelfIssuedrequireExplicitPolicyTest8EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.10.1 (1)", "ValidPolicyMappingTest1EE.crt", initial: [1], expect: .valid([1])),
        PolicyRun("4.10.1 (2)", "ValidPolicyMappingTest1EE.crt", initial: [2], expect: .invalid("noValidPolicy")),
        PolicyRun("4.10.1 (3)", "ValidPolicyMappingTest1EE.crt", initial: nil, inhibitMapping: true, expect: .invalid("noValidPolicy")),
        PolicyRun("4.10.2 (1)", "InvalidPolicyMappingTest2EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.10.2 (2)", "InvalidPolicyMappingTest2EE.crt", initial: nil, inhibitMapping: true, expect: .invalid("noValidPolicy")),
        PolicyRun("4.10.3 (1)", "ValidPolicyMappingTest3EE.crt", initial: [1], expect: .invalid("noValidPolicy")),
        PolicyRun("4.10.3 (2)", "ValidPolicyMappingTest3EE.crt", initial: [2], expect: .valid([2])),
        PolicyRun("4.10.4", "InvalidPolicyMappingTest4EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.10.5 (1)", "ValidPolicyMappingTest5EE.crt", initial: [1], expect: .valid([1])),
        PolicyRun("4.10.5 (2)", "ValidPolicyMappingTest5EE.crt", initial: [6], expect: .invalid("noValidPolicy")),
        PolicyRun("4.10.6 (1)", "ValidPolicyMappingTest6EE.crt", initial: [1], expect: .valid([1])),
        PolicyRun("4.10.6 (2)", "ValidPolicyMappingTest6EE.crt", initial: [6], expect: .invalid("noValidPolicy")),
        PolicyRun("4.10.7", "InvalidMappingFromanyPolicyTest7EE.crt", initial: nil, expect: .invalid("policyMappingOfAnyPolicy")),
        PolicyRun("4.10.8", "InvalidMappingToanyPolicyTest8EE.crt", initial: nil, expect: .invalid("policyMappingOfAnyPolicy")),
        PolicyRun("4.10.9", "ValidPolicyMappingTest9EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.10.10", "InvalidPolicyMappingTest10EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.10.11", "ValidPolicyMappingTest11EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.10.12 (1)", "ValidPolicyMappingTest12EE.crt", initial: [1], expect: .valid([1])),
        PolicyRun("4.10.12 (2)", "ValidPolicyMappingTest12EE.crt", initial: [2], expect: .valid([2])),
        PolicyRun("4.10.13", "ValidPolicyMappingTest13EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.10.14", "ValidPolicyMappingTest14EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.11.1", "InvalidinhibitPolicyMappingTest1EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.11.2", "ValidinhibitPolicyMappingTest2EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.11.3", "InvalidinhibitPolicyMappingTest3EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.11.4", "ValidinhibitPolicyMappingTest4EE.crt", initial: nil, expect: .valid([2])),
        PolicyRun("4.11.5", "InvalidinhibitPolicyMappingTest5EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.11.6", "InvalidinhibitPolicyMappingTest6EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.11.7", "ValidSelfIssuedinhibitPolicyMappingTest7EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.11.8", "InvalidSelfIssuedinhibitPolicyMappingTest8EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.11.9", "InvalidSelfIssuedinhibitPolicyMappingTest9EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.11.10", "InvalidSelfIssuedinhibitPolicyMappingTest10EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.11.11", "InvalidSelfIssuedinhibitPolicyMappingTest11EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.12.1", "InvalidinhibitAnyPolicyTest1EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.12.2", "ValidinhibitAnyPolicyTest2EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.12.3 (1)", "inhibitAnyPolicyTest3EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.12.3 (2)", "inhibitAnyPolicyTest3EE.crt", initial: nil, inhibitAny: true, expect: .invalid("noValidPolicy")),
        PolicyRun("4.12.4", "InvalidinhibitAnyPolicyTest4EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.12.5", "InvalidinhibitAnyPolicyTest5EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.12.6", "InvalidinhibitAnyPolicyTest6EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.12.7", "ValidSelfIssuedinhibitAnyPolicyTest7EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.12.8", "InvalidSelfIssuedinhibitAnyPolicyTest8EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
        PolicyRun("4.12.9", "ValidSelfIssuedinhibitAnyPolicyTest9EE.crt", initial: nil, expect: .valid([1])),
        PolicyRun("4.12.10", "InvalidSelfIssuedinhibitAnyPolicyTest10EE.crt", initial: nil, expect: .invalid("noValidPolicy")),
    ]

    /// Runs the document does not number but its expected-result text decides: the tests run only
    /// with default settings whose result it states for other initial-policy-set or
    /// initial-explicit-policy values.
    static let derivedRuns: [PolicyRun] = [
        PolicyRun("4.8.15 (derived)", "UserNoticeQualifierTest15EE.crt", initial: [1], explicit: true, expect: .valid([1])),        PolicyRun("4.8.15 (derived)", "UserNoticeQualifierTest15EE.crt", initial: [2], explicit: true, expect: .invalid("noValidPolicy")),        PolicyRun("4.8.15 (derived)", "UserNoticeQualifierTest15EE.crt", initial: [2], expect: .valid([])),        PolicyRun("4.8.16 (derived)", "UserNoticeQualifierTest16EE.crt", initial: [1], explicit: true, expect: .valid([1])),        PolicyRun("4.8.16 (derived)", "UserNoticeQualifierTest16EE.crt", initial: [2], explicit: true, expect: .invalid("noValidPolicy")),        PolicyRun("4.8.16 (derived)", "UserNoticeQualifierTest16EE.crt", initial: [2], expect: .valid([])),        PolicyRun("4.8.17 (derived)", "UserNoticeQualifierTest17EE.crt", initial: [1], explicit: true, expect: .valid([1])),        PolicyRun("4.8.17 (derived)", "UserNoticeQualifierTest17EE.crt", initial: [2], explicit: true, expect: .invalid("noValidPolicy")),        PolicyRun("4.8.17 (derived)", "UserNoticeQualifierTest17EE.crt", initial: [2], expect: .valid([])),        PolicyRun("4.8.19 (derived)", "UserNoticeQualifierTest19EE.crt", initial: [1], explicit: true, expect: .valid([1])),        PolicyRun("4.8.19 (derived)", "UserNoticeQualifierTest19EE.crt", initial: [2], explicit: true, expect: .invalid("noValidPolicy")),        PolicyRun("4.8.19 (derived)", "UserNoticeQualifierTest19EE.crt", initial: [2], expect: .valid([])),        PolicyRun("4.8.20 (derived)", "CPSPointerQualifierTest20EE.crt", initial: [1], explicit: true, expect: .valid([1])),        PolicyRun("4.8.20 (derived)", "CPSPointerQualifierTest20EE.crt", initial: [2], explicit: true, expect: .invalid("noValidPolicy")),        PolicyRun("4.8.20 (derived)", "CPSPointerQualifierTest20EE.crt", initial: [2], expect: .valid([])),        PolicyRun("4.10.9 (derived)", "ValidPolicyMappingTest9EE.crt", initial: [2], expect: .invalid("noValidPolicy")),        PolicyRun("4.10.11 (derived)", "ValidPolicyMappingTest11EE.crt", initial: [2], expect: .invalid("noValidPolicy")),        PolicyRun("4.10.14 (derived)", "ValidPolicyMappingTest14EE.crt", initial: [2], expect: .invalid("noValidPolicy")),        PolicyRun("4.12.2 (derived)", "ValidinhibitAnyPolicyTest2EE.crt", initial: [2], expect: .invalid("noValidPolicy")),        PolicyRun("4.12.7 (derived)", "ValidSelfIssuedinhibitAnyPolicyTest7EE.crt", initial: [2], expect: .invalid("noValidPolicy")),        PolicyRun("4.12.9 (derived)", "ValidSelfIssuedinhibitAnyPolicyTest9EE.crt", initial: [2], expect: .invalid("noValidPolicy")),        PolicyRun("4.10.13 (derived)", "ValidPolicyMappingTest13EE.crt", initial: [1, 2], expect: .valid([1])),        PolicyRun("4.10.13 (derived)", "ValidPolicyMappingTest13EE.crt", initial: [2], expect: .invalid("noValidPolicy")),        PolicyRun("4.11.2 (derived)", "ValidinhibitPolicyMappingTest2EE.crt", initial: [2], expect: .invalid("noValidPolicy")),        PolicyRun("4.11.4 (derived)", "ValidinhibitPolicyMappingTest4EE.crt", initial: [1], expect: .invalid("noValidPolicy")),        PolicyRun("4.11.7 (derived)", "ValidSelfIssuedinhibitPolicyMappingTest7EE.crt", initial: [2], expect: .invalid("noValidPolicy")),    ]
}

@Suite struct PKITSPolicyTests {
    @Test(arguments: PKITSPolicies.runs + PKITSPolicies.derivedRuns)
    func policyRun(_ run: PolicyRun) throws {
        let leaf = try PKITS.certificate(run.file)
        let policy = Policy(profile: .rfc5280, purpose: .any, validationTime: PKITS.time, certificatePolicies: run.inputs)
        let verifier = Verifier(trustStore: TrustStore([try PKITS.certificate(PKITS.anchorFile)]), policy: policy, signatureCache: nil)
        let pool = try PKITS.pool.get()
        var passed = false
        do {
            let chain = try verifier.verify(leaf: leaf, intermediates: pool)
            switch run.expect {
            case .valid(let numbers):
                let expected = CertificatePolicySet.policies(numbers.map(PolicyRun.nistPolicy))
                #expect(chain.policies == expected, "\(run): user-constrained policy set \(chain.policies), expected \(expected)")
                passed = chain.policies == expected
            case .validForAnyPolicy:
                #expect(chain.policies == .anyPolicy, "\(run): user-constrained policy set \(chain.policies), expected anyPolicy")
                passed = chain.policies == .anyPolicy
            case .invalid(let reason):
                Issue.record("\(run): verified (policies \(chain.policies)), expected \(reason)")
            }
        } catch {
            if case .invalid(let reason) = run.expect {
                #expect(error.reason.name == reason, "\(run): \(error)")
                passed = error.reason.name == reason
            } else {
                Issue.record("\(run): \(error)")
            }
        }
        reportVectorCount("PKITS policies \(run.test) \(run.file)", ran: 1, passed: passed ? 1 : 0)
    }

    /// Every test of sections 4.8-4.12 is run, with at least one setting each.
    @Test func everyTestRuns() {
        let tests = Set(PKITSPolicies.runs.map { $0.test.split(separator: " ")[0] })
        let expected = [("4.8", 20), ("4.9", 8), ("4.10", 14), ("4.11", 11), ("4.12", 10)]
        for (section, count) in expected {
            let inSection = tests.filter { $0.hasPrefix(section + ".") }
            #expect(inSection.count == count, "PKITS \(section): \(inSection.count) tests run, expected \(count)")
            print("PKITS section \(section): \(inSection.count) end-entity tests, \(PKITSPolicies.runs.filter { $0.test.hasPrefix(section + ".") }.count) runs")
        }
    }
}
