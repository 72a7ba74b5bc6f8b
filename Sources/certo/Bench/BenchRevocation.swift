// Revocation cases for `certo bench`:
// - chain-p256-ocsp: chain-p256's work on TestVectors/ocsp/ecdsa-p256 (made by make-ocsp-chain.sh)
//   with the leaf's OCSP response stapled and revocation required for the leaf: the staple is parsed,
//   matched and its signature (by the issuing CA) verified on every operation. chain-p256-ocsp-off is
//   the same chain without the check, the baseline the staple's cost is measured against.
// - crl-100k-parse: one parse of a generated CRL of 100,000 entries (the entries indexed for lookup);
//   crl-100k-lookup: one lookup in it, of a serial that is listed (a binary search).
// Caches are off, as in the chain cases. The validation time is the response's thisUpdate plus one
// minute (openssl ocsp stamps the time it ran).
import Certo
import CertoDER

extension BenchRegistry {
    static var revocationCases: [BenchCase] {
        [ocspChainCase("chain-p256-ocsp", checked: true), ocspChainCase("chain-p256-ocsp-off", checked: false),
         ocspChainCase("chain-p256-ocsp-warm-cache", checked: true, caches: .warm),
         ocspChainCase("chain-p256-ocsp-off-warm-cache", checked: false, caches: .warm),
         crlParseCase(), crlLookupCase()]
    }

    static let ocspHost = "www.p256-ocsp.certo.test"

    private static func ocspChainCase(_ name: String, checked: Bool, caches: Caches = .off) -> BenchCase {
        BenchCase(name: name, bytesPerOp: nil) {
            let directory = try BenchChainInput.chainsDirectory() + "/../ocsp/ecdsa-p256"
            let input = try BenchChainInput(directory: directory)
            guard case .success(let staple) = FileBytes.read(directory + "/ocsp.der") else {
                throw BenchChainInput.MissingChain(searched: [directory + "/ocsp.der"])
            }
            let thisUpdate = try OCSPResponse(derEncoded: staple).basic?.responses.first?.thisUpdate ?? 0
            var policy = Policy(purpose: .server, host: ocspHost, validationTime: Instant(seconds: thisUpdate + 60))
            if checked { policy.revocation = RevocationPolicy(mode: .hardFail, scope: .leaf) }
            let store = TrustStore(input.roots)
            let verifier = caches == .off ? Verifier(trustStore: store, policy: policy, signatureCache: nil, issuerKeyCache: nil)
                                          : Verifier(trustStore: store, policy: policy)
            let leafDER = input.leaf.derBytes
            let intermediateDER = input.intermediate.derBytes
            // Set-up check: the staple must answer "good", or the timing would measure a failure path.
            let chain = try verifier.verify(leaf: input.leaf, intermediates: [input.intermediate], explain: false,
                                            stapledOCSPResponse: staple)
            if checked, case .good(.ocsp(.staple, _, _)) = chain.links[0].revocation {} else if checked {
                fatalError("\(name): the staple did not answer: \(chain.links[0].revocation)")
            }
            return {
                do {
                    let leaf = try Certificate(derEncoded: leafDER)
                    let intermediate = try Certificate(derEncoded: intermediateDER)
                    _ = blackHole(try verifier.verify(leaf: leaf, intermediates: [intermediate], explain: false,
                                                      stapledOCSPResponse: checked ? staple : nil))
                } catch {
                    fatalError("\(name): verification failed during the benchmark: \(error)")
                }
            }
        }
    }

    static let crlEntryCount = 100_000

    /// A v2 CRL of `crlEntryCount` entries with serials 1...n shuffled and a dummy signature (parsing
    /// does not verify it).
    static func generatedCRL() -> [UInt8] {
        var generator = SplitMixGenerator(seed: 0x5eed)
        var serials = Array(1...crlEntryCount)
        serials.shuffle(using: &generator)
        var writer = DERWriter()
        writer.appendConstructed { (list: inout DERWriter) in
            list.appendConstructed { (tbs: inout DERWriter) in
                tbs.appendInteger(magnitude: [1])
                tbs.appendConstructed { $0.appendObjectIdentifier(content: [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]) }
                tbs.appendConstructed { (name: inout DERWriter) in
                    name.appendConstructed(tag: 0x31) { (set: inout DERWriter) in
                        set.appendConstructed { (attribute: inout DERWriter) in
                            attribute.appendObjectIdentifier(content: [0x55, 0x04, 0x03])
                            attribute.append(tag: 0x13, content: Array("Bench CRL Issuer".utf8))
                        }
                    }
                }
                tbs.append(tag: 0x17, content: Array("260101000000Z".utf8))
                tbs.append(tag: 0x17, content: Array("260201000000Z".utf8))
                tbs.appendConstructed { (entries: inout DERWriter) in
                    for serial in serials {
                        entries.appendConstructed { (entry: inout DERWriter) in
                            entry.appendInteger(magnitude: bigEndian(serial))
                            entry.append(tag: 0x17, content: Array("251201000000Z".utf8))
                        }
                    }
                }
            }
            list.appendConstructed { $0.appendObjectIdentifier(content: [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]) }
            list.append(tag: 0x03, content: [0x00, 0x30, 0x00])
        }
        return writer.bytes
    }

    static func bigEndian(_ value: Int) -> [UInt8] {
        withUnsafeBytes(of: UInt64(value).bigEndian) { Array($0.drop { $0 == 0 }) }
    }

    private static func crlParseCase() -> BenchCase {
        BenchCase(name: "crl-100k-parse", bytesPerOp: nil) {
            let der = generatedCRL()
            let crl = try CertificateRevocationList(derEncoded: der)
            guard crl.revokedCertificates.count == crlEntryCount else { fatalError("crl-100k-parse: \(crl.revokedCertificates.count) entries") }
            return { _ = blackHole(try? CertificateRevocationList(derEncoded: der)) }
        }
    }

    private static func crlLookupCase() -> BenchCase {
        BenchCase(name: "crl-100k-lookup", bytesPerOp: nil) {
            let crl = try CertificateRevocationList(derEncoded: generatedCRL())
            var generator = SplitMixGenerator(seed: 7)
            // As a certificate encodes its serial: INTEGER content octets, a leading zero before a high bit.
            let probes = (0..<1024).map { _ -> ArraySlice<UInt8> in
                let magnitude = bigEndian(Int.random(in: 1...crlEntryCount, using: &generator))
                return (magnitude[0] & 0x80 != 0 ? [0] + magnitude : magnitude)[...]
            }
            for probe in probes where crl.entry(forSerialNumber: probe) == nil { fatalError("crl-100k-lookup: \(probe) not found") }
            var next = 0
            return {
                _ = blackHole(crl.entry(forSerialNumber: probes[next & 1023]))
                next &+= 1
            }
        }
    }
}

/// A small deterministic generator, so the generated CRL is the same on every run.
struct SplitMixGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
