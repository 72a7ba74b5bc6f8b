/// Strict base64 (RFC 4648 §4): whitespace between characters is ignored, anything else outside the
/// alphabet is an error, padding must be correct and the unused bits of the last group zero.
public enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// `bytes` in base64 with padding, as ASCII bytes.
    public static func encode(_ bytes: [UInt8]) -> [UInt8] {
        var encoded: [UInt8] = []
        encoded.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index]
            let b1 = index + 1 < bytes.count ? bytes[index + 1] : 0
            let b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            encoded.append(alphabet[Int(b0 >> 2)])
            encoded.append(alphabet[Int((b0 & 0x03) << 4 | b1 >> 4)])
            encoded.append(index + 1 < bytes.count ? alphabet[Int((b1 & 0x0f) << 2 | b2 >> 6)] : UInt8(ascii: "="))
            encoded.append(index + 2 < bytes.count ? alphabet[Int(b2 & 0x3f)] : UInt8(ascii: "="))
            index += 3
        }
        return encoded
    }

    /// 0...63 for alphabet characters, 64 for '=', 65 for whitespace, 255 for anything else.
    private static let table: [UInt8] = {
        var table = [UInt8](repeating: 255, count: 256)
        for (index, character) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(character)] = UInt8(index)
        }
        table[Int(UInt8(ascii: "="))] = 64
        for space in [0x20, 0x09, 0x0d, 0x0a] { table[space] = 65 }
        return table
    }()

    public static func decode(_ text: [UInt8]) -> [UInt8]? { decode(text[...]) }

    public static func decode(_ text: ArraySlice<UInt8>) -> [UInt8]? {
        let capacity = text.count / 4 * 3 + 4  // one spare byte: groups are stored four bytes at a time
        var failed = false
        let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, count in
            let written = table.withUnsafeBufferPointer { table in
                text.withUnsafeBufferPointer { input in decode(input, table: table, into: buffer.baseAddress!) }
            }
            if let written { count = written } else { count = 0; failed = true }
        }
        return failed ? nil : output
    }

    /// Decodes `input` into `output` (room for `input.count / 4 * 3 + 4` bytes); the byte count, or nil.
    private static func decode(_ input: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>,
                               into output: UnsafeMutablePointer<UInt8>) -> Int? {
        var accumulator: UInt32 = 0
        var pending = 0
        var padding = 0
        var written = 0
        var index = 0
        let count = input.count
        while index < count {
            // Four alphabet characters with nothing pending (nearly every group): three bytes at once.
            if pending == 0 && index + 4 <= count {
                let a = table[Int(input[index])], b = table[Int(input[index + 1])]
                let c = table[Int(input[index + 2])], d = table[Int(input[index + 3])]
                if (a | b | c | d) < 64 {
                    if padding != 0 { return nil }  // data after '='
                    // The 24 bits, stored as a big-endian word whose last byte the next group overwrites.
                    let group = UInt32(a) << 26 | UInt32(b) << 20 | UInt32(c) << 14 | UInt32(d) << 8
                    UnsafeMutableRawPointer(output + written).storeBytes(of: group.bigEndian, as: UInt32.self)
                    written &+= 3
                    index &+= 4
                    continue
                }
            }
            let value = table[Int(input[index])]
            index += 1
            if value < 64 {
                if padding != 0 { return nil }  // data after '='
                accumulator = accumulator << 6 | UInt32(value)
                pending += 1
                if pending == 4 {
                    output[written] = UInt8(truncatingIfNeeded: accumulator >> 16)
                    output[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 8)
                    output[written + 2] = UInt8(truncatingIfNeeded: accumulator)
                    written += 3
                    accumulator = 0
                    pending = 0
                }
            } else if value == 64 {
                padding += 1
            } else if value != 65 {
                return nil
            }
        }
        switch (pending, padding) {
        case (0, 0):
            return written
        case (2, 2) where accumulator & 0x0f == 0:
            output[written] = UInt8(truncatingIfNeeded: accumulator >> 4)
            return written + 1
        case (3, 1) where accumulator & 0x03 == 0:
            output[written] = UInt8(truncatingIfNeeded: accumulator >> 10)
            output[written + 1] = UInt8(truncatingIfNeeded: accumulator >> 2)
            return written + 2
        default:
            return nil
        }
    }
}
