// The syntax a dNSName must have (RFC 5280 §4.2.1.6: RFC 1034 §3.5 "preferred name syntax" as
// RFC 1123 §2.1 relaxes it, so a label may start with a digit), checked byte by byte without
// allocating. A name that fails is malformed: it never matches a host and is never inside a
// permitted subtree. Wildcards (RFC 6125 §6.4.3) are allowed only as the whole left-most label.

enum DNSNameSyntax {
    /// A dNSName presented in a certificate's subjectAltName: LDH labels of 1–63 octets that neither
    /// start nor end with a hyphen, at most 253 octets, no empty label (so no leading, trailing or
    /// double dot), optionally a left-most label that is exactly "*" followed by at least one label.
    /// `allowsUnderscore` admits "_" inside labels (private PKIs use it; the web PKI does not).
    static func isValidPresentedName(_ name: String, allowsUnderscore: Bool) -> Bool {
        var bytes = name.utf8[...]
        if bytes.first == UInt8(ascii: "*") {
            bytes = bytes.dropFirst()
            guard bytes.first == UInt8(ascii: "."), bytes.count > 1 else { return false }
            bytes = bytes.dropFirst()
        }
        return isValidLabelSequence(bytes, allowsUnderscore: allowsUnderscore)
    }

    /// A dNSName in a nameConstraints subtree (RFC 5280 §4.2.1.10): empty (every name) or a name in
    /// preferred syntax, without wildcards and without the leading period that only URI and
    /// rfc822Name constraints may have.
    static func isValidConstraint(_ name: String) -> Bool {
        name.isEmpty || isValidLabelSequence(name.utf8[...], allowsUnderscore: true)
    }

    private static func isValidLabelSequence(_ bytes: Substring.UTF8View.SubSequence, allowsUnderscore: Bool) -> Bool {
        guard !bytes.isEmpty, bytes.count <= 253 else { return false }
        var labelLength = 0
        var previous: UInt8 = UInt8(ascii: ".")
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard labelLength > 0, previous != UInt8(ascii: "-") else { return false }
                labelLength = 0
            } else {
                let isLDH = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x30 && byte <= 0x39)
                    || byte == UInt8(ascii: "-") || (allowsUnderscore && byte == UInt8(ascii: "_"))
                guard isLDH else { return false }
                if labelLength == 0 && byte == UInt8(ascii: "-") { return false }
                labelLength += 1
                guard labelLength <= 63 else { return false }
            }
            previous = byte
        }
        return labelLength > 0 && previous != UInt8(ascii: "-")
    }

    /// An rfc822Name mailbox (RFC 5280 §4.2.1.6, RFC 5321 §4.1.2 Mailbox): one "@" with a non-empty
    /// local part before it (a quoted local part may hold "@") and a valid domain after it.
    static func isValidMailbox(_ address: String) -> Bool {
        guard let at = mailboxSeparator(address) else { return false }
        let local = address.utf8[..<at]
        let domain = address.utf8[address.utf8.index(after: at)...]
        guard !local.isEmpty, local.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return false }
        return isValidLabelSequence(domain, allowsUnderscore: false)
    }

    /// The "@" that separates local part and domain: the only unquoted one.
    static func mailboxSeparator(_ address: String) -> String.UTF8View.Index? {
        var quoted = false
        var separator: String.UTF8View.Index?
        var index = address.utf8.startIndex
        while index < address.utf8.endIndex {
            let byte = address.utf8[index]
            if byte == UInt8(ascii: "\"") { quoted.toggle() } else if byte == UInt8(ascii: "@") && !quoted {
                if separator != nil { return nil }
                separator = index
            }
            index = address.utf8.index(after: index)
        }
        return quoted ? nil : separator
    }
}
