// The one DER reader of Certo: forward-only over a byte slice, allocation-free, handing out tag and
// content ranges (absolute indices, so errors carry real offsets). X.690 DER framing only: definite
// lengths in the fewest octets (at most four), low tag numbers (no X.509, CRL, OCSP or key structure
// uses the high-tag form), no end-of-contents octets, nesting at most 32 deep. It throws the caller's
// error type (`DERFailure`), so a certificate parser throws CertificateError and a key decoder DERError
// without converting at each step. Everything is inlinable: the certificate parse runs through here.

public struct DERScanner<Failure: DERFailure> {
    public let bytes: ArraySlice<UInt8>
    @usableFromInline var cursor: Int
    public let end: Int
    public let depth: Int

    public static var maximumDepth: Int { 32 }

    @inlinable
    public init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        cursor = bytes.startIndex
        end = bytes.endIndex
        depth = 0
    }

    @inlinable
    init(_ bytes: ArraySlice<UInt8>, from start: Int, to end: Int, depth: Int) {
        self.bytes = bytes
        cursor = start
        self.end = end
        self.depth = depth
    }

    /// Index of the next unread byte.
    @inlinable public var position: Int { cursor }

    @inlinable public var isAtEnd: Bool { cursor >= end }

    /// The identifier octet of the next element, if any.
    @inlinable public var nextTag: UInt8? { cursor < end ? bytes[cursor] : nil }

    /// Reads the next element's header; `field` names it in errors.
    @inlinable @inline(__always)
    public mutating func read(_ field: String) throws(Failure) -> TLV {
        guard cursor < end else { throw Failure(.missingElement(field: field)) }
        let start = cursor
        let tag = bytes[cursor]
        guard tag & 0x1f != 0x1f else { throw Failure(.unexpectedElement(field: field, offset: start, tag: tag)) }
        // [UNIVERSAL 0] is BER's end-of-contents marker, never an element of DER (X.690 §8.1.5, §10.1).
        guard tag & 0xdf != 0 else { throw Failure(.unexpectedElement(field: field, offset: start, tag: tag)) }
        var index = cursor + 1
        guard index < end else { throw Failure(.malformedDER(offset: start, problem: .truncated)) }
        let first = bytes[index]
        index += 1
        var length: Int
        if first < 0x80 {
            length = Int(first)
        } else {
            let count = Int(first & 0x7f)
            guard count >= 1, count <= 4 else { throw Failure(.malformedDER(offset: start, problem: .invalidLength)) }
            guard end - index >= count else { throw Failure(.malformedDER(offset: start, problem: .truncated)) }
            length = 0
            for offset in 0..<count { length = length << 8 | Int(bytes[index + offset]) }
            // DER: long form only for lengths >= 128, and in the fewest octets.
            guard length >= 0x80, bytes[index] != 0 else {
                throw Failure(.malformedDER(offset: start, problem: .invalidLength))
            }
            index += count
        }
        guard length <= end - index else { throw Failure(.malformedDER(offset: start, problem: .truncated)) }
        cursor = index + length
        return TLV(tag: tag, start: start, contentStart: index, end: index + length)
    }

    /// Reads the next element and requires its identifier octet to be `tag`.
    @inlinable @inline(__always)
    public mutating func read(_ tag: UInt8, _ field: String) throws(Failure) -> TLV {
        let tlv = try read(field)
        guard tlv.tag == tag else { throw Failure(.unexpectedElement(field: field, offset: tlv.start, tag: tlv.tag)) }
        return tlv
    }

    /// Reads the next element only if its identifier octet is `tag` (OPTIONAL and DEFAULT fields).
    @inlinable @inline(__always)
    public mutating func readIfPresent(_ tag: UInt8, _ field: String) throws(Failure) -> TLV? {
        guard nextTag == tag else { return nil }
        return try read(field)
    }

    /// A scanner over the content of a constructed element.
    @inlinable @inline(__always)
    public func enter(_ tlv: TLV, _ field: String) throws(Failure) -> DERScanner {
        guard tlv.isConstructed else {
            throw Failure(.invalidEncoding(field: field, offset: tlv.start, problem: .primitiveConstructed))
        }
        guard depth < Self.maximumDepth else { throw Failure(.malformedDER(offset: tlv.start, problem: .tooDeep)) }
        return DERScanner(bytes, from: tlv.contentStart, to: tlv.end, depth: depth + 1)
    }

    /// Reads a constructed element with identifier `tag` and returns a scanner over its content.
    @inlinable @inline(__always)
    public mutating func enter(_ tag: UInt8, _ field: String) throws(Failure) -> DERScanner {
        let tlv = try read(tag, field)
        return try enter(tlv, field)
    }

    /// A scanner over a SEQUENCE OF or SET OF with SIZE (1..MAX): a constructed element with identifier
    /// `tag` that holds at least one element.
    @inlinable @inline(__always)
    public mutating func enterNonEmpty(_ tag: UInt8, _ field: String) throws(Failure) -> DERScanner {
        let tlv = try read(tag, field)
        let inner = try enter(tlv, field)
        guard !inner.isAtEnd else { throw Failure(.invalidEncoding(field: field, offset: tlv.start, problem: .emptySequence)) }
        return inner
    }

    /// The single element inside an EXPLICIT tag `tag`, which must hold nothing else.
    @inlinable
    public mutating func explicit(_ tag: UInt8, _ field: String) throws(Failure) -> DERScanner {
        var outer = try enter(tag, field)
        let inner = try outer.read(field)
        try outer.finish(field)
        return DERScanner(bytes, from: inner.start, to: inner.end, depth: outer.depth)
    }

    /// Fails when elements remain.
    @inlinable @inline(__always)
    public func finish(_ field: String) throws(Failure) {
        if cursor < end { throw Failure(.trailingElements(field: field, offset: cursor)) }
    }

    /// Content octets of `tlv`.
    @inlinable @inline(__always)
    public func content(_ tlv: TLV) -> ArraySlice<UInt8> { bytes[tlv.contentStart..<tlv.end] }

    /// The whole element `tlv`, header included.
    @inlinable @inline(__always)
    public func element(_ tlv: TLV) -> ArraySlice<UInt8> { bytes[tlv.start..<tlv.end] }

    /// Checks that what remains is a well-formed series of DER elements, recursively (ANY values).
    public func skipAll(_ field: String) throws(Failure) {
        var copy = self
        while !copy.isAtEnd {
            let tlv = try copy.read(field)
            if tlv.isConstructed { try copy.enter(tlv, field).skipAll(field) }
        }
    }
}

extension DERScanner {
    /// `bytes` as exactly one DER element, checked to the bottom; a scanner positioned at it.
    /// Empty input and data after the element are framing errors.
    @inlinable
    public static func single(_ bytes: ArraySlice<UInt8>, _ field: String) throws(Failure) -> DERScanner {
        guard !bytes.isEmpty else { throw Failure(.malformedDER(offset: bytes.startIndex, problem: .empty)) }
        var scanner = DERScanner(bytes)
        let tlv = try scanner.read(field)
        if tlv.isConstructed { try scanner.enter(tlv, field).skipAll(field) }
        guard scanner.isAtEnd else { throw Failure(.malformedDER(offset: scanner.position, problem: .trailingData)) }
        return DERScanner(bytes)
    }

    /// `bytes` as exactly one SEQUENCE, checked to the bottom as `single` does; a scanner inside it.
    @inlinable
    public static func singleSequence(_ bytes: ArraySlice<UInt8>, _ field: String) throws(Failure) -> DERScanner {
        var outer = try single(bytes, field)
        return try outer.enter(0x30, field)
    }
}
