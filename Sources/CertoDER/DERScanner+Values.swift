// The primitive ASN.1 types as DER encodes them (X.690 §8, §10, §11), each read and checked in place.

extension DERScanner {
    /// Content octets of an INTEGER (or an implicitly tagged one), checked for minimal encoding.
    @inlinable
    public mutating func integer(_ field: String, tag: UInt8 = 0x02) throws(Failure) -> ArraySlice<UInt8> {
        let tlv = try read(tag, field)
        let value = content(tlv)
        guard let first = value.first else { throw Failure(.invalidEncoding(field: field, offset: tlv.start, problem: .integer)) }
        if value.count > 1 {
            let second = value[value.startIndex + 1]
            if (first == 0 && second & 0x80 == 0) || (first == 0xff && second & 0x80 != 0) {
                throw Failure(.invalidEncoding(field: field, offset: tlv.start, problem: .integer))
            }
        }
        return value
    }

    /// A non-negative INTEGER's magnitude: big-endian, without the sign octet (empty for zero).
    @inlinable
    public mutating func unsignedInteger(_ field: String, tag: UInt8 = 0x02) throws(Failure) -> ArraySlice<UInt8> {
        let start = position
        let value = try integer(field, tag: tag)
        if value.first! & 0x80 != 0 { throw Failure(.valueOutOfRange(field: field, offset: start)) }
        return value.first == 0 ? value.dropFirst() : value
    }

    /// A non-negative INTEGER that fits in `Int` (version, pathLen, skip counts...).
    @inlinable
    public mutating func smallNonNegativeInteger(_ field: String, tag: UInt8 = 0x02) throws(Failure) -> Int {
        let start = position
        let significant = try unsignedInteger(field, tag: tag)
        guard significant.count <= 7 else {
            throw Failure(.invalidEncoding(field: field, offset: start, problem: .integerTooLarge))
        }
        var result = 0
        for byte in significant { result = result << 8 | Int(byte) }
        return result
    }

    /// An INTEGER of either sign that fits in 56 bits.
    @inlinable
    public mutating func smallInteger(_ field: String, tag: UInt8 = 0x02) throws(Failure) -> Int {
        let start = position
        let value = try integer(field, tag: tag)
        guard value.count <= 7 else { throw Failure(.invalidEncoding(field: field, offset: start, problem: .integerTooLarge)) }
        var result = value.first! & 0x80 != 0 ? -1 : 0
        for byte in value { result = result << 8 | Int(byte) }
        return result
    }

    @inlinable
    public mutating func boolean(_ field: String) throws(Failure) -> Bool {
        let tlv = try read(0x01, field)
        guard tlv.contentCount == 1 else { throw Failure(.invalidEncoding(field: field, offset: tlv.start, problem: .boolean)) }
        switch bytes[tlv.contentStart] {
        case 0x00: return false
        case 0xff: return true
        default: throw Failure(.invalidEncoding(field: field, offset: tlv.start, problem: .boolean))
        }
    }

    /// Content octets of an OBJECT IDENTIFIER, checked by `ObjectIdentifierEncoding.isValid`.
    @inlinable
    public mutating func objectIdentifier(_ field: String, tag: UInt8 = 0x06) throws(Failure) -> ArraySlice<UInt8> {
        let tlv = try read(tag, field)
        let value = content(tlv)
        guard ObjectIdentifierEncoding.isValid(value) else {
            throw Failure(.invalidEncoding(field: field, offset: tlv.start, problem: .objectIdentifier))
        }
        return value
    }

    /// A BIT STRING's value octets (after the unused-bits octet) and its count of unused bits.
    /// DER: the unused bits are zero, and there are none when the value is empty.
    @inlinable
    public mutating func bitString(_ field: String, tag: UInt8 = 0x03) throws(Failure) -> (bytes: ArraySlice<UInt8>, unusedBits: Int) {
        let tlv = try read(tag, field)
        let value = content(tlv)
        guard let unused = value.first, unused <= 7 else {
            throw Failure(.invalidEncoding(field: field, offset: tlv.start, problem: .bitString))
        }
        let data = value.dropFirst()
        if let last = data.last {
            if last & ((1 << unused) &- 1) != 0 { throw Failure(.invalidEncoding(field: field, offset: tlv.start, problem: .bitString)) }
        } else if unused != 0 {
            throw Failure(.invalidEncoding(field: field, offset: tlv.start, problem: .bitString))
        }
        return (data, Int(unused))
    }

    /// BIT STRING contents that must be whole octets (keys, signatures).
    @inlinable
    public mutating func octetAlignedBitString(_ field: String) throws(Failure) -> ArraySlice<UInt8> {
        let start = position
        let (data, unused) = try bitString(field)
        guard unused == 0 else { throw Failure(.invalidEncoding(field: field, offset: start, problem: .bitString)) }
        return data
    }

    /// Content octets of a primitive element with identifier `tag` (OCTET STRING, the strings, ...).
    @inlinable
    public mutating func primitive(_ tag: UInt8, _ field: String) throws(Failure) -> ArraySlice<UInt8> {
        let tlv = try read(tag, field)
        return content(tlv)
    }

    @inlinable
    public mutating func null(_ field: String) throws(Failure) {
        let tlv = try read(0x05, field)
        guard tlv.contentCount == 0 else { throw Failure(.invalidEncoding(field: field, offset: tlv.start, problem: .null)) }
    }
}
