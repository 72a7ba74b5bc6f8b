// RSASSA-PSS-params (RFC 4055 §3.1) as CertoDER reads them for both CertoX509 and CertoSignature:
// absent fields stay nil or default, MGF1's hash is found, other mask functions are skipped whole,
// and a negative salt, a trailer other than 1 or fields out of order are refused.
import CertoDER
import Testing

@Suite struct RSASSAPSSParameterFieldsTests {
    private static let sha256: [UInt8] = [0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01]
    private static let sha256Content = Array(sha256.dropFirst(2))
    private static let mgf1: [UInt8] = [0x06, 0x09] + RSASSAPSSParameterFields.mgf1

    private static func tlv(_ tag: UInt8, _ content: [UInt8]) -> [UInt8] { [tag, UInt8(content.count)] + content }

    private func fields(_ content: [UInt8]) throws(DERError) -> RSASSAPSSParameterFields {
        let der = Self.tlv(0x30, content)
        var scanner = DERScanner<DERError>(der[...])
        let fields = try RSASSAPSSParameterFields(&scanner)
        try scanner.finish("")
        return fields
    }

    @Test func emptySequenceMeansEveryDefault() throws {
        let read = try fields([])
        #expect(read.hashAlgorithm == nil && read.maskGenAlgorithm == nil && read.maskGenHash == nil)
        #expect(read.saltLength == 20)
    }

    @Test func sha256EverywhereWithSalt32AndExplicitTrailer() throws {
        let hash = Self.tlv(0xa0, Self.tlv(0x30, Self.sha256 + [0x05, 0x00]))
        let mask = Self.tlv(0xa1, Self.tlv(0x30, Self.mgf1 + Self.tlv(0x30, Self.sha256)))   // hash parameters absent
        let salt = Self.tlv(0xa2, [0x02, 0x01, 0x20])
        let trailer = Self.tlv(0xa3, [0x02, 0x01, 0x01])
        let read = try fields(hash + mask + salt + trailer)
        #expect(read.hashAlgorithm.map(Array.init) == Self.sha256Content)
        #expect(read.maskGenAlgorithm.map(Array.init) == RSASSAPSSParameterFields.mgf1)
        #expect(read.maskGenHash.map(Array.init) == Self.sha256Content)
        #expect(read.saltLength == 32)
    }

    @Test func anotherMaskFunctionIsSkippedWithItsParameters() throws {
        let other: [UInt8] = [0x06, 0x03, 0x2a, 0x03, 0x04]
        let read = try fields(Self.tlv(0xa1, Self.tlv(0x30, other + Self.tlv(0x30, [0x02, 0x01, 0x07]))))
        #expect(read.maskGenAlgorithm.map(Array.init) == [0x2a, 0x03, 0x04])
        #expect(read.maskGenHash == nil)
    }

    @Test(arguments: [
        (tlv(0xa2, [0x02, 0x01, 0xff]), DERError.valueOutOfRange(field: "saltLength", offset: 4)),
        (tlv(0xa3, [0x02, 0x01, 0x02]), .valueOutOfRange(field: "trailerField", offset: 4)),
        // saltLength before hashAlgorithm: the hash is left over.
        (tlv(0xa2, [0x02, 0x01, 0x14]) + tlv(0xa0, tlv(0x30, sha256)), .trailingElements(field: "", offset: 7)),
        // MGF1 whose parameters are not a hash AlgorithmIdentifier.
        (tlv(0xa1, tlv(0x30, mgf1 + [0x05, 0x00])), .unexpectedElement(field: "maskGenAlgorithm.parameters", offset: 17, tag: 0x05)),
    ] as [([UInt8], DERError)])
    func refused(content: [UInt8], expected: DERError) {
        #expect(throws: expected) { _ = try fields(content) }
    }
}
