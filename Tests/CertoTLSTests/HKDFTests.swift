// HKDF (RFC 5869) against the RFC's test cases as shipped in cryptography-vectors (SHA-256 and
// SHA-1, PRK and OKM both checked) and cryptography's 1,200-byte generated vector.
import CertoHash
import CertoTestSupport
import Testing
@testable import CertoTLS

@Suite("HKDF (RFC 5869)")
struct HKDFTests {
    static let files = ["KDF/rfc-5869-HKDF-SHA256.txt", "KDF/rfc-5869-HKDF-SHA1.txt", "KDF/hkdf-generated.txt"]

    @Test("cryptography-vectors HKDF files", arguments: files)
    func vectorFile(_ file: String) throws {
        let records = parseVectorRecords(try VectorFiles.text(.cryptography, file), startKey: "COUNT")
        #expect(!records.isEmpty)
        var passed = 0
        for record in records {
            let hash: HashAlgorithm
            switch record.fields["Hash"] {
            case "SHA-256": hash = .sha256
            case "SHA-1": hash = .sha1
            default:
                Issue.record("\(file): unknown Hash \(record.fields["Hash"] ?? "nil")")
                continue
            }
            let length = Int(record.fields["L"] ?? "") ?? -1
            let prk = HKDF.extract(hash, salt: try record.bytes("salt"), inputKeyMaterial: try record.bytes("IKM"))
            let okm = HKDF.expand(hash, pseudorandomKey: prk, info: try record.bytes("info"), length: length)
            let expectedOKM = try record.bytes("OKM")
            var ok = okm == expectedOKM
            if record.fields["PRK"] != nil {
                let expectedPRK = try record.bytes("PRK")
                ok = ok && prk == expectedPRK
            }
            #expect(ok, "\(file) COUNT \(record.fields["COUNT"] ?? "?")")
            if ok { passed += 1 }
        }
        reportVectorCount(file, ran: records.count, passed: passed)
    }

    @Test("HMAC-SHA-384 with a key longer than the block (RFC 4231 test case 6)")
    func hmacLongKey() {
        let key = [UInt8](repeating: 0xaa, count: 131)
        let message = Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8)
        #expect(TestHex.encode(HMAC.authenticationCode(.sha384, key: key, message: message)) ==
            "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952")
    }
}
