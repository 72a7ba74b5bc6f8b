// ChaCha20-Poly1305 (RFC 8439) against cryptography-vectors: BoringSSL's AEAD vectors (RFC 7539
// §2.8.2 and padding edge cases; quoted values are ASCII) and OpenSSL's, where a record marked
// "Result = CIPHERFINAL_ERROR" has a bad tag and must be refused.
import CertoTestSupport
import Testing
@testable import CertoTLS

@Suite("ChaCha20-Poly1305 (RFC 8439)")
struct ChaCha20Poly1305Tests {
    /// Hex, or a double-quoted ASCII string as BoringSSL's file writes short values.
    static func value(_ record: VectorRecord, _ key: String) throws -> [UInt8] {
        guard let text = record.fields[key] else { throw VectorRecordError.missingField(key) }
        if text.hasPrefix("\"") && text.hasSuffix("\"") && text.count >= 2 {
            return Array(text.dropFirst().dropLast().utf8)
        }
        return TestHex.bytes(text)
    }

    struct Layout: Sendable, CustomStringConvertible {
        let file: String, key: String, nonce: String, aad: String, plaintext: String, ciphertext: String, tag: String
        var description: String { file }
    }

    static let layouts = [
        Layout(file: "ciphers/ChaCha20Poly1305/boringssl.txt", key: "KEY", nonce: "NONCE", aad: "AD", plaintext: "IN", ciphertext: "CT", tag: "TAG"),
        Layout(file: "ciphers/ChaCha20Poly1305/openssl.txt", key: "Key", nonce: "IV", aad: "AAD", plaintext: "Plaintext", ciphertext: "Ciphertext", tag: "Tag"),
    ]

    @Test("AEAD vector files", arguments: layouts)
    func vectorFile(_ layout: Layout) throws {
        let records = parseVectorRecords(try VectorFiles.text(.cryptography, layout.file), startKey: "COUNT")
        #expect(!records.isEmpty)
        var passed = 0
        for record in records {
            let aead = try #require(ChaCha20Poly1305(key: try Self.value(record, layout.key)))
            let nonce = try Self.value(record, layout.nonce)
            let aad = try Self.value(record, layout.aad)
            let plaintext = try Self.value(record, layout.plaintext)
            let ciphertext = try Self.value(record, layout.ciphertext)
            let tag = try Self.value(record, layout.tag)
            let opened = aead.open(nonce: nonce, ciphertext: ciphertext, aad: aad, tag: tag)
            let ok: Bool
            if record.fields["Result"] == "CIPHERFINAL_ERROR" {
                ok = opened == nil
            } else {
                let sealed = aead.seal(nonce: nonce, plaintext: plaintext, aad: aad)
                ok = opened == plaintext && sealed.ciphertext == ciphertext && sealed.tag == tag
            }
            #expect(ok, "\(layout.file) COUNT \(record.fields["COUNT"] ?? "?")")
            if ok { passed += 1 }
        }
        reportVectorCount(layout.file, ran: records.count, passed: passed)
    }

    @Test("ChaCha20 block function: RFC 8439 §2.3.2")
    func blockFunction() throws {
        let key = TestHex.bytes("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f")
        let cipher = try #require(ChaCha20Poly1305(key: key))
        let block = cipher.block(nonce: TestHex.bytes("000000090000004a00000000"), counter: 1)
        #expect(TestHex.encode(block) == "10f1e7e4d13b5915500fdd1fa32071c4c7d1f4c733c068030422aa9ac3d46c4e"
            + "d2826446079faa0914c2d705d98b02a2b5129cd1de164eb9cbd083e8a2503c4e")
    }

    @Test("Poly1305: RFC 8439 §2.5.2")
    func poly1305() {
        var mac = Poly1305(key: TestHex.bytes("85d6be7857556d337f4452fe42d506a80103808afb0db2fd4abff6af4149f51b"))
        mac.update(Array("Cryptographic Forum Research Group".utf8), padToBlock: false)
        #expect(TestHex.encode(mac.finalize()) == "a8061dc1305136c6c22b8baf0c0127a9")
    }
}
