// A small strict JSON reader (RFC 8259) for the CLI's JSON-lines requests (`certo sigverify --jsonl`,
// `certo verify --jsonl`), so the CLI does not
// link Foundation (which would cost start-up time on every `certo` run). It reads one value per line,
// bounds nesting depth, and reports where a line went wrong; it does not write JSON.

package enum JSONValue: Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([String: JSONValue])

    package struct ParseError: Error, CustomStringConvertible {
        package let offset: Int
        package let reason: String
        package var description: String { "\(reason) at byte \(offset)" }
    }

    /// Parses exactly one JSON value, with only white space around it.
    package static func parse(_ text: String) throws(ParseError) -> JSONValue {
        var reader = Reader(bytes: Array(text.utf8))
        reader.skipWhitespace()
        let value = try reader.value(depth: 0)
        reader.skipWhitespace()
        guard reader.offset == reader.bytes.count else { throw ParseError(offset: reader.offset, reason: "trailing characters") }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var offset = 0
        static let maximumDepth = 32

        mutating func skipWhitespace() {
            while offset < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[offset]) { offset += 1 }
        }

        func fail(_ reason: String) -> ParseError { ParseError(offset: offset, reason: reason) }

        mutating func value(depth: Int) throws(ParseError) -> JSONValue {
            guard depth < Self.maximumDepth else { throw fail("nesting too deep") }
            guard offset < bytes.count else { throw fail("unexpected end of input") }
            switch bytes[offset] {
            case UInt8(ascii: "{"): return try object(depth: depth)
            case UInt8(ascii: "["): return try array(depth: depth)
            case UInt8(ascii: "\""): return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            default: return .number(try number())
            }
        }

        mutating func literal(_ word: String) throws(ParseError) {
            let expected = Array(word.utf8)
            guard bytes.count - offset >= expected.count, Array(bytes[offset..<offset + expected.count]) == expected else {
                throw fail("invalid literal")
            }
            offset += expected.count
        }

        mutating func object(depth: Int) throws(ParseError) -> JSONValue {
            offset += 1
            var members: [String: JSONValue] = [:]
            skipWhitespace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
            while true {
                skipWhitespace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else { throw fail("expected a member name") }
                let name = try string()
                guard members[name] == nil else { throw fail("duplicate member \"\(name)\"") }
                skipWhitespace()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                offset += 1
                skipWhitespace()
                members[name] = try value(depth: depth + 1)
                skipWhitespace()
                guard offset < bytes.count else { throw fail("unterminated object") }
                if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                if bytes[offset] == UInt8(ascii: "}") { offset += 1; return .object(members) }
                throw fail("expected ',' or '}'")
            }
        }

        mutating func array(depth: Int) throws(ParseError) -> JSONValue {
            offset += 1
            var elements: [JSONValue] = []
            skipWhitespace()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(elements) }
            while true {
                skipWhitespace()
                elements.append(try value(depth: depth + 1))
                skipWhitespace()
                guard offset < bytes.count else { throw fail("unterminated array") }
                if bytes[offset] == UInt8(ascii: ",") { offset += 1; continue }
                if bytes[offset] == UInt8(ascii: "]") { offset += 1; return .array(elements) }
                throw fail("expected ',' or ']'")
            }
        }

        /// A string's UTF-8 is gathered as bytes and decoded once (a PEM value has an escaped newline
        /// every 64 characters: building the String piece by piece cost more than the verification).
        mutating func string() throws(ParseError) -> String {
            offset += 1  // opening quote
            var utf8: [UInt8] = []
            var chunkStart = offset
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    utf8.append(contentsOf: bytes[chunkStart..<offset])
                    offset += 1
                    return String(decoding: utf8, as: UTF8.self)
                }
                if byte < 0x20 { throw fail("control character in string") }
                if byte == UInt8(ascii: "\\") {
                    utf8.append(contentsOf: bytes[chunkStart..<offset])
                    offset += 1
                    guard offset < bytes.count else { break }
                    let escape = bytes[offset]
                    offset += 1
                    switch escape {
                    case UInt8(ascii: "\""): utf8.append(UInt8(ascii: "\""))
                    case UInt8(ascii: "\\"): utf8.append(UInt8(ascii: "\\"))
                    case UInt8(ascii: "/"): utf8.append(UInt8(ascii: "/"))
                    case UInt8(ascii: "b"): utf8.append(0x08)
                    case UInt8(ascii: "f"): utf8.append(0x0C)
                    case UInt8(ascii: "n"): utf8.append(0x0A)
                    case UInt8(ascii: "r"): utf8.append(0x0D)
                    case UInt8(ascii: "t"): utf8.append(0x09)
                    case UInt8(ascii: "u"): utf8.append(contentsOf: String(Character(try unicodeEscape())).utf8)
                    default: throw fail("invalid escape")
                    }
                    chunkStart = offset
                    continue
                }
                offset += 1
            }
            throw fail("unterminated string")
        }

        /// After `\u`: four hex digits, combining a surrogate pair when one follows.
        mutating func unicodeEscape() throws(ParseError) -> Unicode.Scalar {
            let high = try hexQuad()
            if (0xD800...0xDBFF).contains(high) {
                guard bytes.count - offset >= 6, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                    throw fail("unpaired surrogate")
                }
                offset += 2
                let low = try hexQuad()
                guard (0xDC00...0xDFFF).contains(low) else { throw fail("unpaired surrogate") }
                let combined = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                return Unicode.Scalar(combined)!
            }
            guard let scalar = Unicode.Scalar(high) else { throw fail("unpaired surrogate") }
            return scalar
        }

        mutating func hexQuad() throws(ParseError) -> UInt32 {
            guard bytes.count - offset >= 4 else { throw fail("short \\u escape") }
            var value: UInt32 = 0
            for _ in 0..<4 {
                let c = bytes[offset]
                let digit: UInt32
                switch c {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(c - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(c - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(c - UInt8(ascii: "A") + 10)
                default: throw fail("invalid \\u escape")
                }
                value = value << 4 | digit
                offset += 1
            }
            return value
        }

        /// RFC 8259 §6 number grammar; the value as a Double (request fields are small integers).
        mutating func number() throws(ParseError) -> Double {
            let start = offset
            func digits() -> Int {
                let from = offset
                while offset < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[offset]) { offset += 1 }
                return offset - from
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard offset < bytes.count else { throw fail("invalid number") }
            if bytes[offset] == UInt8(ascii: "0") {
                offset += 1
            } else if digits() == 0 {
                throw fail("invalid value")
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
                offset += 1
                guard digits() > 0 else { throw fail("invalid number") }
            }
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
                offset += 1
                if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
                guard digits() > 0 else { throw fail("invalid number") }
            }
            guard let value = Double(String(decoding: bytes[start..<offset], as: UTF8.self)) else { throw fail("invalid number") }
            return value
        }
    }
}
