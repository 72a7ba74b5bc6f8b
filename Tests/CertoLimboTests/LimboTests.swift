// x509-limbo (../shared/conformance/x509-limbo, copied into TestVectors/.cache/x509-limbo/ by
// fetch-vectors.sh after its sha256 is checked): every case runs through the library's Verifier with
// the case's trust anchors, intermediates, validation time, peer name, purpose and depth limit.
// The verdict must equal limbo's, unless the case is listed in limbo-expectations.txt: `unsupported`
// (Certo cannot express the case; it still runs, for hangs and crashes, but its verdict is not
// counted) or `differs` (Certo deliberately refuses what limbo accepts, with the rule that says so).
// A `differs` entry on a case limbo expects to fail would hide a false accept, so it is an error.
import Certo
import CertoTestSupport
import Foundation
import Testing

struct LimboCase: Sendable {
    let id: String
    let expectSuccess: Bool
    let trusted: [String]
    let untrusted: [String]
    let peer: String
    let validationTime: String?
    let peerName: (kind: String, value: String)?
    let isClient: Bool
    let maxChainDepth: Int?
    let conflictsWith: [String]
    /// PEM CRLs; when there are any, revocation is required for the whole path.
    let crls: [String]

    init?(_ json: [String: Any]) {
        guard let id = json["id"] as? String, let expected = json["expected_result"] as? String,
              let peer = json["peer_certificate"] as? String else { return nil }
        self.id = id
        expectSuccess = expected == "SUCCESS"
        trusted = json["trusted_certs"] as? [String] ?? []
        untrusted = json["untrusted_intermediates"] as? [String] ?? []
        self.peer = peer
        validationTime = json["validation_time"] as? String
        if let name = json["expected_peer_name"] as? [String: Any], let kind = name["kind"] as? String,
           let value = name["value"] as? String {
            peerName = (kind, value)
        } else {
            peerName = nil
        }
        isClient = (json["validation_kind"] as? String) == "CLIENT"
        maxChainDepth = json["max_chain_depth"] as? Int
        conflictsWith = json["conflicts_with"] as? [String] ?? []
        crls = json["crls"] as? [String] ?? []
    }

    var namespace: String { String(id.prefix { $0 != ":" }) }
}

/// One line of limbo-expectations.txt: `id <TAB> unsupported|differs <TAB> reason`.
struct LimboExpectation: Sendable {
    enum Kind: String, Sendable { case unsupported, differs }
    let kind: Kind
    let reason: String
}

enum Limbo {
    static let fileName = "x509-limbo/limbo.json"

    static func loadCases() throws -> [LimboCase] {
        let url = VectorFiles.cacheRoot.appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: url.path) else { throw VectorFileError.missing(url.path) }
        let data = try Data(contentsOf: url)
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let list = root["testcases"] as? [[String: Any]] else {
            throw VectorFileError.missing("\(url.path) (not a limbo file)")
        }
        return list.compactMap(LimboCase.init)
    }

    static func loadExpectations() throws -> [String: LimboExpectation] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("limbo-expectations.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        var result: [String: LimboExpectation] = [:]
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", maxSplits: 2).map(String.init)
            guard fields.count == 3, let kind = LimboExpectation.Kind(rawValue: fields[1]), !fields[2].isEmpty else {
                throw VectorFileError.missing("limbo-expectations.txt line \(number + 1) is not `id<TAB>kind<TAB>reason`")
            }
            guard result[fields[0]] == nil else {
                throw VectorFileError.missing("limbo-expectations.txt lists \(fields[0]) twice")
            }
            result[fields[0]] = LimboExpectation(kind: kind, reason: fields[2])
        }
        return result
    }

    /// The profile a case runs under: rfc5280:: cases that conflict with a webpki:: case are RFC 5280 alone.
    static func profile(_ testCase: LimboCase) -> Profile {
        testCase.namespace == "rfc5280" && testCase.conflictsWith.contains(where: { $0.hasPrefix("webpki::") })
            ? .rfc5280 : .webPKI
    }

    struct Outcome: Sendable {
        let accepted: Bool
        let detail: String
    }

    static func run(_ testCase: LimboCase) -> Outcome {
        let leaf: Certificate
        do {
            let parsed = try Certificate.parseAll(Array(testCase.peer.utf8))
            guard parsed.count == 1 else { return Outcome(accepted: false, detail: "leaf: \(parsed.count) certificates") }
            leaf = parsed[0]
        } catch {
            return Outcome(accepted: false, detail: "malformed leaf: \(error)")
        }
        // Malformed anchors and intermediates are left out, as a verifier skips them as candidates.
        let anchors = testCase.trusted.compactMap { try? Certificate.parseAll(Array($0.utf8)).first }
        let pool = testCase.untrusted.compactMap { try? Certificate.parseAll(Array($0.utf8)).first }
        var policy = Policy()
        policy.profile = profile(testCase)
        policy.purpose = testCase.isClient ? .client : .server
        if let text = testCase.validationTime {
            let normalised = text.hasSuffix("+00:00") ? String(text.dropLast(6)) + "Z" : text
            guard let time = Instant(parsing: normalised) else { return Outcome(accepted: false, detail: "bad time \(text)") }
            policy.validationTime = time
        } else {
            policy.validationTime = Instant(seconds: 1_767_225_600)  // 2026-01-01: limbo's cases use a fixed time when they need one
        }
        if let name = testCase.peerName, name.kind == "DNS" || name.kind == "IP" { policy.host = name.value }
        if let depth = testCase.maxChainDepth { policy.maxDepth = depth }
        // A CRL that does not parse is one the verifier never receives.
        let crls = testCase.crls.compactMap { try? CertificateRevocationList.parseAll(Array($0.utf8)) }.flatMap { $0 }
        if !testCase.crls.isEmpty { policy.revocation = RevocationPolicy(mode: .hardFail, scope: .all) }
        var verifier = Verifier(trustStore: TrustStore(anchors), policy: policy)
        verifier.crls = crls
        do {
            _ = try verifier.verify(leaf: leaf, intermediates: pool)
            return Outcome(accepted: true, detail: "OK")
        } catch {
            return Outcome(accepted: false, detail: "\(error.reason.name): \(error)")
        }
    }
}

/// One result slot per case, filled from concurrent workers.
final class OutcomeSlots: @unchecked Sendable {
    private var slots: [(Limbo.Outcome, Double)?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: (Limbo.Outcome, Double)) { lock.withLock { slots[index] = value } }
    func get(_ index: Int) -> (Limbo.Outcome, Double) { lock.withLock { slots[index]! } }
}

@Suite struct LimboTests {
    @Test func everyCaseMatchesLimboOrItsListedExpectation() throws {
        let cases = try Limbo.loadCases()
        let expectations = try Limbo.loadExpectations()
        #expect(cases.count == 9_780, "limbo.json should hold 9,780 cases")
        let ids = Set(cases.map(\.id))
        for id in expectations.keys where !ids.contains(id) {
            Issue.record("limbo-expectations.txt lists \(id), which limbo.json does not have")
        }

        struct Tally { var ran = 0, passed = 0, unsupported = 0, differs = 0, falseAccepts = 0, falseRejects = 0 }
        var tallies: [String: Tally] = [:]
        var report = ""
        var slowest: (id: String, seconds: Double) = ("", 0)
        // The cases are independent: run them on every core, then judge them in file order.
        let clock = ContinuousClock()
        let outcomes = OutcomeSlots(count: cases.count)
        DispatchQueue.concurrentPerform(iterations: cases.count) { index in
            let start = clock.now
            let outcome = Limbo.run(cases[index])
            let elapsed = clock.now - start
            outcomes.set(index, (outcome, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
        }
        for (index, testCase) in cases.enumerated() {
            let (outcome, seconds) = outcomes.get(index)
            if seconds > slowest.seconds { slowest = (testCase.id, seconds) }
            var tally = tallies[testCase.namespace, default: Tally()]
            tally.ran += 1
            let agrees = outcome.accepted == testCase.expectSuccess
            report += "\(testCase.id)\t\(testCase.expectSuccess ? "SUCCESS" : "FAILURE")\t\(outcome.accepted ? "accept" : "reject")\t\(outcome.detail)\n"
            switch expectations[testCase.id]?.kind {
            case .unsupported:
                tally.unsupported += 1
            case .differs:
                tally.differs += 1
                if !testCase.expectSuccess {
                    Issue.record("\(testCase.id): a `differs` entry on a case limbo expects to fail would hide a false accept")
                } else if outcome.accepted {
                    Issue.record("\(testCase.id): listed as differs but Certo now agrees with limbo; remove the entry")
                }
            case nil:
                if agrees {
                    tally.passed += 1
                } else if outcome.accepted {
                    tally.falseAccepts += 1
                    Issue.record("false accept: \(testCase.id)")
                } else {
                    tally.falseRejects += 1
                    Issue.record("unexpected reject: \(testCase.id): \(outcome.detail)")
                }
            }
            tallies[testCase.namespace] = tally
            if seconds >= 1 { Issue.record("\(testCase.id) took \(seconds) s (bar: under 1 s)") }
        }
        if let path = ProcessInfo.processInfo.environment["CERTO_LIMBO_REPORT"] {
            try report.write(toFile: path, atomically: true, encoding: .utf8)
        }
        var total = Tally()
        for (namespace, tally) in tallies.sorted(by: { $0.key < $1.key }) {
            print("limbo: \(namespace): \(tally.ran) ran, \(tally.passed) passed, \(tally.differs) differ as listed, \(tally.unsupported) unsupported, \(tally.falseAccepts) false accepts, \(tally.falseRejects) unexpected rejects")
            total.ran += tally.ran; total.passed += tally.passed; total.differs += tally.differs
            total.unsupported += tally.unsupported; total.falseAccepts += tally.falseAccepts; total.falseRejects += tally.falseRejects
        }
        print("limbo: all: \(total.ran) ran, \(total.passed) passed, \(total.differs) differ as listed, \(total.unsupported) unsupported, \(total.falseAccepts) false accepts, \(total.falseRejects) unexpected rejects; slowest \(slowest.id) \(String(format: "%.3f", slowest.seconds)) s")
        reportVectorCount(Limbo.fileName, ran: total.ran, passed: total.passed)
    }
}
