// The example's MQTT 3.1.1 encoding against the standard's own figures: the Remaining Length table of
// §2.2.3, CONNECT (§3.1, the bytes Mosquitto accepted by hand), PUBLISH at QoS 0 (§3.3), DISCONNECT,
// CONNACK (§3.2), and the reader cutting a stream at every possible boundary.
import MQTTPackets
import Testing

@Suite("MQTT 3.1.1 packets")
struct MQTTPacketTests {
    /// OASIS MQTT 3.1.1 Table 2.4: the first and last value of each encoded size.
    static let remainingLengths: [(Int, [UInt8])] = [
        (0, [0x00]), (127, [0x7F]),
        (128, [0x80, 0x01]), (16_383, [0xFF, 0x7F]),
        (16_384, [0x80, 0x80, 0x01]), (2_097_151, [0xFF, 0xFF, 0x7F]),
        (2_097_152, [0x80, 0x80, 0x80, 0x01]), (268_435_455, [0xFF, 0xFF, 0xFF, 0x7F]),
    ]

    @Test("Remaining Length, Table 2.4", arguments: remainingLengths)
    func remainingLength(_ value: Int, _ encoded: [UInt8]) throws {
        #expect(MQTTPacket.remainingLength(value) == encoded)
        var reader = MQTTPacketReader()
        reader.append([0x30] + encoded)
        // Only the header is there: the reader waits for the body (no packet, no error).
        if value > 0 { #expect(try reader.next() == nil) }
    }

    @Test("CONNECT: MQTT, level 4, clean session, keep-alive, client identifier")
    func connect() {
        let expected: [UInt8] = [0x10, 0x11, 0x00, 0x04] + Array("MQTT".utf8) + [0x04, 0x02, 0x00, 0x1E, 0x00, 0x05] + Array("probe".utf8)
        #expect(MQTTPacket.connect(clientID: "probe", keepAliveSeconds: 30) == expected)
    }

    @Test("PUBLISH at QoS 0 and DISCONNECT")
    func publish() {
        #expect(MQTTPacket.publish(topic: "a/b", payload: Array("hey".utf8)) == [0x30, 0x08, 0x00, 0x03] + Array("a/bhey".utf8))
        let long = MQTTPacket.publish(topic: "t", payload: [UInt8](repeating: 7, count: 200))
        #expect(Array(long.prefix(3)) == [0x30, 0xCB, 0x01])  // 203 = 75 + 1·128: 0x80 | 75, then 1
        #expect(MQTTPacket.disconnect == [0xE0, 0x00])
    }

    @Test("CONNACK")
    func connack() throws {
        var reader = MQTTPacketReader()
        reader.append([0x20, 0x02, 0x00, 0x00, 0x20, 0x02, 0x01, 0x05, 0x20, 0x03, 0x00, 0x00, 0x00])
        let packets = [try reader.next(), try reader.next(), try reader.next()].compactMap { $0 }
        try #require(packets.count == 3)
        let accepted = try #require(ConnAck(packets[0]))
        #expect(accepted.isAccepted && !accepted.sessionPresent)
        let refused = try #require(ConnAck(packets[1]))
        #expect(refused.returnCode == 5 && refused.sessionPresent && !refused.isAccepted)
        #expect(ConnAck(packets[2]) == nil)  // three bytes of body: not a CONNACK
    }

    @Test("the reader cuts two packets the same way at every split of the stream")
    func readerSplits() throws {
        let stream = MQTTPacket.publish(topic: "x", payload: [UInt8](repeating: 1, count: 130)) + MQTTPacket.disconnect
        for split in 0...stream.count {
            var reader = MQTTPacketReader()
            var packets: [MQTTPacketReader.Packet] = []
            for part in [stream[..<split], stream[split...]] {
                reader.append(part)
                while let packet = try reader.next() { packets.append(packet) }
            }
            #expect(packets.map(\.type) == [3, 14], "split at \(split)")
            #expect(packets.first?.body.count == 133)
        }
    }

    @Test("a Remaining Length of five bytes is refused")
    func malformedLength() {
        var reader = MQTTPacketReader()
        reader.append([0x30, 0x80, 0x80, 0x80, 0x80, 0x01])
        #expect(throws: MQTTPacketReader.ReadError.malformedRemainingLength(offset: 0)) { try reader.next() }
    }
}
