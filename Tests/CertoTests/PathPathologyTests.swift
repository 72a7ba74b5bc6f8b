// Path building on pathological pools built afresh for this run by TestVectors/make-path-pathologies.py
// (Python's `cryptography`, test-only): a cross-signed mesh, look-alike intermediates, 60-deep chains,
// cycles, and 10,000 certificates that hide no path. Each must end as the case says within the default
// search budget (or the case's own): a valid path is found, or the search stops with a named reason.
import Certo
import CertoTestSupport
import Foundation
import Testing

struct PathologyCase: Sendable, CustomStringConvertible {
    let name: String
    let expected: [String]
    let maxDepth: Int?
    let maxSignatureChecks: Int?
    let pathLength: Int?
    let rule: String
    let host: String
    let time: Instant
    let profile: Profile
    let explicitPolicy: Bool
    /// For "ok": how many policies the user-constrained policy set must hold.
    let policies: Int?
    /// A bound on the wall time of the verification, for the cases built to make naive code slow.
    let maxSeconds: Double?
    let roots: [Certificate]
    let pool: [[UInt8]]
    let leaf: [UInt8]

    var description: String { name }
}

enum PathPathologies {
    private struct CaseFile: Decodable {
        let expect: String
        let max_depth: Int?
        let max_signature_checks: Int?
        let path_length: Int?
        let rule: String
        let host: String
        let time: Int64
        let profile: String
        let explicit_policy: Bool
        let policies: Int?
        let max_seconds: Double?
    }

    static let generated: Result<[PathologyCase], ProfileGenerationError> = {
        let fileManager = FileManager.default
        let directory = fileManager.temporaryDirectory.appendingPathComponent("certo-path-pathologies-\(UUID().uuidString)")
        defer { try? fileManager.removeItem(at: directory) }
        do {
            let script = try VectorFiles.repositoryFile("make-path-pathologies.py")
            let result = try ExternalProgram.run("/usr/bin/env", ["python3", script.path, directory.path])
            guard result.status == 0 else {
                return .failure(ProfileGenerationError(description: "make-path-pathologies.py exited \(result.status): \(result.stderr)"))
            }
            var cases: [PathologyCase] = []
            for name in try fileManager.contentsOfDirectory(atPath: directory.path).sorted() {
                let folder = directory.appendingPathComponent(name)
                func bytes(_ file: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: folder.appendingPathComponent(file))) }
                let file = try JSONDecoder().decode(CaseFile.self, from: Data(try bytes("case.json")))
                guard let leaf = try PEM.blocks(try bytes("leaf.pem")).first?.der else {
                    return .failure(ProfileGenerationError(description: "\(name): leaf.pem holds no certificate"))
                }
                cases.append(PathologyCase(
                    name: name, expected: file.expect.split(separator: "|").map(String.init), maxDepth: file.max_depth,
                    maxSignatureChecks: file.max_signature_checks, pathLength: file.path_length, rule: file.rule,
                    host: file.host, time: Instant(seconds: file.time), profile: Profile(rawValue: file.profile) ?? .webPKI,
                    explicitPolicy: file.explicit_policy, policies: file.policies, maxSeconds: file.max_seconds, roots: try Certificate.parseAll(try bytes("roots.pem")),
                    pool: try PEM.blocks(try bytes("pool.pem")).map(\.der), leaf: leaf))
            }
            return .success(cases)
        } catch {
            return .failure(ProfileGenerationError(description: "generating the path pathologies: \(error)"))
        }
    }()
}

@Suite struct PathPathologyTests {
    static let caseNames: [String] = ((try? PathPathologies.generated.get()) ?? []).map(\.name)

    @Test func generatorWroteEveryPathology() throws {
        let cases = try PathPathologies.generated.get()
        #expect(cases.count >= 10, "make-path-pathologies.py wrote only \(cases.count) cases")
        #expect(cases.contains { $0.expected == ["ok"] } && cases.contains { $0.expected != ["ok"] })
        print("path pathologies: \(cases.count) cases generated")
    }

    @Test(arguments: caseNames)
    func pathology(_ name: String) throws {
        let pathology = try #require(try PathPathologies.generated.get().first { $0.name == name })
        var policy = Policy(profile: pathology.profile, host: pathology.host, validationTime: pathology.time)
        policy.certificatePolicies.requireExplicitPolicy = pathology.explicitPolicy
        if let depth = pathology.maxDepth { policy.maxDepth = depth }
        if let checks = pathology.maxSignatureChecks { policy.budget.maxSignatureChecks = checks }
        // No signature cache: the budget must hold on the search's own accounting.
        let verifier = Verifier(trustStore: TrustStore(pathology.roots), policy: policy, signatureCache: nil)
        let pool = IntermediatePool(encoded: pathology.pool)
        #expect(pool.skipped.isEmpty, "\(name): the generator wrote certificates that do not parse")
        let clock = ContinuousClock()
        let start = clock.now
        defer {
            let elapsed = clock.now - start
            if let bound = pathology.maxSeconds {
                #expect(elapsed < .milliseconds(Int(bound * 1000)), "\(name): took \(elapsed), bound \(bound) s")
            }
            print("path pathology \(name): \(elapsed)")
        }
        do {
            let chain = try verifier.verify(encodedLeaf: pathology.leaf, pool: pool)
            #expect(pathology.expected == ["ok"], "\(name): verified, expected \(pathology.expected) — \(pathology.rule)")
            if let length = pathology.pathLength {
                #expect(chain.links.count == length, "\(name): found a path of \(chain.links.count), the shortest is \(length)")
            }
            #expect(pathology.roots.contains(chain.anchor))
            if let count = pathology.policies {
                guard case .policies(let list) = chain.policies else {
                    Issue.record("\(name): policies \(chain.policies), expected \(count)")
                    return
                }
                #expect(list.count == count, "\(name): \(list.count) policies valid for the path, expected \(count)")
            }
        } catch {
            #expect(pathology.expected.contains(error.reason.name),
                    "\(name): \(error.reason.name) (\(error.reason)), expected \(pathology.expected) — \(pathology.rule)")
            if case .searchBudgetExhausted(let limit, let size, _) = error.reason {
                #expect(error.reason.description.contains("\(size) \(limit.rawValue)"), "the budget names itself")
            }
        }
    }
}
