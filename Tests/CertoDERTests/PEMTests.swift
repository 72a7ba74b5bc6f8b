// CertoDER's PEM and base64: encoding checked against Foundation's base64 as an oracle, blocks read
// back as written, and the tolerant reader keeping the good blocks around a damaged one.
import CertoDER
import Foundation
import Testing

@Suite struct PEMTests {
    @Test func base64MatchesFoundation() {
        var generator = SystemRandomNumberGenerator()
        for length in 0..<200 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &generator) }
            let encoded = Base64.encode(bytes)
            #expect(String(decoding: encoded, as: UTF8.self) == Data(bytes).base64EncodedString())
            #expect(Base64.decode(encoded) == bytes)
        }
    }

    @Test func encodedBlocksReadBack() throws {
        let first = [UInt8](repeating: 0x30, count: 100), second: [UInt8] = [0x05, 0x00]
        let text = PEM.encode(label: "CERTIFICATE", der: first) + "between\n" + PEM.encode(label: "PUBLIC KEY", der: second)
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 64 })
        let blocks = try PEM.blocks(Array(text.utf8))
        #expect(blocks.map(\.label) == ["CERTIFICATE", "PUBLIC KEY"])
        #expect(blocks.map(\.der) == [first, second])
        #expect(blocks.map(\.line) == [1, 7])  // 100 bytes take three lines of base64
    }

    @Test func wellFormedBlocksSkipOnlyTheDamagedOne() throws {
        let good = PEM.encode(label: "CERTIFICATE", der: [0x05, 0x00])
        let badBase64 = "-----BEGIN CERTIFICATE-----\nBQ!A\n-----END CERTIFICATE-----\n"
        let unterminated = "-----BEGIN CERTIFICATE-----\nBQA=\n"
        for damaged in [badBase64, unterminated, "-----BEGIN CERTIFICATE\n", "-----END CERTIFICATE-----\n"] {
            let text = Array((good + damaged + good).utf8)
            #expect(throws: PEMError.self) { _ = try PEM.blocks(text) }
            #expect(PEM.wellFormedBlocks(text).count == 2, "\(damaged)")
        }
    }
}
