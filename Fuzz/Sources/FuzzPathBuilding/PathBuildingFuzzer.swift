// Fuzz target: path building and RFC 5280 validation over a fuzzed pool (FuzzedPool.swift) with
// `Verifier`, at a fixed time and the default search budget. One signature cache serves every input,
// as in a long-lived verifier (most inputs repeat the real certificates' checks). The issuer-key cache
// is made per input: keys kept past an input hold their tables through enum payloads whose pointers
// LeakSanitizer cannot see, and it would report them as leaks. Invariants on success: the path starts at the leaf
// given (or is the trusted copy of it) and ends at a certificate of the trust store; an explained
// chain has checks on every link. (The CLI's text and JSON rendering of these facts is not fuzzed here.)
import Certo
import CertoX509
import FuzzSupport

private let signatureCache = SignatureCache()

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let pool = FuzzedPool(&input)
    guard let leaf = pool.leaf ?? pool.intermediates.first else { return 0 }
    let store = TrustStore(pool.anchors.compactMap { try? Certificate(derEncoded: $0) })
    let verifier = Verifier(trustStore: store, policy: pool.policy, signatureCache: signatureCache,
                            issuerKeyCache: IssuerKeyCache(capacity: 16))
    let intermediates = IntermediatePool(encoded: pool.intermediates)
    do {
        let chain = try verifier.verify(encodedLeaf: leaf, pool: intermediates, explain: pool.explains)
        // A leaf the store trusts (same name and key) is verified as the store's own copy, alone.
        let given = try! Certificate(derEncoded: leaf)
        invariant(chain.leaf.derBytes == leaf || (chain.links.count == 1 && chain.leaf.subject == given.subject
                      && chain.leaf.publicKey == given.publicKey), "the verified path does not start at the leaf")
        invariant(store.anchor(matching: chain.anchor) != nil, "the verified path does not end in the trust store")
        if pool.explains {
            // The typed facts --explain renders: every link carries the checks made on it.
            invariant(chain.links.allSatisfy { !$0.checks.isEmpty }, "a link of an explained chain has no checks")
            _ = chain.links.flatMap(\.checks).map(\.rule.description)
        }
    } catch {
        _ = error.description
        if pool.explains, let parsed = try? Certificate(derEncoded: leaf) {
            let hints = verifier.diagnose(error, leaf: parsed, intermediates: intermediates.certificates)
            _ = hints.map(\.description)
            _ = error.attempts.map { "\($0.reason) \($0.reason.rule) \($0.certificates.count)" }
        }
    }
    return 0
}

@main enum PathBuildingFuzzer {
    static func main() {
        _ = ChainVectors.certificates.count  // read the vectors before the first input is timed
        LibFuzzerDriver.run(testOneInput)
    }
}
