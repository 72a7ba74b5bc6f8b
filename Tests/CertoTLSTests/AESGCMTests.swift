// AES-GCM decryption against NIST's CAVS gcmDecrypt vectors (as shipped in cryptography-vectors):
// every record either authenticates and yields PT, or is marked FAIL and must be refused. Also the
// encryption direction, checked by sealing each passing vector's PT and comparing CT and tag.
import CertoTestSupport
import Testing
@testable import CertoTLS

@Suite("AES-GCM (NIST SP 800-38D CAVS)")
struct AESGCMTests {
    static let files = [
        "ciphers/AES/GCM/gcmDecrypt128.rsp",
        "ciphers/AES/GCM/gcmDecrypt192.rsp",
        "ciphers/AES/GCM/gcmDecrypt256.rsp",
    ]

    @Test("gcmDecrypt files", arguments: files)
    func decryptFile(_ file: String) throws {
        let records = parseVectorRecords(try VectorFiles.text(.cryptography, file), startKey: "Count")
        #expect(records.count > 1000)
        var passed = 0
        var failures = 0
        for record in records {
            guard let gcm = AESGCM(key: try record.bytes("Key")) else {
                Issue.record("\(file): bad key length")
                continue
            }
            let nonce = try record.bytes("IV")
            let ciphertext = try record.bytes("CT")
            let aad = try record.bytes("AAD")
            let tag = try record.bytes("Tag")
            let opened = gcm.open(nonce: nonce, ciphertext: ciphertext, aad: aad, tag: tag)
            var ok: Bool
            if record.flags.contains("FAIL") {
                ok = opened == nil
            } else {
                let plaintext = try record.bytes("PT")
                ok = opened == plaintext
                let sealed = gcm.seal(nonce: nonce, plaintext: plaintext, aad: aad)
                ok = ok && sealed.ciphertext == ciphertext && Array(sealed.tag.prefix(tag.count)) == tag
            }
            if !ok && failures < 5 {
                Issue.record("\(file) Count \(record.fields["Count"] ?? "?") (IV \(nonce.count) bytes, tag \(tag.count))")
                failures += 1
            }
            if ok { passed += 1 }
        }
        #expect(passed == records.count)
        reportVectorCount(file, ran: records.count, passed: passed)
    }

    @Test("AES block cipher: FIPS 197 Appendix C examples")
    func fips197() throws {
        let plaintext = TestHex.bytes("00112233445566778899aabbccddeeff")
        let cases = [
            ("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a"),
            ("000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191"),
            ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089"),
        ]
        for (key, expected) in cases {
            let aes = try #require(AES(key: TestHex.bytes(key)))
            #expect(TestHex.encode(aes.encryptBlock(plaintext)) == expected)
        }
        #expect(AES(key: [UInt8](repeating: 0, count: 15)) == nil)
    }
}
