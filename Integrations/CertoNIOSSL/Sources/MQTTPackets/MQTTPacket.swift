// The MQTT 3.1.1 packets a device needs to say hello, publish one message and leave (OASIS MQTT
// 3.1.1 §2 and §3): CONNECT, PUBLISH at QoS 0 and DISCONNECT as bytes, CONNACK read back, and a reader
// that cuts a byte stream into packets by their fixed header. Not a client: no QoS 1/2, no
// subscriptions, no will, no keep-alive pings.

public enum MQTTPacket {
    /// Control packet types (§2.2.1), the high nibble of the first byte.
    public enum PacketType: UInt8, Sendable {
        case connect = 1, connack = 2, publish = 3, disconnect = 14
    }

    /// The largest Remaining Length four bytes can carry (§2.2.3).
    public static let maximumRemainingLength = 268_435_455

    /// §2.2.3: seven bits per byte, least significant group first, high bit set while more follow.
    public static func remainingLength(_ length: Int) -> [UInt8] {
        precondition(length >= 0 && length <= maximumRemainingLength, "MQTT remaining length out of range")
        var bytes: [UInt8] = []
        var rest = length
        repeat {
            var byte = UInt8(rest % 128)
            rest /= 128
            if rest > 0 { byte |= 0x80 }
            bytes.append(byte)
        } while rest > 0
        return bytes
    }

    /// §1.5.3: a UTF-8 string as a two-byte big-endian length and its bytes (at most 65,535 bytes).
    static func string(_ text: String) -> [UInt8] {
        let bytes = Array(text.utf8)
        precondition(bytes.count <= 0xFFFF, "MQTT string longer than 65535 bytes")
        return [UInt8(bytes.count >> 8), UInt8(bytes.count & 0xFF)] + bytes
    }

    static func packet(_ type: PacketType, flags: UInt8 = 0, _ body: [UInt8]) -> [UInt8] {
        [type.rawValue << 4 | flags] + remainingLength(body.count) + body
    }

    /// §3.1: protocol name "MQTT", level 4, Clean Session set, no will, user name or password.
    public static func connect(clientID: String, keepAliveSeconds: UInt16 = 60) -> [UInt8] {
        let cleanSession: UInt8 = 0x02
        let variableHeader = string("MQTT") + [4, cleanSession, UInt8(keepAliveSeconds >> 8), UInt8(keepAliveSeconds & 0xFF)]
        return packet(.connect, variableHeader + string(clientID))
    }

    /// §3.3 at QoS 0: no packet identifier, DUP and RETAIN clear.
    public static func publish(topic: String, payload: [UInt8]) -> [UInt8] {
        packet(.publish, string(topic) + payload)
    }

    /// §3.14.
    public static let disconnect: [UInt8] = [PacketType.disconnect.rawValue << 4, 0]
}

/// §3.2: the broker's answer to CONNECT.
public struct ConnAck: Sendable, Equatable {
    public let sessionPresent: Bool
    /// 0 accepted; 1 unacceptable protocol version, 2 identifier rejected, 3 server unavailable,
    /// 4 bad user name or password, 5 not authorized (§3.2.2.3).
    public let returnCode: UInt8

    public var isAccepted: Bool { returnCode == 0 }

    /// From a packet the reader cut: type CONNACK, flags 0, a body of exactly two bytes.
    public init?(_ packet: MQTTPacketReader.Packet) {
        guard packet.type == MQTTPacket.PacketType.connack.rawValue, packet.flags == 0, packet.body.count == 2,
              packet.body[0] & 0xFE == 0 else { return nil }
        sessionPresent = packet.body[0] & 1 == 1
        returnCode = packet.body[1]
    }
}

/// Cuts a byte stream into MQTT packets by their fixed header (§2.2).
public struct MQTTPacketReader: Sendable {
    public struct Packet: Sendable, Equatable {
        public let type: UInt8
        public let flags: UInt8
        public let body: [UInt8]
    }

    public enum ReadError: Error, Sendable, Equatable {
        /// A Remaining Length of more than four bytes (§2.2.3), at this offset of the stream.
        case malformedRemainingLength(offset: Int)
    }

    private var buffer: [UInt8] = []
    private var consumed = 0

    public init() {}

    public mutating func append(_ bytes: some Sequence<UInt8>) { buffer.append(contentsOf: bytes) }

    /// The next whole packet, or nil until more bytes arrive.
    public mutating func next() throws(ReadError) -> Packet? {
        guard !buffer.isEmpty else { return nil }
        var length = 0
        var multiplier = 1
        var index = 1
        while true {
            guard index <= 4 else { throw .malformedRemainingLength(offset: consumed) }
            guard index < buffer.count else { return nil }
            let byte = buffer[index]
            length += Int(byte & 0x7F) * multiplier
            multiplier *= 128
            index += 1
            if byte & 0x80 == 0 { break }
        }
        guard buffer.count - index >= length else { return nil }
        let packet = Packet(type: buffer[0] >> 4, flags: buffer[0] & 0x0F, body: Array(buffer[index..<index + length]))
        buffer.removeFirst(index + length)
        consumed += index + length
        return packet
    }
}
