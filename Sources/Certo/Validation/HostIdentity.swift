// Matches a peer identity against a leaf certificate per RFC 6125 (§6.4) as the web PKI applies it:
// subjectAltName dNSName only (no CN fallback), a wildcard only as the whole left-most label matching
// exactly one label, and iPAddress entries for IP literals. Internationalised names must arrive as
// A-labels; no Unicode processing happens here.

/// The name a leaf must be valid for: a DNS name or an IP address.
public enum HostIdentity: Sendable, Hashable {
    /// A DNS name, lower-cased, without a trailing dot.
    case dns(String)
    /// An IP address: 4 or 16 octets.
    case ip([UInt8])

    /// Classifies `host`: an IPv4 dotted quad or IPv6 text becomes `.ip`, anything else a DNS name.
    /// Nil when the text is neither a valid IP literal nor a plausible DNS name.
    public init?(_ host: String) {
        if let v4 = HostIdentity.parseIPv4(host) { self = .ip(v4); return }
        if host.contains(":") {
            var text = host
            if text.hasPrefix("[") && text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
            guard let v6 = HostIdentity.parseIPv6(text) else { return nil }
            self = .ip(v6)
            return
        }
        var name = host.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        guard !name.isEmpty, name.utf8.count <= 253 else { return nil }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            guard !label.isEmpty, label.utf8.count <= 63,
                  label.utf8.allSatisfy({ HostIdentity.isLabelByte($0) }) else { return nil }
        }
        self = .dns(name)
    }

    /// True when some subjectAltName of `names` matches this identity. A dNSName outside the preferred
    /// name syntax (RFC 5280 §4.2.1.6) never matches; `allowingUnderscore` admits "_" in its labels.
    public func matches(subjectAlternativeNames names: [GeneralName], allowingUnderscore: Bool = false) -> Bool {
        for name in names {
            switch (self, name) {
            case (.dns(let host), .dnsName(let pattern)):
                guard DNSNameSyntax.isValidPresentedName(pattern, allowsUnderscore: allowingUnderscore) else { continue }
                if HostIdentity.dnsMatches(host: host, pattern: pattern) { return true }
            case (.ip(let address), .ipAddress(let octets)):
                if address == octets { return true }
            default:
                continue
            }
        }
        return false
    }

    /// RFC 6125 §6.4.3 restricted to the form browsers accept: "*" as the entire left-most label,
    /// at least two labels after it, never matching more or fewer than one label. `host` is already
    /// lower-case without a trailing dot; the pattern is folded here, byte by byte, without allocating.
    static func dnsMatches(host: String, pattern: String) -> Bool {
        let dot = UInt8(ascii: "."), star = UInt8(ascii: "*")
        var p = pattern.utf8[...]
        if p.last == dot { p = p.dropLast() }
        guard !p.isEmpty else { return false }
        let h = host.utf8[...]
        guard p.contains(star) else { return asciiCaseInsensitiveEqual(p, h) }
        guard p.count > 2, p.first == star, p[p.index(after: p.startIndex)] == dot else { return false }
        let suffix = p.dropFirst(2)
        guard !suffix.contains(star), suffix.contains(dot), suffix.first != dot,
              !zip(suffix, suffix.dropFirst()).contains(where: { $0 == dot && $1 == dot }) else { return false }
        guard let firstDot = h.firstIndex(of: dot), firstDot != h.startIndex else { return false }
        return asciiCaseInsensitiveEqual(suffix, h[h.index(after: firstDot)...])
    }

    private static func asciiCaseInsensitiveEqual(_ a: Substring.UTF8View, _ b: Substring.UTF8View) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            let lx = x >= 0x41 && x <= 0x5A ? x | 0x20 : x
            let ly = y >= 0x41 && y <= 0x5A ? y | 0x20 : y
            if lx != ly { return false }
        }
        return true
    }

    private static func isLabelByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F
    }

    static func parseIPv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var octets: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
                  part.count == 1 || part.first != "0", let value = UInt8(part) else { return nil }
            octets.append(value)
        }
        return octets
    }

    static func parseIPv6(_ text: String) -> [UInt8]? {
        let halves = text.components(separatedByDoubleColon: ())
        guard halves.count <= 2 else { return nil }
        func groups(_ part: Substring, allowV4Tail: Bool) -> [UInt16]? {
            if part.isEmpty { return [] }
            var result: [UInt16] = []
            let fields = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, field) in fields.enumerated() {
                if allowV4Tail, index == fields.count - 1, field.contains(".") {
                    guard let v4 = parseIPv4(String(field)) else { return nil }
                    result.append(UInt16(v4[0]) << 8 | UInt16(v4[1]))
                    result.append(UInt16(v4[2]) << 8 | UInt16(v4[3]))
                    continue
                }
                guard !field.isEmpty, field.count <= 4, let value = UInt16(field, radix: 16) else { return nil }
                result.append(value)
            }
            return result
        }
        var all: [UInt16]
        if halves.count == 1 {
            guard let g = groups(halves[0], allowV4Tail: true), g.count == 8 else { return nil }
            all = g
        } else {
            guard let head = groups(halves[0], allowV4Tail: false), let tail = groups(halves[1], allowV4Tail: true),
                  head.count + tail.count < 8 else { return nil }
            all = head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        var octets: [UInt8] = []
        for g in all { octets.append(UInt8(g >> 8)); octets.append(UInt8(g & 0xFF)) }
        return octets
    }
}

extension String {
    /// Splits at the first "::" (IPv6 zero compression); a second "::" gives three parts (invalid).
    fileprivate func components(separatedByDoubleColon: ()) -> [Substring] {
        var parts: [Substring] = []
        var rest = self[...]
        while let range = rest.range(of: "::") {
            parts.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        parts.append(rest)
        return parts
    }
}

extension Substring {
    fileprivate func range(of needle: String) -> Range<Index>? {
        guard !needle.isEmpty else { return nil }
        var start = startIndex
        while start < endIndex {
            if self[start...].hasPrefix(needle) {
                return start..<index(start, offsetBy: needle.count)
            }
            start = index(after: start)
        }
        return nil
    }
}
