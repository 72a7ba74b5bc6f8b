// Seeded mutations of a valid P-256 key and signature: parsing never traps, every mutated DER
// signature is refused (strict DER has one encoding per (r, s), so any changed byte changes the
// signature or breaks the encoding), and a truncated or extended input never parses.
import CertoSignature
import Testing

private let spki = ECDSATestHex.decode("3059301306072a8648ce3d020106082a8648ce3d030107034200040147fa8d6a4e13e827b06a0347288ce8b538959514319ce49172399ae7045a1ff629138d88573abc387805ba75aec05fcad8ba33e4e6cc6bdca35d93c6f24cd3")!
private let signature = ECDSATestHex.decode("3045022100f9066ae62c38710edc5e371a28f43e7a213132e4c80ea196f60cdaf8cacdf164022047dd98a59c75dd75fec9f506f72e3513db7db0491e4c6cb5638408c76f80a2fa")!
/// SHA-256("certo bench message"), the message this signature was made over with openssl.
private let digest = ECDSATestHex.decode("6cc3afc3a5bf54b1f009ba1f3943a5543f6885b878486d474e49290fd6a34dbb")!

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
        var generator = SeededGenerator(state: 0xec)
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
        var generator = SeededGenerator(state: 0x5b1)
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
