// Certificate-profile rules (RFC 5280 §4.2 MUSTs, and the CA/B Forum BR §7.1 profiles under
// Profile.webPKI) checked on chains built afresh for this run: TestVectors/make-profile-chains.py
// (Python's `cryptography`, test-only) writes one folder per case into a temporary directory, which is
// read into memory and removed. Each case is one defect away from a compliant chain and names its
// compliant twin, which must verify, so that refusing everything cannot pass. A violation must be
// refused with the expected reason name ("a|b" accepts either) at the expected depth.
import Certo
import CertoTestSupport
import Foundation
import Testing

/// One generated case, its certificates held in memory (PEM bytes).
struct ProfileCase: Sendable, CustomStringConvertible {
    let name: String
    let profile: Profile
    let host: String?
    let time: Instant
    /// ["ok"] or the acceptable reason names.
    let expected: [String]
    let depth: Int?
    let partialChain: Bool
    let allowWeakRSA: Bool
    let rule: String
    let twin: String?
    let maxSeconds: Double?
    let root: [UInt8]
    let untrusted: [UInt8]
    let leaf: [UInt8]

    var description: String { name }
    var expectsOK: Bool { expected == ["ok"] }
    var expectation: String { expectsOK ? "ok" : "\(expected.joined(separator: "|")) at depth \(depth.map(String.init) ?? "?")" }
}

/// What verifying one case gave, against what it should have given.
struct ProfileOutcome: Sendable {
    let passed: Bool
    /// "ok", or "reasonName at depth N: description", or why the case could not run.
    let got: String
    let seconds: Double
}

struct ProfileGenerationError: Error, CustomStringConvertible {
    let description: String
}

enum ProfileChains {
    /// The generator's output for this process, made once; the temporary directory is gone afterwards.
    static let generated: Result<[ProfileCase], ProfileGenerationError> = generate()

    /// Every case verified once, serially (so the time limits are not measured under parallel load).
    static let outcomes: [String: ProfileOutcome] = {
        guard case .success(let cases) = generated else { return [:] }
        var results: [String: ProfileOutcome] = [:]
        for profileCase in cases { results[profileCase.name] = run(profileCase) }
        return results
    }()

    private struct CaseFile: Decodable {
        let profile: String
        let host: String?
        let time: Int64
        let time_ns: Int32?
        let expect: String
        let depth: Int?
        let partial_chain: Bool
        let allow_weak_rsa: Bool?
        let rule: String
        let twin: String?
        let max_seconds: Double?
    }

    private static func generate() -> Result<[ProfileCase], ProfileGenerationError> {
        let fileManager = FileManager.default
        let directory = fileManager.temporaryDirectory.appendingPathComponent("certo-profile-chains-\(UUID().uuidString)")
        defer { try? fileManager.removeItem(at: directory) }
        do {
            let script = try VectorFiles.repositoryFile("make-profile-chains.py")
            let result = try ExternalProgram.run("/usr/bin/env", ["python3", script.path, directory.path])
            guard result.status == 0 else {
                return .failure(ProfileGenerationError(description: "make-profile-chains.py exited \(result.status): \(result.stderr)"))
            }
            let names = try fileManager.contentsOfDirectory(atPath: directory.path).sorted()
            var cases: [ProfileCase] = []
            for name in names {
                let folder = directory.appendingPathComponent(name)
                func bytes(_ file: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: folder.appendingPathComponent(file))) }
                let file = try JSONDecoder().decode(CaseFile.self, from: Data(try bytes("case.json")))
                guard let profile = Profile(rawValue: file.profile) else {
                    return .failure(ProfileGenerationError(description: "\(name): unknown profile \(file.profile)"))
                }
                cases.append(ProfileCase(
                    name: name, profile: profile, host: file.host, time: Instant(seconds: file.time, nanoseconds: file.time_ns ?? 0),
                    expected: file.expect.split(separator: "|").map(String.init), depth: file.depth,
                    partialChain: file.partial_chain, allowWeakRSA: file.allow_weak_rsa ?? false, rule: file.rule,
                    twin: file.twin, maxSeconds: file.max_seconds,
                    root: try bytes("root.pem"), untrusted: try bytes("untrusted.pem"), leaf: try bytes("leaf.pem")))
            }
            return .success(cases)
        } catch {
            return .failure(ProfileGenerationError(description: "generating the profile chains: \(error)"))
        }
    }

    /// Verifies one case: the leaf and intermediates go in as DER, so a leaf that fails strict parsing is
    /// a typed failure (malformedCertificate) rather than a test error.
    static func run(_ profileCase: ProfileCase) -> ProfileOutcome {
        let anchors: [Certificate]
        let pool: [[UInt8]]
        let leaf: [UInt8]
        do {
            anchors = try Certificate.parseAll(profileCase.root)
            pool = try PEM.blocks(profileCase.untrusted).map(\.der)
            guard let first = try PEM.blocks(profileCase.leaf).first?.der else {
                return ProfileOutcome(passed: false, got: "leaf.pem holds no certificate", seconds: 0)
            }
            leaf = first
        } catch {
            return ProfileOutcome(passed: false, got: "could not read the case's PEM files: \(error)", seconds: 0)
        }
        let policy = Policy(profile: profileCase.profile, purpose: .server, host: profileCase.host,
                            validationTime: profileCase.time, allowWeakRSA: profileCase.allowWeakRSA,
                            partialChain: profileCase.partialChain)
        let verifier = Verifier(trustStore: TrustStore(anchors), policy: policy, signatureCache: nil)
        let clock = ContinuousClock()
        let start = clock.now
        let result: Result<VerifiedChain, VerificationError>
        do {
            result = .success(try verifier.verify(encodedLeaf: leaf, encodedIntermediates: pool))
        } catch {
            result = .failure(error)
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        var passed: Bool
        var got: String
        switch result {
        case .success(let chain):
            got = "ok"
            passed = profileCase.expectsOK && anchors.contains(chain.anchor)
            if profileCase.expectsOK && !passed { got = "ok, but anchored at \(chain.anchor.subject.openSSLDescription)" }
        case .failure(let error):
            got = "\(error.reason.name) at depth \(error.depth): \(error.reason) [\(error.reason.rule)]"
            if !error.skippedIntermediates.isEmpty { got += "; skipped intermediates: \(error.skippedIntermediates)" }
            passed = !profileCase.expectsOK && profileCase.expected.contains(error.reason.name) && error.depth == profileCase.depth
        }
        if let limit = profileCase.maxSeconds, seconds > limit {
            passed = false
            got += " after \(seconds) s (limit \(limit) s)"
        }
        return ProfileOutcome(passed: passed, got: got, seconds: seconds)
    }
}

@Suite struct ProfileRuleTests {
    static let caseNames: [String] = ((try? ProfileChains.generated.get()) ?? []).map(\.name)

    /// The generator ran and wrote cases; every violation names a compliant twin that expects "ok";
    /// and one line tells how many cases ran and passed (each failure is reported by `profileRule`).
    @Test func generatedCasesAreComplete() throws {
        let cases = try ProfileChains.generated.get()
        #expect(!cases.isEmpty, "make-profile-chains.py wrote no cases")
        #expect(cases.count >= 100, "make-profile-chains.py wrote only \(cases.count) cases")
        let byName = Dictionary(uniqueKeysWithValues: cases.map { ($0.name, $0) })
        for profileCase in cases where !profileCase.expectsOK {
            #expect(profileCase.depth != nil, "\(profileCase.name): a violation needs the failing depth")
            guard let twinName = profileCase.twin, let twin = byName[twinName] else {
                Issue.record("\(profileCase.name): no compliant twin (\(profileCase.twin ?? "none"))")
                continue
            }
            #expect(twin.expectsOK, "\(profileCase.name): twin \(twinName) does not expect ok")
        }
        // Both profiles, and each reason the profile rules introduce, are exercised.
        #expect(Set(cases.map(\.profile)) == Set(Profile.allCases))
        let expectedReasons = Set(cases.flatMap(\.expected))
        for reason in ["extensionMustNotBeCritical", "extensionMustBeCritical", "extensionMissing", "extensionNotAllowed",
                       "invalidAuthorityKeyIdentifier", "caCertificateAsLeaf", "inconsistentKeyUsage", "forbiddenKey",
                       "weakRSAKey", "emptySubject", "invalidSerialNumber", "malformedName", "commonNameNotInSubjectAltName",
                       "nameConstraintViolation", "searchBudgetExhausted", "issuerNotFound", "invalidPublicKey"] {
            #expect(expectedReasons.contains(reason), "no case expects \(reason)")
        }
        let outcomes = ProfileChains.outcomes
        let failing = cases.filter { outcomes[$0.name]?.passed != true }.map(\.name)
        print("profile rules: \(cases.count) cases ran, \(cases.count - failing.count) passed")
        if !failing.isEmpty { print("profile rules failing: \(failing.joined(separator: ", "))") }
    }

    @Test(arguments: caseNames)
    func profileRule(_ name: String) throws {
        let profileCase = try #require(try ProfileChains.generated.get().first { $0.name == name })
        let outcome = try #require(ProfileChains.outcomes[name])
        #expect(outcome.passed, """
            \(name) [\(profileCase.profile.rawValue)]: expected \(profileCase.expectation), got \(outcome.got) \
            — rule: \(profileCase.rule)
            """)
        print("profile rule \(name): \(outcome.passed ? "pass" : "FAIL") (expected \(profileCase.expectation); got \(outcome.got))")
    }
}
