// `BigInt` from and to big-endian bytes, hex and decimal text. Parsing checks every character itself
// (GMP's mpz_set_str would accept spaces and a leading "+"), so malformed input is a typed error with
// the offending offset, never a trap.
import CertoGMP

extension BigInt {
    // MARK: Bytes

    /// The non-negative integer whose big-endian encoding is `bytes` (leading zeros allowed; empty is zero).
    public init(bytes: some Collection<UInt8>) {
        storage = BigIntStorage.make()
        let done: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            Self.importBigEndian(into: storage.pointer, buffer)
        }
        if done == nil {
            let array = Array(bytes)
            array.withUnsafeBufferPointer { Self.importBigEndian(into: storage.pointer, $0) }
        }
    }

    private static func importBigEndian(into rop: UnsafeMutablePointer<__mpz_struct>, _ buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, buffer.count > 0 else {
            __gmpz_set_ui(rop, 0)
            return
        }
        __gmpz_import(rop, buffer.count, 1, 1, 1, 0, base)
    }

    /// The magnitude's minimal big-endian encoding: no leading zero bytes, and empty for zero.
    /// The sign is not encoded (use `isNegative`).
    public func serialize() -> [UInt8] {
        let count = byteLength
        guard count > 0 else { return [] }
        var output = [UInt8](repeating: 0, count: count)
        output.withUnsafeMutableBufferPointer { buffer in
            var written = 0
            _ = __gmpz_export(buffer.baseAddress, &written, 1, 1, 1, 0, raw)
        }
        return output
    }

    /// The value as exactly `byteCount` big-endian bytes, zero-padded on the left.
    /// Throws `doesNotFit` when it needs more bytes, `negativeValue` when it is negative.
    public func serialize(byteCount: Int) throws(BigIntError) -> [UInt8] {
        guard !isNegative else { throw .negativeValue }
        let count = byteLength
        guard byteCount >= 0, count <= byteCount else { throw .doesNotFit(byteCount: byteCount) }
        var output = [UInt8](repeating: 0, count: byteCount)
        if count > 0 {
            output.withUnsafeMutableBufferPointer { buffer in
                var written = 0
                _ = __gmpz_export(buffer.baseAddress! + (byteCount - count), &written, 1, 1, 1, 0, raw)
            }
        }
        return output
    }

    // MARK: Text

    /// Parses hexadecimal text: an optional "-", an optional "0x"/"0X", then at least one hex digit
    /// (either case). Nothing else: no spaces, no "+", no underscores.
    public init(hex text: String) throws(BigIntError) {
        self = try BigInt.parse(text, radix: 16)
    }

    /// Parses decimal text: an optional "-" and at least one digit. Nothing else.
    public init(decimal text: String) throws(BigIntError) {
        self = try BigInt.parse(text, radix: 10)
    }

    private static func parse(_ text: String, radix: Int32) throws(BigIntError) -> BigInt {
        var utf8 = Array(text.utf8)
        var start = 0
        if start < utf8.count, utf8[start] == UInt8(ascii: "-") { start += 1 }
        if radix == 16, start + 1 < utf8.count, utf8[start] == UInt8(ascii: "0"),
           utf8[start + 1] == UInt8(ascii: "x") || utf8[start + 1] == UInt8(ascii: "X") {
            start += 2
        }
        guard start < utf8.count else { throw .malformedString(offset: utf8.count) }
        for index in start..<utf8.count {
            let c = utf8[index]
            let valid: Bool
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): valid = true
            case UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): valid = radix == 16
            default: valid = false
            }
            guard valid else { throw .malformedString(offset: index) }
        }
        let negative = start > 0 && utf8[0] == UInt8(ascii: "-")
        utf8.append(0)
        let storage = BigIntStorage.make()
        let status = utf8.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                __gmpz_set_str(storage.pointer, $0 + start, radix)
            }
        }
        guard status == 0 else { throw .malformedString(offset: start) }
        if negative { __gmpz_neg(storage.pointer, storage.pointer) }
        return BigInt(storage: storage)
    }

    /// Lowercase hexadecimal without prefix, "-" in front when negative; "0" for zero.
    public var hexString: String { string(radix: 16) }

    /// Decimal, "-" in front when negative.
    public var decimalString: String { string(radix: 10) }

    private func string(radix: Int32) -> String {
        // mpz_sizeinbase may overestimate by one; +2 for sign and terminator.
        let capacity = Int(__gmpz_sizeinbase(raw, radix)) + 2
        var buffer = [CChar](repeating: 0, count: capacity)
        _ = buffer.withUnsafeMutableBufferPointer { __gmpz_get_str($0.baseAddress, radix, raw) }
        let length = buffer.firstIndex(of: 0) ?? capacity
        return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
