// The status line and header fields of an HTTP/1.x response (RFC 9112 §4, §5), parsed strictly:
// CRLF line ends only, no obsolete line folding, no whitespace before a field's colon, no control
// characters in values, at most 64 fields. The caller has already cut the head at its blank line and
// bounded its size; this only judges the bytes.

struct HTTPResponseHead {
    /// Status line and fields together, without the blank line (typical heads are under 1 KiB).
    static let maximumBytes = 16 * 1024
    static let maximumFields = 64

    let status: Int
    /// The reason phrase as sent, for error text.
    let reason: String
    /// Names lower-cased, values without surrounding spaces and tabs, in the order sent.
    let fields: [(name: String, value: String)]

    init(_ head: ArraySlice<UInt8>) throws(HTTPError) {
        var lines: [ArraySlice<UInt8>] = []
        var start = head.startIndex
        var index = head.startIndex
        while index < head.endIndex {
            let byte = head[index]
            if byte == 0x0d {
                guard index + 1 < head.endIndex, head[index + 1] == 0x0a else {
                    throw HTTPError.malformedResponse("CR without LF in line \(lines.count + 1)")
                }
                lines.append(head[start..<index])
                index += 2
                start = index
                continue
            }
            if byte == 0x0a { throw HTTPError.malformedResponse("LF without CR in line \(lines.count + 1)") }
            index += 1
        }
        lines.append(head[start..<head.endIndex])
        guard lines.count - 1 <= HTTPResponseHead.maximumFields else {
            throw HTTPError.malformedResponse("more than \(HTTPResponseHead.maximumFields) header fields")
        }
        (status, reason) = try HTTPResponseHead.parseStatusLine(lines[0])
        var fields: [(name: String, value: String)] = []
        for (number, line) in lines.dropFirst().enumerated() {
            fields.append(try HTTPResponseHead.parseField(line, number: number + 1))
        }
        self.fields = fields
    }

    /// "HTTP/1.1 200 OK": version 1.x, a three-digit status 100 to 599, an optional reason phrase.
    private static func parseStatusLine(_ line: ArraySlice<UInt8>) throws(HTTPError) -> (Int, String) {
        let bytes = Array(line)
        guard bytes.count >= 12, bytes.starts(with: Array("HTTP/1.".utf8)), isDigit(bytes[7]), bytes[8] == 0x20,
              bytes[9...11].allSatisfy(isDigit), bytes.count == 12 || bytes[12] == 0x20 else {
            throw HTTPError.malformedResponse("status line \"\(HTTPError.shown(String(decoding: bytes, as: UTF8.self)))\" is not HTTP/1.x NNN reason")
        }
        let status = bytes[9...11].reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard status >= 100 && status <= 599 else { throw HTTPError.malformedResponse("status code \(status)") }
        let reason = bytes.count > 13 ? Array(bytes[13...]) : []
        guard reason.allSatisfy(isFieldValueByte) else {
            throw HTTPError.malformedResponse("control character in the reason phrase")
        }
        return (status, String(decoding: reason, as: UTF8.self))
    }

    /// "Name: value", the name a token (RFC 9110 §5.1) right before the colon.
    private static func parseField(_ line: ArraySlice<UInt8>, number: Int) throws(HTTPError) -> (name: String, value: String) {
        guard let colon = line.firstIndex(of: 0x3a) else {
            if line.first == 0x20 || line.first == 0x09 {
                throw HTTPError.malformedResponse("folded header line \(number) (obsolete line folding)")
            }
            throw HTTPError.malformedResponse("header line \(number) has no colon")
        }
        let name = line[line.startIndex..<colon]
        guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
            throw HTTPError.malformedResponse("header line \(number) has a malformed field name")
        }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        guard value.allSatisfy(isFieldValueByte) else {
            throw HTTPError.malformedResponse("control character in header line \(number)")
        }
        return (String(decoding: name, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self))
    }

    func values(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map(\.value)
    }

    /// The body length the server declared: every Content-Length field must be the same decimal number.
    func contentLength() throws(HTTPError) -> Int? {
        let declared = values("content-length")
        guard let first = declared.first else { return nil }
        guard declared.allSatisfy({ $0 == first }) else {
            throw HTTPError.malformedResponse("conflicting Content-Length fields")
        }
        guard !first.isEmpty, first.utf8.count <= 18, first.utf8.allSatisfy(HTTPResponseHead.isDigit), let length = Int(first) else {
            throw HTTPError.malformedResponse("Content-Length \"\(HTTPError.shown(first))\" is not a decimal number")
        }
        return length
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// tchar: ALPHA, DIGIT and !#$%&'*+-.^_`|~
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a)
            || Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }

    /// field-vchar, SP and HTAB; obs-text (0x80 and above) is allowed, other controls are not.
    private static func isFieldValueByte(_ byte: UInt8) -> Bool {
        byte == 0x09 || (byte >= 0x20 && byte != 0x7f)
    }
}
