// Path building on the generated chains: unordered pools with extra certificates, dead ends at
// untrusted roots, the search budget, and the ranking of failures across candidate paths.
import Certo
import CertoTestSupport
import Foundation
import Testing

@Suite struct PathBuilderTests {
    static func chainCase(_ name: String) throws -> ChainCase {
        try #require(try ChainCase.all().first { $0.name == name })
    }

    /// Every other case's certificates thrown into the pool, shuffled deterministically.
    @Test func extraUnorderedPoolIsTolerated() throws {
        let target = try Self.chainCase("aws-iot-rsa2048")
        var pool: [Certificate] = []
        for other in try ChainCase.all() {
            pool += try other.certificates("untrusted.pem") + other.certificates("root.pem")
        }
        pool.reverse()
        let verifier = Verifier(trustStore: TrustStore(try target.certificates("root.pem")),
                                policy: Policy(host: target.host, validationTime: target.time), signatureCache: nil)
        let chain = try verifier.verify(leaf: try #require(try target.certificates("leaf.pem").first), intermediates: pool)
        #expect(chain.links.count == 3)
    }

    /// The pool leads to a self-signed root the store does not hold: named as such.
    @Test func untrustedRootIsNamed() throws {
        let target = try Self.chainCase("aws-iot-rsa2048")
        let unrelated = try Self.chainCase("ecdsa-p256").certificates("root.pem")
        let root = try #require(try target.certificates("root.pem").first)
        let verifier = Verifier(trustStore: TrustStore(unrelated), policy: Policy(host: target.host, validationTime: target.time))
        let leaf = try #require(try target.certificates("leaf.pem").first)
        let pool = try target.certificates("untrusted.pem") + [root]
        do {
            _ = try verifier.verify(leaf: leaf, intermediates: pool)
            Issue.record("verified against an unrelated root")
        } catch {
            #expect(error.reason == .untrustedRoot(root.subject))
            #expect(error.depth == 2)
        }
    }

    /// A budget of one signature check cannot cover a three-certificate chain: fatal, clear error.
    @Test func signatureBudgetIsEnforced() throws {
        let target = try Self.chainCase("aws-iot-rsa2048")
        var policy = Policy(host: target.host, validationTime: target.time)
        policy.budget.maxSignatureChecks = 1
        let verifier = Verifier(trustStore: TrustStore(try target.certificates("root.pem")), policy: policy, signatureCache: nil)
        let leaf = try #require(try target.certificates("leaf.pem").first)
        let pool = try target.certificates("untrusted.pem")
        do {
            _ = try verifier.verify(leaf: leaf, intermediates: pool)
            Issue.record("verified beyond the budget")
        } catch {
            #expect(error.reason == .searchBudgetExhausted(.signatureChecks, size: 1, pathsTried: 0))
            #expect(error.reason.description == "search budget of 1 signature checks exhausted after 0 paths")
        }
    }

    @Test func maxDepthIsEnforced() throws {
        let target = try Self.chainCase("aws-iot-rsa2048")
        var policy = Policy(host: target.host, validationTime: target.time)
        policy.maxDepth = 0
        let verifier = Verifier(trustStore: TrustStore(try target.certificates("root.pem")), policy: policy)
        #expect(throws: VerificationError.self) {
            try verifier.verify(leaf: try #require(try target.certificates("leaf.pem").first),
                                intermediates: try target.certificates("untrusted.pem"))
        }
    }

    /// An intermediate in the store ends the path only with partialChain: without it, a trusted
    /// certificate that is not self-signed still needs its issuer.
    @Test func trustedIntermediateEndsThePathOnlyAsAPartialChain() throws {
        let target = try Self.chainCase("aws-iot-rsa2048")
        let leaf = try #require(try target.certificates("leaf.pem").first)
        let store = TrustStore(try target.certificates("untrusted.pem"))
        let strict = Verifier(trustStore: store, policy: Policy(host: target.host, validationTime: target.time))
        #expect(throws: VerificationError.self) { try strict.verify(leaf: leaf) }
        let partial = Verifier(trustStore: store, policy: Policy(host: target.host, validationTime: target.time, partialChain: true))
        let chain = try partial.verify(leaf: leaf)
        #expect(chain.links.count == 2)
        // With the root in the store too, the strict verifier goes on from the intermediate to it.
        let both = TrustStore(try target.certificates("untrusted.pem") + target.certificates("root.pem"))
        let full = try Verifier(trustStore: both, policy: Policy(host: target.host, validationTime: target.time)).verify(leaf: leaf)
        #expect(full.links.count == 3)
    }

    /// A pool parsed once and extended keeps every offered certificate's position, and a leaf verified
    /// against it reports the ones that did not parse.
    @Test func intermediatePoolKeepsPositionsAcrossAdds() throws {
        let target = try Self.chainCase("aws-iot-rsa2048")
        let intermediate = try #require(try target.certificates("untrusted.pem").first).derBytes
        var pool = IntermediatePool(encoded: [[0x30, 0x00], intermediate])
        pool.add(encoded: [[0x01], intermediate])
        #expect(pool.offeredCount == 4)
        #expect(pool.certificates.count == 2)
        #expect(pool.skipped.map(\.position) == [0, 2])
        let verifier = Verifier(trustStore: TrustStore(try target.certificates("root.pem")),
                                policy: Policy(host: target.host, validationTime: target.time))
        let leaf = try #require(try target.certificates("leaf.pem").first).derBytes
        let chain = try verifier.verify(encodedLeaf: leaf, pool: pool)
        #expect(chain.links.count == 3)
        #expect(chain.skippedIntermediates.map(\.position) == [0, 2])
    }

    /// The signature cache answers repeated checks and stays within its bound.
    @Test func signatureCacheIsUsedAndBounded() throws {
        let target = try Self.chainCase("aws-iot-rsa2048")
        let cache = SignatureCache(capacity: 1)
        let verifier = Verifier(trustStore: TrustStore(try target.certificates("root.pem")),
                                policy: Policy(host: target.host, validationTime: target.time), signatureCache: cache)
        let leaf = try #require(try target.certificates("leaf.pem").first)
        for _ in 0..<3 { _ = try verifier.verify(leaf: leaf, intermediates: try target.certificates("untrusted.pem")) }
        #expect(cache.count == 1)
        cache.removeAll()
        #expect(cache.count == 0)
        _ = try verifier.verify(leaf: leaf, intermediates: try target.certificates("untrusted.pem"))
        #expect(cache.count == 1)
    }

    /// The issuer key cache keeps the intermediate's key (anchor keys live in the store), stays
    /// within its bound, and never lets a bad signature through: with the signature cache off,
    /// every verification checks the signatures again with the cached keys.
    @Test func issuerKeyCacheIsUsedAndBounded() throws {
        for name in ["ecdsa-p256", "ecdsa-p384", "aws-iot-rsa2048"] {
            let target = try Self.chainCase(name)
            let keys = IssuerKeyCache(capacity: 4)
            let verifier = Verifier(trustStore: TrustStore(try target.certificates("root.pem")),
                                    policy: Policy(host: target.host, validationTime: target.time),
                                    signatureCache: nil, issuerKeyCache: keys)
            let leaf = try #require(try target.certificates("leaf.pem").first)
            // Enough rounds for an ECDSA key to build its tables and then use them.
            for _ in 0..<4 { _ = try verifier.verify(leaf: leaf, intermediates: try target.certificates("untrusted.pem")) }
            #expect(keys.count == 1, "\(name)")
            keys.removeAll()
            #expect(keys.count == 0, "\(name)")
        }
        let bad = try Self.chainCase("bad-signature")
        let keys = IssuerKeyCache(capacity: 1)
        let verifier = Verifier(trustStore: TrustStore(try bad.certificates("root.pem")),
                                policy: Policy(validationTime: bad.time), signatureCache: nil, issuerKeyCache: keys)
        let badLeaf = try #require(try bad.certificates("leaf.pem").first)
        for _ in 0..<4 {
            #expect(throws: VerificationError.self) { try verifier.verify(leaf: badLeaf, intermediates: try bad.certificates("untrusted.pem")) }
        }
        #expect(keys.count <= 1)
    }

    /// A leaf in the store verifies alone only with partialChain (it is not self-signed).
    @Test func partialChain() throws {
        let target = try Self.chainCase("aws-iot-rsa2048")
        let leaf = try #require(try target.certificates("leaf.pem").first)
        var policy = Policy(host: target.host, validationTime: target.time)
        #expect(throws: VerificationError.self) { try Verifier(trustStore: TrustStore([leaf]), policy: policy).verify(leaf: leaf) }
        policy.partialChain = true
        let chain = try Verifier(trustStore: TrustStore([leaf]), policy: policy).verify(leaf: leaf)
        #expect(chain.links.count == 1)
    }

    /// Concurrent verifications with one shared Verifier agree.
    @Test func concurrentVerification() async throws {
        let target = try Self.chainCase("ecdsa-p256")
        let verifier = Verifier(trustStore: TrustStore(try target.certificates("root.pem")),
                                policy: Policy(host: target.host, validationTime: target.time))
        let leaf = try #require(try target.certificates("leaf.pem").first)
        let pool = try target.certificates("untrusted.pem")
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 { group.addTask { (try? verifier.verify(leaf: leaf, intermediates: pool)) != nil } }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }
}
