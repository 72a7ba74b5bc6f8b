// Names: RFC 5280 §7.1 comparison (case, whitespace, string types, multi-valued RDN order) and the
// RFC 4514 / OpenSSL renderings. PEM: several blocks, text between, CRLF, headers, strict base64.
import CertoX509
import Foundation
import Testing

struct NameComparisonCase: CustomTestStringConvertible, Sendable {
    let label: String
    let left: [UInt8]
    let right: [UInt8]
    let equal: Bool
    var testDescription: String { label }
}

private func cn(_ value: [UInt8]) -> [UInt8] { DERBuilder.name([("2.5.4.3", value)]) }
private func bmp(_ text: String) -> [UInt8] { DERBuilder.tlv(0x1e, text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }) }
private func universal(_ text: String) -> [UInt8] {
    DERBuilder.tlv(0x1c, text.unicodeScalars.flatMap { s in [UInt8(s.value >> 24), UInt8(s.value >> 16 & 0xff), UInt8(s.value >> 8 & 0xff), UInt8(s.value & 0xff)] })
}

@Suite struct NameTests {
    static let comparisons: [NameComparisonCase] = [
        NameComparisonCase(label: "case differs", left: cn(DERBuilder.utf8("Example CA")), right: cn(DERBuilder.utf8("EXAMPLE ca")), equal: true),
        NameComparisonCase(label: "PrintableString vs UTF8String", left: cn(DERBuilder.printable("Example CA")), right: cn(DERBuilder.utf8("example ca")), equal: true),
        NameComparisonCase(label: "internal whitespace collapses", left: cn(DERBuilder.utf8("Example   CA")), right: cn(DERBuilder.utf8("Example CA")), equal: true),
        NameComparisonCase(label: "leading and trailing space", left: cn(DERBuilder.utf8("  Example CA ")), right: cn(DERBuilder.utf8("Example CA")), equal: true),
        NameComparisonCase(label: "BMPString vs UTF8String", left: cn(bmp("Zoë CA")), right: cn(DERBuilder.utf8("zoë ca")), equal: true),
        NameComparisonCase(label: "UniversalString vs UTF8String", left: cn(universal("Zoë CA")), right: cn(DERBuilder.utf8("ZOË CA")), equal: true),
        NameComparisonCase(label: "TeletexString as Latin-1", left: cn(DERBuilder.tlv(0x14, [0x5a, 0x6f, 0xeb])), right: cn(DERBuilder.utf8("zoë")), equal: true),
        NameComparisonCase(label: "different value", left: cn(DERBuilder.utf8("Example CA")), right: cn(DERBuilder.utf8("Example CA 2")), equal: false),
        NameComparisonCase(label: "different attribute type", left: cn(DERBuilder.utf8("Example")), right: DERBuilder.name([("2.5.4.10", DERBuilder.utf8("Example"))]), equal: false),
        NameComparisonCase(label: "RDN order matters",
                           left: DERBuilder.name([("2.5.4.6", DERBuilder.printable("US")), ("2.5.4.3", DERBuilder.utf8("X"))]),
                           right: DERBuilder.name([("2.5.4.3", DERBuilder.utf8("X")), ("2.5.4.6", DERBuilder.printable("US"))]), equal: false),
        NameComparisonCase(label: "multi-valued RDN order does not",
                           left: DERBuilder.tlv(0x30, DERBuilder.tlv(0x31, DERBuilder.sequence(DERBuilder.oid("2.5.4.3"), DERBuilder.utf8("A")) + DERBuilder.sequence(DERBuilder.oid("2.5.4.11"), DERBuilder.utf8("B")))),
                           right: DERBuilder.tlv(0x30, DERBuilder.tlv(0x31, DERBuilder.sequence(DERBuilder.oid("2.5.4.11"), DERBuilder.utf8("b")) + DERBuilder.sequence(DERBuilder.oid("2.5.4.3"), DERBuilder.utf8("a")))), equal: true),
        NameComparisonCase(label: "empty names", left: DERBuilder.tlv(0x30, []), right: DERBuilder.tlv(0x30, []), equal: true),
        NameComparisonCase(label: "non-string values compare as bytes", left: cn(DERBuilder.tlv(0x04, [1, 2])), right: cn(DERBuilder.tlv(0x04, [1, 3])), equal: false),
    ]

    @Test(arguments: comparisons)
    func comparison(_ test: NameComparisonCase) throws {
        let left = try DistinguishedName(derEncoded: test.left)
        let right = try DistinguishedName(derEncoded: test.right)
        #expect((left == right) == test.equal)
        if test.equal { #expect(left.hashValue == right.hashValue) }
    }

    /// directoryName subtrees (RFC 5280 §4.2.1.10): the base's RDNs must be the name's first RDNs, each
    /// matched as §7.1 matches; a partial RDN, a longer value or a later position is not within.
    @Test func subtreeIsAnRDNPrefix() throws {
        func name(_ rdns: [[(String, String)]]) throws -> DistinguishedName {
            try DistinguishedName(derEncoded: DERBuilder.tlv(0x30, rdns.flatMap { rdn in
                DERBuilder.tlv(0x31, rdn.flatMap { DERBuilder.sequence(DERBuilder.oid($0.0), DERBuilder.utf8($0.1)) })
            }))
        }
        let org = ("2.5.4.10", "Example Org")
        let unit = ("2.5.4.11", "Devices")
        let host = ("2.5.4.3", "sensor-7")
        let device = try name([[("2.5.4.6", "US")], [org], [unit, host]])
        #expect(device.isWithin(subtree: try name([])))
        #expect(device.isWithin(subtree: try name([[("2.5.4.6", "us")]])))
        #expect(device.isWithin(subtree: try name([[("2.5.4.6", "US")], [("2.5.4.10", "  example   ORG ")]])))
        #expect(device.isWithin(subtree: try name([[("2.5.4.6", "US")], [org], [host, unit]])))
        #expect(device.isWithin(subtree: device))
        #expect(!device.isWithin(subtree: try name([[("2.5.4.6", "US")], [org], [unit]])))
        #expect(!device.isWithin(subtree: try name([[("2.5.4.6", "US")], [("2.5.4.10", "Example")]])))
        #expect(!device.isWithin(subtree: try name([[org]])))
        #expect(!device.isWithin(subtree: try name([[("2.5.4.6", "US")], [org], [unit, host], [host]])))
        #expect(!device.isWithin(subtree: try name([[("2.5.4.6", "US"), org]])))
        #expect(!(try name([])).isWithin(subtree: try name([[("2.5.4.6", "US")]])))
    }

    @Test func renderings() throws {
        let name = try DistinguishedName(derEncoded: DERBuilder.name([
            ("2.5.4.6", DERBuilder.printable("US")), ("2.5.4.10", DERBuilder.utf8("Example, Inc.")),
            ("1.2.840.113549.1.9.1", DERBuilder.tlv(0x16, Array("ca@example.com".utf8))), ("2.5.4.3", DERBuilder.utf8("#1 CA ")),
        ]))
        #expect(name.description == "CN=\\#1 CA\\ ,1.2.840.113549.1.9.1=ca@example.com,O=Example\\, Inc.,C=US")
        #expect(name.openSSLDescription == "C=US, O=Example\\, Inc., emailAddress=ca@example.com, CN=#1 CA ")
        #expect(name.commonName == "#1 CA ")
        #expect(name.rdns.count == 4)
        #expect(name.rdns[3].attributes[0].stringType == .utf8String)
        #expect(name.derBytes == DERBuilder.name([
            ("2.5.4.6", DERBuilder.printable("US")), ("2.5.4.10", DERBuilder.utf8("Example, Inc.")),
            ("1.2.840.113549.1.9.1", DERBuilder.tlv(0x16, Array("ca@example.com".utf8))), ("2.5.4.3", DERBuilder.utf8("#1 CA ")),
        ]))
    }

    @Test func nonStringValueRendersAsHexOfItsDER() throws {
        let name = try DistinguishedName(derEncoded: cn(DERBuilder.tlv(0x04, [0xab, 0xcd])))
        #expect(name.description == "CN=#0402abcd")
        #expect(name.rdns[0][0].stringType == nil)
    }

    @Test(arguments: [
        ("odd-length BMPString", cn(DERBuilder.tlv(0x1e, [0x00, 0x41, 0x00]))),
        ("unpaired surrogate in BMPString", cn(DERBuilder.tlv(0x1e, [0xd8, 0x00]))),
        ("UniversalString beyond Unicode", cn(DERBuilder.tlv(0x1c, [0x00, 0x11, 0x00, 0x00]))),
        ("IA5String with a high byte", cn(DERBuilder.tlv(0x16, [0x41, 0x80]))),
        ("NumericString with a letter", cn(DERBuilder.tlv(0x12, [0x31, 0x41]))),
        ("invalid UTF-8", cn(DERBuilder.tlv(0x0c, [0xc3, 0x28]))),
    ])
    func invalidStrings(label: String, der: [UInt8]) {
        #expect(throws: CertificateError.self, "\(label)") { try DistinguishedName(derEncoded: der) }
    }
}

@Suite struct PEMTests {
    static let der = DERBuilder.certificate { _ in }
    static var base64: String { Data(der).base64EncodedString(options: [.lineLength64Characters]) }

    static func block(_ body: String, label: String = "CERTIFICATE", newline: String = "\n") -> String {
        "-----BEGIN \(label)-----" + newline + body.replacingOccurrences(of: "\r\n", with: newline) + newline + "-----END \(label)-----" + newline
    }

    @Test func severalBlocksWithTextBetween() throws {
        let text = "Subject: whatever\n" + Self.block(Self.base64) + "junk between\n" + Self.block("AAAA", label: "PRIVATE KEY") + Self.block(Self.base64)
        let certificates = try Certificate.parseAll(Array(text.utf8))
        #expect(certificates.count == 2)
        #expect(certificates[0].derBytes == Self.der)
    }

    @Test func crlfAndHeadersAndTrailingSpaces() throws {
        let body = "Proc-Type: 4,ENCRYPTED\r\nDEK-Info: none\r\n\r\n" + Self.base64.replacingOccurrences(of: "\n", with: "  \r\n")
        let text = Self.block(body, newline: "\r\n")
        #expect(try Certificate.parseAll(Array(text.utf8)).count == 1)
    }

    @Test func derIsDetected() throws {
        #expect(try Certificate.parseAll(Self.der).first?.derBytes == Self.der)
    }

    @Test(arguments: [
        ("character outside the alphabet", block("MIIB!AAA")),
        ("data after padding", block("MIIB=AAA")),
        ("wrong padding", block("MIIBAA=")),
        ("non-zero unused bits", block("MIIBAB==")),
    ])
    func strictBase64(label: String, text: String) {
        #expect(throws: CertificateError.invalidPEM(line: 1, problem: .invalidBase64), "\(label)") { try Certificate.parseAll(Array(text.utf8)) }
    }

    @Test func pemStructureErrors() {
        #expect(throws: CertificateError.invalidPEM(line: 1, problem: .unterminatedBlock)) {
            try Certificate.parseAll(Array("-----BEGIN CERTIFICATE-----\nAAAA\n".utf8))
        }
        #expect(throws: CertificateError.invalidPEM(line: 3, problem: .mismatchedEnd)) {
            try Certificate.parseAll(Array("-----BEGIN CERTIFICATE-----\nAAAA\n-----END X509 CRL-----\n".utf8))
        }
        #expect(throws: CertificateError.noCertificates) {
            try Certificate.parseAll(Array(Self.block("AAAA", label: "PRIVATE KEY").utf8))
        }
        #expect(throws: CertificateError.noCertificates) { try Certificate.parseAll(Array("hello\n".utf8)) }
    }

    @Test func errorInsideABlockSaysWhichBlock() {
        let first = Self.block(Self.base64)
        let text = first + "\n" + Self.block("MAA=")
        let secondBegin = first.split(separator: "\n").count + 2
        #expect(throws: CertificateError.inPEMBlock(index: 2, line: secondBegin, error: .missingElement(field: "tbsCertificate"))) {
            try Certificate.parseAll(Array(text.utf8))
        }
    }
}
