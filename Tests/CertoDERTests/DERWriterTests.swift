// DERWriter against DERScanner: what the writer produces the strict reader takes back unchanged, with
// definite lengths in the fewest octets at every length-form boundary and INTEGERs minimal.
import CertoDER
import Testing

@Suite struct DERWriterTests {
    @Test(arguments: [
        (0x00, [0x00]), (0x7f, [0x7f]), (0x80, [0x81, 0x80]), (0xff, [0x81, 0xff]),
        (0x100, [0x82, 0x01, 0x00]), (0xffff, [0x82, 0xff, 0xff]), (0x10000, [0x83, 0x01, 0x00, 0x00]),
    ] as [(Int, [UInt8])])
    func lengthFormsRoundTrip(length: Int, header: [UInt8]) throws {
        let content = [UInt8](repeating: 0x5a, count: length)
        var writer = DERWriter()
        writer.appendOctetString(content)
        #expect(Array(writer.bytes.prefix(1 + header.count)) == [0x04] + header)
        #expect(writer.bytes.count == 1 + header.count + length)
        var scanner = try DERScanner<DERError>.single(writer.bytes[...], "value")
        #expect(try scanner.primitive(0x04, "value").elementsEqual(content))
        #expect(scanner.isAtEnd)
    }

    @Test(arguments: [
        ([], [0x00]), ([0x00], [0x00]), ([0x00, 0x00, 0x00], [0x00]), ([0x01], [0x01]), ([0x7f], [0x7f]),
        ([0x80], [0x00, 0x80]), ([0x00, 0x00, 0xff, 0x01], [0x00, 0xff, 0x01]), ([0x00, 0x12, 0x34], [0x12, 0x34]),
    ] as [([UInt8], [UInt8])])
    func integersAreMinimalAndNonNegative(magnitude: [UInt8], content: [UInt8]) throws {
        var writer = DERWriter()
        writer.appendInteger(magnitude: magnitude)
        #expect(writer.bytes == [0x02, UInt8(content.count)] + content)
        var scanner = try DERScanner<DERError>.single(writer.bytes[...], "n")
        #expect(try scanner.unsignedInteger("n").elementsEqual(magnitude.drop { $0 == 0 }))
    }

    @Test func nestedStructureRoundTrips() throws {
        let oid = ObjectIdentifierEncoding.encode("1.3.6.1.5.5.7.48.1.2")!
        var writer = DERWriter()
        writer.appendConstructed { (outer: inout DERWriter) in
            outer.appendConstructed { (algorithm: inout DERWriter) in
                algorithm.appendObjectIdentifier(content: oid)
                algorithm.appendNull()
            }
            outer.appendInteger(magnitude: [0xde, 0xad])
            outer.appendConstructed(tag: 0xa2) { (tagged: inout DERWriter) in
                tagged.appendOctetString([UInt8](repeating: 7, count: 300))
            }
            outer.appendEncoded([0x01, 0x01, 0xff])
            outer.append(tag: 0x82, content: [0x41])
        }
        var top = try DERScanner<DERError>.singleSequence(writer.bytes[...], "outer")
        var algorithm = try top.enter(0x30, "algorithm")
        #expect(ObjectIdentifierEncoding.dotted(try algorithm.objectIdentifier("oid")) == "1.3.6.1.5.5.7.48.1.2")
        try algorithm.null("null")
        try algorithm.finish("algorithm")
        #expect(try top.unsignedInteger("n").elementsEqual([0xde, 0xad]))
        var tagged = try top.explicit(0xa2, "tagged")
        #expect(try tagged.primitive(0x04, "octets").count == 300)
        #expect(try top.boolean("flag"))
        #expect(try top.primitive(0x82, "implicit").elementsEqual([0x41]))
        try top.finish("outer")
    }

    @Test func closureErrorsPropagate() {
        struct Stop: Error {}
        var writer = DERWriter()
        #expect(throws: Stop.self) {
            try writer.appendConstructed { (_: inout DERWriter) throws(Stop) in throw Stop() }
        }
        #expect(writer.bytes.isEmpty)
    }
}
