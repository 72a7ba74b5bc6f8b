// RFC 6125 host matching as the web PKI applies it: one whole left-most wildcard label, no partial
// wildcards, no CN fallback, IP literals only against iPAddress entries.
import Certo
import Testing

@Suite struct HostIdentityTests {
    static let dnsCases: [(String, String, Bool)] = [
        ("www.example.com", "www.example.com", true),
        ("WWW.Example.COM", "www.example.com", true),
        ("www.example.com.", "www.example.com", true),
        ("a.example.com", "*.example.com", true),
        ("example.com", "*.example.com", false),
        ("a.b.example.com", "*.example.com", false),
        ("a.example.com", "a*.example.com", false),
        ("a.example.com", "*a.example.com", false),
        ("a.example.com", "a.*.com", false),
        ("example.com", "*.com", false),
        ("a.com", "*.com", false),
        ("x.iot.us-east-1.certo.test", "*.iot.us-east-1.certo.test", true),
        ("www.example.org", "www.example.com", false),
        ("www.example.com", "", false),
    ]

    @Test(arguments: dnsCases)
    func dnsName(_ host: String, _ pattern: String, _ expected: Bool) throws {
        let identity = try #require(HostIdentity(host))
        #expect(identity.matches(subjectAlternativeNames: [.dnsName(pattern)]) == expected, "\(host) vs \(pattern)")
    }

    static let ipCases: [(String, [UInt8]?)] = [
        ("192.0.2.7", [192, 0, 2, 7]),
        ("::1", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
        ("2001:db8::8:800:200c:417a", [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0x08, 0x08, 0, 0x20, 0x0c, 0x41, 0x7a]),
        ("::ffff:192.0.2.1", [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 192, 0, 2, 1]),
        ("1::2::3", nil),
        ("192.0.2.256", nil),
    ]

    @Test(arguments: ipCases)
    func ipLiteral(_ text: String, _ octets: [UInt8]?) {
        let identity = HostIdentity(text)
        if let octets {
            #expect(identity == .ip(octets))
            #expect(identity?.matches(subjectAlternativeNames: [.ipAddress(octets)]) == true)
            #expect(identity?.matches(subjectAlternativeNames: [.dnsName(text)]) == false)
        } else if case .ip = identity {
            Issue.record("\(text) parsed as an IP address")
        }
    }

    @Test func dnsNameNeverMatchesIPAddressEntries() throws {
        let identity = try #require(HostIdentity("www.example.com"))
        #expect(!identity.matches(subjectAlternativeNames: [.ipAddress([192, 0, 2, 1])]))
    }
}
