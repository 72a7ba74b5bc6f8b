// A key's precomputed tables are made on its second verification and then shared by every copy of
// the key, across threads. Many tasks verifying with one key while the tables are being built must
// all get the right answers, valid and invalid alike.
import CertoSignature
import Testing

@Suite("ECDSA key shared across tasks")
struct ECDSAKeySharingTests {
    @Test func concurrentVerificationsAgree() async throws {
        let key = try ECDSAPublicKey(subjectPublicKeyInfoDER: ECDSAReference.p256SPKI)
        var wrongDigest = ECDSAReference.p256Digest
        wrongDigest[31] ^= 0x80
        let badDigest = wrongDigest
        let rounds = 12
        let results = await withTaskGroup(of: (Int, Int).self) { group in
            for _ in 0..<8 {
                group.addTask {
                    var accepted = 0
                    var refused = 0
                    for _ in 0..<rounds {
                        if key.isValidSignature(derSignature: ECDSAReference.p256Signature, digest: ECDSAReference.p256Digest) { accepted += 1 }
                        if !key.isValidSignature(derSignature: ECDSAReference.p256Signature, digest: badDigest) { refused += 1 }
                    }
                    return (accepted, refused)
                }
            }
            var all: [(Int, Int)] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(results.count == 8)
        for (accepted, refused) in results {
            #expect(accepted == rounds)
            #expect(refused == rounds)
        }
    }
}
