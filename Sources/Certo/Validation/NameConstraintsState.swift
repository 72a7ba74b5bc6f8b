// RFC 5280 §4.2.1.10 name constraints, as the §6.1 state `permitted_subtrees` / `excluded_subtrees`.
// Instead of computing intersections of permitted subtrees, each CA's permitted set is kept apart and
// a name must satisfy every set that constrains its type: the same answer with simpler code.
// Supported forms: dNSName, rfc822Name, iPAddress, directoryName, uniformResourceIdentifier; a
// constraint of any other form fails closed when the certificate carries a name of that form.

struct NameConstraintsState: Sendable {
    /// One entry per CA certificate that had permittedSubtrees (RFC: permitted_subtrees ∩ ...).
    private(set) var permittedSets: [[GeneralSubtree]] = []
    /// The union of all excludedSubtrees seen so far.
    private(set) var excluded: [GeneralSubtree] = []

    var isEmpty: Bool { permittedSets.isEmpty && excluded.isEmpty }

    /// RFC 5280 §6.1.4 (g): fold a CA's nameConstraints into the state. A constraint that is not a
    /// valid name of its form (a dNSName with a leading period or a wildcard, an iPAddress mask that
    /// is not a prefix) is refused: it has no defined meaning, so no name can be judged against it.
    mutating func add(_ constraints: NameConstraints) throws(VerificationFailureReason) {
        for subtree in constraints.permittedSubtrees + constraints.excludedSubtrees {
            if NameConstraintsState.isMalformedConstraint(subtree.base) {
                throw .malformedName(subtree.base, rule: .rfc5280("§4.2.1.10"))
            }
        }
        if !constraints.permittedSubtrees.isEmpty { permittedSets.append(constraints.permittedSubtrees) }
        excluded.append(contentsOf: constraints.excludedSubtrees)
    }

    static func isMalformedConstraint(_ base: GeneralName) -> Bool {
        switch base {
        case .dnsName(let name): return !DNSNameSyntax.isValidConstraint(name)
        case .ipAddress(let octets): return !isPrefixMask(octets[(octets.count / 2)...])
        default: return false
        }
    }

    /// True when the mask is some number of one bits followed only by zero bits.
    static func isPrefixMask(_ mask: ArraySlice<UInt8>) -> Bool {
        var seenZero = false
        for byte in mask {
            for bit in (0..<8).reversed() {
                let isOne = byte & (1 << bit) != 0
                if isOne && seenZero { return false }
                if !isOne { seenZero = true }
            }
        }
        return true
    }

    /// RFC 5280 §6.1.3 (b), (c): the subject DN, the subject's emailAddress attributes and every
    /// subjectAltName must lie within the permitted subtrees and outside the excluded ones.
    /// Returns the first offending name, or nil. Every name is charged the number of
    /// constraints it is compared with against `comparisons`; past `limit` the check stops.
    func violation(for certificate: Certificate, comparisons: inout Int, limit: Int) throws(VerificationFailureReason) -> GeneralName? {
        if isEmpty { return nil }
        var names: [GeneralName] = []
        if !certificate.subject.isEmpty { names.append(.directoryName(certificate.subject)) }
        let sans = certificate.extensions.subjectAlternativeNames ?? []
        names.append(contentsOf: sans)
        // emailAddress in the subject is constrained like an rfc822Name (RFC 5280 §4.2.1.10).
        for email in certificate.subject.values(of: AttributeTypeAndValue.emailAddressOID) {
            names.append(.rfc822Name(email))
        }
        let perName = excluded.count + permittedSets.reduce(0) { $0 + $1.count }
        for name in names {
            comparisons += perName
            if comparisons > limit { throw .searchBudgetExhausted(.nameConstraintComparisons, size: limit, pathsTried: 0) }
            if !isAllowed(name) { return name }
        }
        return nil
    }

    func isAllowed(_ name: GeneralName) -> Bool {
        // A name that is not well formed for its form is inside no subtree and could be inside any:
        // it passes only when no constraint of its form applies.
        let wellFormed = NameConstraintsState.isWellFormed(name)
        for subtree in excluded where NameConstraintsState.sameForm(subtree.base, name) {
            guard wellFormed else { return false }
            switch NameConstraintsState.mayOverlap(name, subtree.base) {
            case .some(true), .none: return false  // may be inside an excluded subtree, or cannot tell: refuse
            case .some(false): continue
            }
        }
        for set in permittedSets {
            let relevant = set.filter { NameConstraintsState.sameForm($0.base, name) }
            if relevant.isEmpty { continue }
            guard wellFormed else { return false }
            var inside = false
            for subtree in relevant where NameConstraintsState.matches(name, subtree.base) == true {
                inside = true
                break
            }
            if !inside { return false }
        }
        return true
    }

    /// Whether the name has the syntax of its form, so that subtree tests mean something.
    static func isWellFormed(_ name: GeneralName) -> Bool {
        switch name {
        case .dnsName(let dns): return DNSNameSyntax.isValidPresentedName(dns, allowsUnderscore: true)
        case .rfc822Name(let address): return DNSNameSyntax.isValidMailbox(address)
        case .uniformResourceIdentifier(let uri): return uriHost(uri) != nil
        default: return true
        }
    }

    static func sameForm(_ a: GeneralName, _ b: GeneralName) -> Bool {
        switch (a, b) {
        case (.dnsName, .dnsName), (.rfc822Name, .rfc822Name), (.ipAddress, .ipAddress),
             (.directoryName, .directoryName), (.uniformResourceIdentifier, .uniformResourceIdentifier),
             (.registeredID, .registeredID), (.otherName, .otherName), (.x400Address, .x400Address),
             (.ediPartyName, .ediPartyName):
            return true
        default:
            return false
        }
    }

    /// Whether `name` lies in the subtree rooted at `base` (same form); nil when the form is unsupported.
    /// A wildcard dNSName lies in a subtree only when every name it can match does.
    static func matches(_ name: GeneralName, _ base: GeneralName) -> Bool? {
        switch (name, base) {
        case (.dnsName(let n), .dnsName(let c)): return dnsWithin(n, c)
        case (.rfc822Name(let n), .rfc822Name(let c)): return emailWithin(n, c)
        case (.ipAddress(let n), .ipAddress(let c)): return ipWithin(n, c)
        case (.directoryName(let n), .directoryName(let c)): return n.isWithin(subtree: c)
        case (.uniformResourceIdentifier(let n), .uniformResourceIdentifier(let c)): return uriWithin(n, c)
        default: return nil
        }
    }

    /// Whether some name `name` stands for lies in the subtree at `base`: for an excluded subtree.
    /// Only a wildcard dNSName stands for more than itself ("*.example.com" for every one-label
    /// child of example.com, so it overlaps an excluded "bar.example.com": CVE-2025-61727).
    static func mayOverlap(_ name: GeneralName, _ base: GeneralName) -> Bool? {
        if case .dnsName(let n) = name, case .dnsName(let c) = base, n.hasPrefix("*.") {
            let parent = String(n.dropFirst(2))
            if dnsWithin(parent, c) { return true }  // the constraint covers the wildcard's parent
            // A constraint exactly one label below the parent is one of the wildcard's names.
            var constraint = c.lowercased()
            if constraint.hasSuffix(".") { constraint.removeLast() }
            guard let dot = constraint.firstIndex(of: "."), dot != constraint.startIndex else { return false }
            return constraint[constraint.index(after: dot)...] == parent.lowercased()
        }
        return matches(name, base)
    }

    /// dNSName: "example.com" covers itself and every subdomain; ".example.com" only subdomains;
    /// an empty constraint covers every name. Case-insensitive.
    static func dnsWithin(_ rawName: String, _ rawConstraint: String) -> Bool {
        var name = rawName.lowercased()
        var constraint = rawConstraint.lowercased()
        if name.hasSuffix(".") { name.removeLast() }
        if constraint.hasSuffix(".") { constraint.removeLast() }
        if constraint.isEmpty { return true }
        if constraint.hasPrefix(".") { return name.hasSuffix(constraint) && name.count > constraint.count }
        if name == constraint { return true }
        return name.hasSuffix("." + constraint)
    }

    /// rfc822Name: "user@host" is one mailbox; "host" every mailbox at that host; ".domain" every
    /// mailbox at any host under domain. Host parts compare case-insensitively, local parts exactly.
    static func emailWithin(_ name: String, _ constraint: String) -> Bool {
        guard let at = DNSNameSyntax.mailboxSeparator(name) else { return false }
        let local = name[..<at]
        let host = name[name.index(after: at)...].lowercased()
        if let cAt = constraint.lastIndex(of: "@") {
            return constraint[..<cAt] == local && constraint[constraint.index(after: cAt)...].lowercased() == host
        }
        let c = constraint.lowercased()
        if c.isEmpty { return true }
        if c.hasPrefix(".") { return host.hasSuffix(c) && host.count > c.count }
        return host == c
    }

    /// iPAddress: the constraint is address ‖ mask (8 or 32 octets); the name matches when it has the
    /// same family and agrees with the address on every masked bit.
    static func ipWithin(_ name: [UInt8], _ constraint: [UInt8]) -> Bool {
        guard constraint.count == 2 * name.count, name.count == 4 || name.count == 16 else { return false }
        for i in 0..<name.count {
            let mask = constraint[name.count + i]
            if name[i] & mask != constraint[i] & mask { return false }
        }
        return true
    }

    /// uniformResourceIdentifier: the constraint applies to the URI's host (RFC 5280 §4.2.1.10):
    /// "host" exactly, ".domain" any host under domain. A URI without a host fails.
    static func uriWithin(_ uri: String, _ constraint: String) -> Bool {
        guard let host = uriHost(uri) else { return false }
        let c = constraint.lowercased()
        if c.hasPrefix(".") { return host.hasSuffix(c) && host.count > c.count }
        return host == c
    }

    static func uriHost(_ uri: String) -> String? {
        guard let schemeEnd = uri.firstIndex(of: ":") else { return nil }
        var rest = uri[uri.index(after: schemeEnd)...]
        guard rest.hasPrefix("//") else { return nil }
        rest = rest.dropFirst(2)
        var authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if authority.hasPrefix("[") { return nil }  // IP literal: not a host name
        if let colon = authority.firstIndex(of: ":") { authority = authority[..<colon] }
        let host = authority.lowercased()
        return host.isEmpty ? nil : host
    }

    static func describe(_ name: GeneralName) -> String {
        switch name {
        case .dnsName(let s): return "DNS:\(s)"
        case .rfc822Name(let s): return "email:\(s)"
        case .uniformResourceIdentifier(let s): return "URI:\(s)"
        case .ipAddress(let octets): return "IP:" + IPText.format(octets)
        case .directoryName(let dn): return "DirName:\(dn.openSSLDescription)"
        case .registeredID(let oid): return "RID:\(oid)"
        case .otherName(let type, _): return "othername:\(type)"
        case .x400Address: return "X400Name"
        case .ediPartyName: return "EdiPartyName"
        }
    }
}

/// Prints IP addresses as text (IPv4 dotted, IPv6 groups in hex; address/mask pairs with a slash).
enum IPText {
    /// The one canonical text of an address: IPv4 dotted decimal without leading zeros; IPv6 as
    /// RFC 5952 §4 says (lower-case hex without leading zeros, the longest run of two or more zero
    /// groups, the first of equals, written "::").
    static func canonical(_ octets: [UInt8]) -> String? {
        switch octets.count {
        case 4: return octets.map { String($0) }.joined(separator: ".")
        case 16:
            var groups: [UInt16] = []
            for i in stride(from: 0, to: 16, by: 2) { groups.append(UInt16(octets[i]) << 8 | UInt16(octets[i + 1])) }
            var best = (start: -1, length: 0)
            var run = (start: -1, length: 0)
            for (index, group) in groups.enumerated() {
                if group == 0 {
                    run = run.start < 0 ? (index, 1) : (run.start, run.length + 1)
                    if run.length > best.length { best = run }
                } else {
                    run = (-1, 0)
                }
            }
            func hex(_ range: Range<Int>) -> String { groups[range].map { String($0, radix: 16) }.joined(separator: ":") }
            guard best.length >= 2 else { return hex(0..<8) }
            return hex(0..<best.start) + "::" + hex((best.start + best.length)..<8)
        default: return nil
        }
    }

    static func format(_ octets: [UInt8]) -> String {
        switch octets.count {
        case 4: return octets.map { String($0) }.joined(separator: ".")
        case 8: return format(Array(octets[0..<4])) + "/" + format(Array(octets[4..<8]))
        case 16:
            var groups: [String] = []
            for i in stride(from: 0, to: 16, by: 2) { groups.append(String(UInt16(octets[i]) << 8 | UInt16(octets[i + 1]), radix: 16)) }
            return groups.joined(separator: ":")
        case 32: return format(Array(octets[0..<16])) + "/" + format(Array(octets[16..<32]))
        default: return octets.map { String($0, radix: 16) }.joined(separator: ":")
        }
    }
}
