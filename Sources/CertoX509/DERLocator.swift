// Finds the byte where a DER structure breaks, for error messages after SwiftASN1 refuses the input.
// It re-walks the TLVs with the same rules (definite minimal lengths, minimal tags, depth limit);
// it runs only on the error path, so it favours clarity over speed.

enum DERLocator {
    /// Same nesting limit as SwiftASN1's parser.
    static let maximumDepth = 50

    static func problem(in bytes: ArraySlice<UInt8>) -> CertificateError {
        if bytes.isEmpty { return .malformedDER(offset: bytes.startIndex, problem: .empty) }
        var position = bytes.startIndex
        if let failure = walk(bytes, &position, end: bytes.endIndex, depth: 1) { return failure }
        if position < bytes.endIndex { return .malformedDER(offset: position, problem: .trailingData) }
        // SwiftASN1 refused something the walk accepts; point at the start.
        return .malformedDER(offset: bytes.startIndex, problem: .invalidLength)
    }

    /// Reads one element at `position`; returns the first problem found.
    private static func walk(_ bytes: ArraySlice<UInt8>, _ position: inout Int, end: Int, depth: Int) -> CertificateError? {
        let start = position
        guard depth <= maximumDepth else { return .malformedDER(offset: start, problem: .tooDeep) }
        guard position < end else { return .malformedDER(offset: start, problem: .truncated) }
        let identifier = bytes[position]
        position += 1
        // [UNIVERSAL 0] is BER's end-of-contents marker, never a DER element (X.690 §8.1.5, §10.1).
        if identifier & 0xdf == 0 { return .malformedDER(offset: start, problem: .invalidTag) }
        if identifier & 0x1f == 0x1f {
            var tag: UInt64 = 0
            var first = true
            while true {
                guard position < end else { return .malformedDER(offset: start, problem: .truncated) }
                let byte = bytes[position]
                position += 1
                if first && byte == 0x80 { return .malformedDER(offset: start, problem: .invalidTag) }
                first = false
                guard tag >> 56 == 0 else { return .malformedDER(offset: start, problem: .invalidTag) }
                tag = tag << 7 | UInt64(byte & 0x7f)
                if byte & 0x80 == 0 { break }
            }
            if tag < 0x1f { return .malformedDER(offset: start, problem: .invalidTag) }
        }
        guard position < end else { return .malformedDER(offset: start, problem: .truncated) }
        let lengthByte = bytes[position]
        position += 1
        var length = 0
        if lengthByte & 0x80 == 0 {
            length = Int(lengthByte)
        } else {
            let count = Int(lengthByte & 0x7f)
            if count == 0 || count > 8 { return .malformedDER(offset: start, problem: .invalidLength) }
            guard end - position >= count else { return .malformedDER(offset: start, problem: .truncated) }
            for index in 0..<count {
                let byte = bytes[position + index]
                if index == 0 && byte == 0 { return .malformedDER(offset: start, problem: .invalidLength) }
                guard length >> 55 == 0 else { return .malformedDER(offset: start, problem: .truncated) }
                length = length << 8 | Int(byte)
            }
            position += count
            if length < 0x80 { return .malformedDER(offset: start, problem: .invalidLength) }
        }
        guard length <= end - position else { return .malformedDER(offset: start, problem: .truncated) }
        let contentEnd = position + length
        if identifier & 0x20 != 0 {
            while position < contentEnd {
                if let failure = walk(bytes, &position, end: contentEnd, depth: depth + 1) { return failure }
            }
        }
        position = contentEnd
        return nil
    }
}
