// RFC 5280 §4.2.1.10 subtree matching for each supported form, table-driven; PKITS 4.13 covers the
// same rules end to end through real certificates.
@testable import Certo
@testable import CertoX509
import Testing

@Suite struct NameConstraintsTests {
    static let dns: [(String, String, Bool)] = [
        ("example.com", "example.com", true),
        ("www.example.com", "example.com", true),
        ("www.EXAMPLE.com", "example.COM", true),
        ("wwwexample.com", "example.com", false),
        ("example.com", ".example.com", false),
        ("www.example.com", ".example.com", true),
        ("anything.test", "", true),
        ("example.org", "example.com", false),
    ]

    @Test(arguments: dns)
    func dnsName(_ name: String, _ constraint: String, _ expected: Bool) {
        #expect(NameConstraintsState.dnsWithin(name, constraint) == expected, "\(name) in \(constraint)")
    }

    static let email: [(String, String, Bool)] = [
        ("user@example.com", "user@example.com", true),
        ("User@example.com", "user@example.com", false),
        ("user@EXAMPLE.com", "user@example.com", true),
        ("user@example.com", "example.com", true),
        ("user@mail.example.com", "example.com", false),
        ("user@mail.example.com", ".example.com", true),
        ("user@example.com", ".example.com", false),
        ("not-an-address", "example.com", false),
    ]

    @Test(arguments: email)
    func rfc822Name(_ name: String, _ constraint: String, _ expected: Bool) {
        #expect(NameConstraintsState.emailWithin(name, constraint) == expected, "\(name) in \(constraint)")
    }

    static let ip: [([UInt8], [UInt8], Bool)] = [
        ([192, 0, 2, 7], [192, 0, 2, 0, 255, 255, 255, 0], true),
        ([192, 0, 3, 7], [192, 0, 2, 0, 255, 255, 255, 0], false),
        ([10, 1, 2, 3], [10, 0, 0, 0, 255, 0, 0, 0], true),
        ([192, 0, 2, 7], Array(repeating: 0, count: 32), false),  // IPv4 name, IPv6 constraint
    ]

    @Test(arguments: ip)
    func ipAddress(_ name: [UInt8], _ constraint: [UInt8], _ expected: Bool) {
        #expect(NameConstraintsState.ipWithin(name, constraint) == expected)
    }

    static let uri: [(String, String, Bool)] = [
        ("http://www.example.com/path", "www.example.com", true),
        ("http://user@www.example.com:8080/", "www.example.com", true),
        ("http://www.example.com/", "example.com", false),
        ("http://www.example.com/", ".example.com", true),
        ("urn:isbn:123", "example.com", false),
    ]

    @Test(arguments: uri)
    func uniformResourceIdentifier(_ name: String, _ constraint: String, _ expected: Bool) {
        #expect(NameConstraintsState.uriWithin(name, constraint) == expected, "\(name) in \(constraint)")
    }

    /// Two CAs' permitted sets intersect: a name must be in both.
    @Test func permittedSetsIntersect() throws {
        var state = NameConstraintsState()
        try state.add(NameConstraints(permittedSubtrees: [GeneralSubtree(base: .dnsName("example.com"))], excludedSubtrees: []))
        try state.add(NameConstraints(permittedSubtrees: [GeneralSubtree(base: .dnsName("www.example.com"))], excludedSubtrees: []))
        #expect(state.isAllowed(.dnsName("a.www.example.com")))
        #expect(!state.isAllowed(.dnsName("mail.example.com")))
        #expect(state.isAllowed(.rfc822Name("user@anywhere.test")))  // other forms unconstrained
    }

    @Test func excludedWins() throws {
        var state = NameConstraintsState()
        try state.add(NameConstraints(permittedSubtrees: [GeneralSubtree(base: .dnsName("example.com"))],
                                  excludedSubtrees: [GeneralSubtree(base: .dnsName("bad.example.com"))]))
        #expect(state.isAllowed(.dnsName("good.example.com")))
        #expect(!state.isAllowed(.dnsName("x.bad.example.com")))
    }

    /// A wildcard SAN stands for every one-label name under its parent (CVE-2025-61727): it is
    /// excluded when any of those names is, and permitted only when all of them are.
    static let wildcards: [(String, String, Bool, Bool)] = [
        // (SAN, constraint, allowed when the constraint is excluded, allowed when it is permitted)
        ("*.example.com", "bar.example.com", false, false),
        ("*.example.com", "example.com", false, true),
        ("*.example.com", "com", false, true),
        ("*.example.com", "a.b.example.com", true, false),
        ("*.example.com", "other.test", true, false),
        ("*.EXAMPLE.com", "Bar.example.COM", false, false),
    ]

    @Test(arguments: wildcards)
    func wildcardAgainstSubtrees(_ san: String, _ constraint: String, _ allowedIfExcluded: Bool, _ allowedIfPermitted: Bool) throws {
        var excluded = NameConstraintsState()
        try excluded.add(NameConstraints(permittedSubtrees: [], excludedSubtrees: [GeneralSubtree(base: .dnsName(constraint))]))
        #expect(excluded.isAllowed(.dnsName(san)) == allowedIfExcluded, "\(san) with \(constraint) excluded")
        var permitted = NameConstraintsState()
        try permitted.add(NameConstraints(permittedSubtrees: [GeneralSubtree(base: .dnsName(constraint))], excludedSubtrees: []))
        #expect(permitted.isAllowed(.dnsName(san)) == allowedIfPermitted, "\(san) with \(constraint) permitted")
    }

    /// Malformed names are inside no permitted subtree and may be inside any excluded one.
    @Test(arguments: [".example.com", "foo..example.com", "*.*.example.com", "f*o.example.com", "example.com.", "-a.example.com"])
    func malformedDNSNameNeverPasses(_ san: String) throws {
        var permitted = NameConstraintsState()
        try permitted.add(NameConstraints(permittedSubtrees: [GeneralSubtree(base: .dnsName("example.com"))], excludedSubtrees: []))
        #expect(!permitted.isAllowed(.dnsName(san)))
        var excluded = NameConstraintsState()
        try excluded.add(NameConstraints(permittedSubtrees: [], excludedSubtrees: [GeneralSubtree(base: .dnsName("other.test"))]))
        #expect(!excluded.isAllowed(.dnsName(san)))
        #expect(NameConstraintsState().isAllowed(.dnsName(san)), "no constraint: nothing to judge it against")
    }

    @Test(arguments: ["invalid@address@example.com", "@example.com", "user@", "user@-bad.example.com"])
    func malformedMailboxNeverPermitted(_ address: String) throws {
        var state = NameConstraintsState()
        try state.add(NameConstraints(permittedSubtrees: [GeneralSubtree(base: .rfc822Name("example.com"))], excludedSubtrees: []))
        #expect(!state.isAllowed(.rfc822Name(address)))
        #expect(state.isAllowed(.rfc822Name("\"odd@local\"@example.com")), "a quoted local part may hold an @")
    }

    /// Constraints without a meaning are refused when they are added (RFC 5280 §4.2.1.10).
    @Test func malformedConstraintsAreRefused() {
        for base: GeneralName in [.dnsName(".example.com"), .dnsName("*.example.com"), .ipAddress([10, 0, 0, 0, 255, 0, 255, 0])] {
            var state = NameConstraintsState()
            #expect(throws: VerificationFailureReason.malformedName(base, rule: .rfc5280("§4.2.1.10"))) {
                try state.add(NameConstraints(permittedSubtrees: [GeneralSubtree(base: base)], excludedSubtrees: []))
            }
        }
        var state = NameConstraintsState()
        #expect(throws: Never.self) {
            try state.add(NameConstraints(permittedSubtrees: [GeneralSubtree(base: .ipAddress([10, 0, 0, 0, 255, 255, 0, 0])),
                                                              GeneralSubtree(base: .dnsName(""))], excludedSubtrees: []))
        }
    }

    /// RFC 5952 §4 text of IP addresses, which a web leaf's commonName must repeat.
    @Test func canonicalIPText() {
        #expect(IPText.canonical([192, 0, 2, 1]) == "192.0.2.1")
        #expect(IPText.canonical([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]) == "2001:db8::1:0:0:1")
        #expect(IPText.canonical([0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]) == "2001:db8::1")
        #expect(IPText.canonical([0x20, 0x01, 0x0d, 0xb8, 0, 1, 0, 0, 0, 1, 0, 1, 0, 1, 0, 1]) == "2001:db8:1:0:1:1:1:1")
        #expect(IPText.canonical(Array(repeating: 0, count: 16)) == "::")
        #expect(IPText.canonical([0xfe, 0x80] + Array(repeating: 0, count: 13) + [0xab]) == "fe80::ab")
    }

    @Test(arguments: [("example.com", true), ("*.example.com", true), ("xn--mnchen-3ya.example", true), ("a-b.c", true),
                      ("foo_bar.example.com", false), ("*.com", true), ("*", false), ("a.*.example.com", false),
                      ("a..b", false), (".a.b", false), ("a.b.", false), ("-a.b", false), ("a-.b", false),
                      (String(repeating: "a", count: 64) + ".com", false), ("", false)])
    func presentedNameSyntax(_ name: String, _ valid: Bool) {
        #expect(DNSNameSyntax.isValidPresentedName(name, allowsUnderscore: false) == valid, "\(name)")
    }
}
