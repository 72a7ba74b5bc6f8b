// CertoDER's scanner on hand-written DER: what X.690 DER allows it reads, what it does not it refuses
// with the offset and field of the element at fault.
import CertoDER
import Testing

@Suite struct DERScannerTests {
    private func scanner(_ bytes: [UInt8]) -> DERScanner<DERError> { DERScanner(bytes[...]) }

    @Test func readsNestedElementsWithAbsoluteOffsets() throws {
        // SEQUENCE { INTEGER 5, SEQUENCE { BOOLEAN TRUE, OID 1.2.3 } }
        let der: [UInt8] = [0x30, 0x0c, 0x02, 0x01, 0x05, 0x30, 0x07, 0x01, 0x01, 0xff, 0x06, 0x02, 0x2a, 0x03]
        var outer = scanner(der)
        var sequence = try outer.enter(0x30, "outer")
        #expect(try sequence.smallNonNegativeInteger("number") == 5)
        var inner = try sequence.enter(0x30, "inner")
        #expect(try inner.boolean("flag"))
        let oid = try inner.objectIdentifier("oid")
        #expect(oid.startIndex == 12)
        #expect(ObjectIdentifierEncoding.dotted(oid) == "1.2.3")
        try inner.finish("inner")
        try sequence.finish("outer")
        #expect(outer.isAtEnd)
    }

    @Test(arguments: [
        ([0x30, 0x81, 0x01, 0x05], DERError.malformedDER(offset: 0, problem: .invalidLength)),   // long form for 1
        ([0x30, 0x80, 0x00, 0x00], .malformedDER(offset: 0, problem: .invalidLength)),           // indefinite
        ([0x30, 0x82, 0x00, 0x81] + [UInt8](repeating: 0, count: 0x81), .malformedDER(offset: 0, problem: .invalidLength)), // leading zero
        ([0x30, 0x05, 0x02, 0x01], .malformedDER(offset: 0, problem: .truncated)),
        ([0x1f, 0x81, 0x00, 0x00], .unexpectedElement(field: "element", offset: 0, tag: 0x1f)),  // high tag number
        ([0x00, 0x00], .unexpectedElement(field: "element", offset: 0, tag: 0x00)),              // end-of-contents
    ] as [([UInt8], DERError)])
    func framingErrors(der: [UInt8], expected: DERError) {
        #expect(throws: expected) { _ = try DERScanner<DERError>.single(der[...], "element") }
    }

    @Test func nestingDeeperThan32IsRefused() {
        var der: [UInt8] = [0x05, 0x00]
        for _ in 0..<33 { der = [0x30, UInt8(der.count)] + der }
        // The 33rd SEQUENCE, at byte 64, is one level too many.
        #expect(throws: DERError.malformedDER(offset: 64, problem: .tooDeep)) { _ = try DERScanner<DERError>.single(der[...], "deep") }
        #expect(throws: Never.self) { _ = try DERScanner<DERError>.single(der[2...], "deep") }
    }

    @Test func valueRules() {
        #expect(throws: DERError.invalidEncoding(field: "n", offset: 0, problem: .integer)) {
            var s = scanner([0x02, 0x02, 0x00, 0x05]); _ = try s.integer("n")                  // non-minimal
        }
        #expect(throws: DERError.valueOutOfRange(field: "n", offset: 0)) {
            var s = scanner([0x02, 0x01, 0xff]); _ = try s.unsignedInteger("n")                 // negative
        }
        #expect((try? { var s = scanner([0x02, 0x01, 0xfe]); return try s.smallInteger("n") }()) == -2)
        #expect(throws: DERError.invalidEncoding(field: "b", offset: 0, problem: .boolean)) {
            var s = scanner([0x01, 0x01, 0x01]); _ = try s.boolean("b")
        }
        #expect(throws: DERError.invalidEncoding(field: "bits", offset: 0, problem: .bitString)) {
            var s = scanner([0x03, 0x02, 0x01, 0x01]); _ = try s.bitString("bits")              // padding bit set
        }
        #expect(throws: DERError.invalidEncoding(field: "list", offset: 0, problem: .emptySequence)) {
            var s = scanner([0x30, 0x00]); _ = try s.enterNonEmpty(0x30, "list")
        }
        #expect(throws: DERError.trailingElements(field: "pair", offset: 4)) {
            var s = scanner([0x30, 0x04, 0x05, 0x00, 0x05, 0x00])
            var pair = try s.enter(0x30, "pair"); try pair.null("first"); try pair.finish("pair")
        }
    }
}
