// Seeded mutations of a valid P-256 key and signature: parsing never traps, every mutated DER
// signature is refused (strict DER has one encoding per (r, s), so any changed byte changes the
// signature or breaks the encoding), and a truncated or extended input never parses.
import CertoSignature
import CertoTestSupport
import Testing

private let spki = ECDSAReference.p256SPKI
private let signature = ECDSAReference.p256Signature
private let digest = ECDSAReference.p256Digest

@Suite("ECDSA mutated inputs")
struct ECDSAMutationTests {
    @Test func referenceVerifies() throws {
        let key = try ECDSAPublicKey(subjectPublicKeyInfoDER: spki)
        #expect(key.isValidSignature(derSignature: signature, digest: digest))
        var otherDigest = digest
        otherDigest[0] ^= 1
        #expect(!key.isValidSignature(derSignature: signature, digest: otherDigest))
    }

    @Test func mutatedSignaturesAreRefused() throws {
        let key = try ECDSAPublicKey(subjectPublicKeyInfoDER: spki)
        var generator = SplitMix64(state: 0xec)
        var refused = 0
        let trials = 300
        for _ in 0..<trials {
            var mutated = signature
            let index = Int(generator.next() % UInt64(mutated.count))
            mutated[index] ^= UInt8(truncatingIfNeeded: generator.next() % 255 + 1)
            if !key.isValidSignature(derSignature: mutated, digest: digest) { refused += 1 }
        }
        #expect(refused == trials)
        for length in 0..<signature.count {
            #expect(!key.isValidSignature(derSignature: Array(signature.prefix(length)), digest: digest))
        }
        #expect(!key.isValidSignature(derSignature: signature + [0], digest: digest))
    }

    @Test func mutatedKeysNeverTrap() {
        var generator = SplitMix64(state: 0x5b1)
        var parsed = 0
        for _ in 0..<3000 {
            var mutated = spki
            for _ in 0..<(1 + Int(generator.next() % 3)) {
                let index = Int(generator.next() % UInt64(mutated.count))
                mutated[index] = UInt8(truncatingIfNeeded: generator.next())
            }
            if (try? ECDSAPublicKey(subjectPublicKeyInfoDER: mutated)) != nil { parsed += 1 }
        }
        // A changed coordinate almost never stays on the curve; the count is printed for the record.
        print("mutated SPKI accepted: \(parsed) of 3000")
        #expect(parsed < 3000)
        for length in 0..<spki.count {
            #expect((try? ECDSAPublicKey(subjectPublicKeyInfoDER: Array(spki.prefix(length)))) == nil)
        }
    }
}
