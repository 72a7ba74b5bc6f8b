// One element's header as a DERScanner read it: positions are indices into the scanned buffer.

public struct TLV: Sendable, Equatable {
    /// The identifier octet (low tag numbers only; the high-tag form never appears in X.509 structures).
    public let tag: UInt8
    /// Index of the identifier octet.
    public let start: Int
    /// Index of the first content octet.
    public let contentStart: Int
    /// Index just past the last content octet.
    public let end: Int

    @inlinable
    public init(tag: UInt8, start: Int, contentStart: Int, end: Int) {
        self.tag = tag
        self.start = start
        self.contentStart = contentStart
        self.end = end
    }

    @inlinable public var isConstructed: Bool { tag & 0x20 != 0 }
    @inlinable public var contentCount: Int { end - contentStart }
    /// Index range of the whole element, header included.
    @inlinable public var range: Range<Int> { start..<end }
    /// Index range of the content octets.
    @inlinable public var contentRange: Range<Int> { contentStart..<end }
}
