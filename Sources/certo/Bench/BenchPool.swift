// Large-pool cases for `certo bench`, on chain-rsa2048's chain:
// - pool-50k: verify the leaf (with a host name) against a pool of 50,000 intermediates, parsed once
//   (an IntermediatePool, as `certo verify --untrusted` keeps it): 49,999 look-alikes whose subject
//   names nobody's issuer, and the real intermediate. Each operation is a whole verification; the
//   pool's search index is built on first use and kept, so the cost should stay near chain-rsa2048's.
// - pool-50k-parse: parsing the 50,000 certificates into the pool.
// The look-alikes are the intermediate's DER with its subject's common name replaced by another of
// the same length ("Pool CA" and a number), so every one parses; their signatures are never checked.
import Certo

extension BenchRegistry {
    static var poolCases: [BenchCase] { [poolVerifyCase(), poolParseCase()] }

    static let poolSize = 50_000

    static func poolDER(_ input: BenchChainInput) throws -> [[UInt8]] {
        let template = input.intermediate.derBytes
        let name = Array("Certo Test RSA 2048 M01".utf8)
        guard let at = template.indices.first(where: { template[$0...].starts(with: name) }) else {
            throw BenchChainInput.MissingChain(searched: ["the intermediate's subject common name"])
        }
        var pool: [[UInt8]] = [template]
        pool.reserveCapacity(poolSize)
        for number in 1..<poolSize {
            let digits = Array(String(number).utf8)
            let replacement = Array("Pool CA ".utf8) + Array(repeating: UInt8(ascii: "0"), count: name.count - 8 - digits.count) + digits
            var copy = template
            copy.replaceSubrange(at..<(at + name.count), with: replacement)
            pool.append(copy)
        }
        return pool
    }

    private static func poolVerifyCase() -> BenchCase {
        BenchCase(name: "pool-50k", bytesPerOp: nil) {
            let input = try BenchChainInput(folder: "aws-iot-rsa2048")
            let pool = IntermediatePool(encoded: try poolDER(input))
            guard pool.certificates.count == poolSize else { fatalError("pool-50k: \(pool.skipped.count) certificates refused") }
            let policy = Policy(purpose: .server, host: "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test",
                                validationTime: BenchChainInput.validationTime)
            let verifier = Verifier(trustStore: TrustStore(input.roots), policy: policy, signatureCache: nil, issuerKeyCache: nil)
            let leafDER = input.leaf.derBytes
            _ = try verifier.verify(encodedLeaf: leafDER, pool: pool)
            return {
                do {
                    _ = blackHole(try verifier.verify(encodedLeaf: leafDER, pool: pool))
                } catch {
                    fatalError("pool-50k: verification failed during the benchmark: \(error)")
                }
            }
        }
    }

    private static func poolParseCase() -> BenchCase {
        BenchCase(name: "pool-50k-parse", bytesPerOp: nil) {
            let der = try poolDER(try BenchChainInput(folder: "aws-iot-rsa2048"))
            return { _ = blackHole(IntermediatePool(encoded: der)) }
        }
    }
}
