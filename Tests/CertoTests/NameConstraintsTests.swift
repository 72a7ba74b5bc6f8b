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
    @Test func permittedSetsIntersect() {
        var state = NameConstraintsState()
        state.add(NameConstraints(permittedSubtrees: [GeneralSubtree(base: .dnsName("example.com"))], excludedSubtrees: []))
        state.add(NameConstraints(permittedSubtrees: [GeneralSubtree(base: .dnsName("www.example.com"))], excludedSubtrees: []))
        #expect(state.isAllowed(.dnsName("a.www.example.com")))
        #expect(!state.isAllowed(.dnsName("mail.example.com")))
        #expect(state.isAllowed(.rfc822Name("user@anywhere.test")))  // other forms unconstrained
    }

    @Test func excludedWins() {
        var state = NameConstraintsState()
        state.add(NameConstraints(permittedSubtrees: [GeneralSubtree(base: .dnsName("example.com"))],
                                  excludedSubtrees: [GeneralSubtree(base: .dnsName("bad.example.com"))]))
        #expect(state.isAllowed(.dnsName("good.example.com")))
        #expect(!state.isAllowed(.dnsName("x.bad.example.com")))
    }
}
