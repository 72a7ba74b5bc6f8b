// The display decoder (CertificateDisplay(displayDecoding:)): each case breaks one strict rule in the
// template certificate and says which problem (reason, field, rule) the decoder must report and what it
// must still show; broken framing must still throw. On every certificate the strict parser accepts
// (the corpus, and seeded mutants), the display decoder must read the same fields with no problem.
import CertoHash
import CertoTestSupport
import CertoX509
import Foundation
import Testing

struct DisplayCase: CustomTestStringConvertible, Sendable {
    let name: String
    let der: [UInt8]
    let field: String
    let rule: String
    let matches: @Sendable (CertificateProblem.Reason) -> Bool
    let check: @Sendable (CertificateDisplay) -> Bool
    var testDescription: String { name }

    init(_ name: String, field: String, rule: String, _ matches: @escaping @Sendable (CertificateProblem.Reason) -> Bool,
         shows check: @escaping @Sendable (CertificateDisplay) -> Bool = { _ in true }, _ change: (inout DERBuilder.Parts) -> Void) {
        self.name = name
        self.der = DERBuilder.certificate(change)
        self.field = field
        self.rule = rule
        self.matches = matches
        self.check = check
    }
}

/// 2025-01-01T00:00:00Z, the template's notBefore.
private let newYear2025: Int64 = 1_735_689_600

@Suite struct CertificateDisplayTests {
    static let cases: [DisplayCase] = [
        // RFC 5280 §4.1.2.5 times
        DisplayCase("UTCTime without seconds", field: "tbsCertificate.validity.notBefore", rule: "RFC 5280 §4.1.2.5.1",
                    { $0 == .time(.noSeconds, encoding: .utcTime, text: "2501010000Z") }, shows: { $0.notBefore == newYear2025 }) {
            $0.notBefore = DERBuilder.tlv(0x17, Array("2501010000Z".utf8))
        },
        DisplayCase("UTCTime with an offset", field: "tbsCertificate.validity.notBefore", rule: "RFC 5280 §4.1.2.5.1",
                    { $0 == .time(.offset("+0100"), encoding: .utcTime, text: "250101010000+0100") }, shows: { $0.notBefore == newYear2025 }) {
            $0.notBefore = DERBuilder.tlv(0x17, Array("250101010000+0100".utf8))
        },
        DisplayCase("GeneralizedTime with fractional seconds", field: "tbsCertificate.validity.notBefore", rule: "RFC 5280 §4.1.2.5.2",
                    { $0 == .time(.fractionalSeconds, encoding: .generalizedTime, text: "20250101000000.999Z") }, shows: { $0.notBefore == newYear2025 }) {
            $0.notBefore = DERBuilder.tlv(0x18, Array("20250101000000.999Z".utf8))
        },
        DisplayCase("GeneralizedTime before 2050", field: "tbsCertificate.validity.notBefore", rule: "RFC 5280 §4.1.2.5",
                    { $0 == .time(.generalizedTimeBefore2050, encoding: .generalizedTime, text: "20250101000000Z") }, shows: { $0.notBefore == newYear2025 }) {
            $0.notBefore = DERBuilder.tlv(0x18, Array("20250101000000Z".utf8))
        },
        DisplayCase("GeneralizedTime without Z", field: "tbsCertificate.validity.notAfter", rule: "RFC 5280 §4.1.2.5.2",
                    { $0 == .time(.noTimeZone, encoding: .generalizedTime, text: "20600101000000") }) {
            $0.notAfter = DERBuilder.tlv(0x18, Array("20600101000000".utf8))
        },
        DisplayCase("unreadable time", field: "tbsCertificate.validity.notAfter", rule: "RFC 5280 §4.1.2.5.1",
                    { $0 == .time(.unreadable, encoding: .utcTime, text: "251301000000Z") }, shows: { $0.notAfter == nil && $0.notBefore == newYear2025 }) {
            $0.notAfter = DERBuilder.tlv(0x17, Array("251301000000Z".utf8))
        },
        DisplayCase("time of another type", field: "tbsCertificate.validity.notAfter", rule: "RFC 5280 §4.1.2.5",
                    { if case .time(.notATime(0x13), _, _) = $0 { return true } else { return false } }, shows: { $0.notAfter == nil }) {
            $0.notAfter = DERBuilder.printable("351231235959Z")
        },
        // RFC 5280 §4.1.2.1 versions
        DisplayCase("explicit v1", field: "tbsCertificate.version", rule: "X.690 §11.5", { $0 == .versionEncodedAsDefault }, shows: { $0.version == 1 }) {
            $0.version = DERBuilder.tlv(0xa0, [0x02, 0x01, 0x00]); $0.extensions = nil
        },
        DisplayCase("version 5", field: "tbsCertificate.version", rule: "RFC 5280 §4.1.2.1", { $0 == .versionOutOfRange(4) }, shows: { $0.version == 5 }) {
            $0.version = DERBuilder.tlv(0xa0, [0x02, 0x01, 0x04])
        },
        DisplayCase("v1 with extensions", field: "tbsCertificate.extensions", rule: "RFC 5280 §4.1.2.9", { $0 == .notAllowedInVersion(1) },
                    shows: { $0.version == 1 && $0.extensions.basicConstraints != nil }) {
            $0.version = nil
        },
        DisplayCase("v1 with issuerUniqueID", field: "tbsCertificate.issuerUniqueID", rule: "RFC 5280 §4.1.2.8", { $0 == .notAllowedInVersion(1) }) {
            $0.version = nil; $0.extensions = nil; $0.issuerUniqueID = DERBuilder.tlv(0x81, [0x00, 0x01])
        },
        // X.690 encodings
        DisplayCase("serial not minimal", field: "tbsCertificate.serialNumber", rule: "X.690 §8.3.2", { $0 == .integerNotMinimal },
                    shows: { $0.serialNumber == [0x00, 0x01] }) {
            $0.serial = DERBuilder.tlv(0x02, [0x00, 0x01])
        },
        DisplayCase("length in long form", field: "certificate", rule: "X.690 §10.1", { if case .nonMinimalLength = $0 { return true } else { return false } },
                    shows: { $0.serialNumber == [0x01, 0x23, 0x45] && $0.subject.openSSLDescription == "CN=leaf.example" }) {
            $0.serial = [0x02, 0x81, 0x03, 0x01, 0x23, 0x45]
        },
        DisplayCase("length with a leading zero octet", field: "certificate", rule: "X.690 §10.1", { if case .nonMinimalLength = $0 { return true } else { return false } },
                    shows: { $0.subject.openSSLDescription == "CN=leaf.example" && $0.extensions.basicConstraints?.isCA == false }) {
            $0.subject = [0x30, 0x82, 0x00, 0x17] + Array(DERBuilder.name([("2.5.4.3", DERBuilder.utf8("leaf.example"))]).dropFirst(2))
        },
        DisplayCase("signature with an unused bit", field: "signatureValue", rule: "RFC 5280 §4.1.1.3", { $0 == .notWholeOctets(unusedBits: 1) }) {
            $0.signature = DERBuilder.tlv(0x03, [0x01] + Array(repeating: 0x5a, count: 64))
        },
        DisplayCase("BIT STRING padding not zero", field: "signatureValue", rule: "X.690 §11.2.1", { $0 == .bitStringPaddingNotZero }) {
            $0.signature = DERBuilder.tlv(0x03, [0x01] + Array(repeating: 0x5b, count: 64))
        },
        DisplayCase("BIT STRING with 8 unused bits", field: "signatureValue", rule: "X.690 §8.6.2.2", { $0 == .bitStringUnusedBits(8) }) {
            $0.signature = DERBuilder.tlv(0x03, [0x08] + Array(repeating: 0x5a, count: 64))
        },
        // Algorithms (RFC 5758, RFC 4055, RFC 5280 §4.1.1.2)
        DisplayCase("ECDSA with NULL", field: "tbsCertificate.signature.parameters", rule: "RFC 5758 §3.2",
                    { if case .refused(.invalidAlgorithmParameters) = $0 { return true } else { return false } },
                    shows: { $0.signatureAlgorithm == .ecdsa(.sha256) }) {
            $0.innerAlgorithm = DERBuilder.sequence(DERBuilder.oid("1.2.840.10045.4.3.2"), [0x05, 0x00])
        },
        DisplayCase("outer and inner algorithms differ", field: "signatureAlgorithm", rule: "RFC 5280 §4.1.1.2",
                    { $0 == .signatureAlgorithmMismatch(outer: "ecdsa-with-SHA256") }, shows: { $0.signatureAlgorithm == .rsaPKCS1v15(.sha256) }) {
            $0.outerAlgorithm = DERBuilder.ecdsaWithSHA256
        },
        DisplayCase("RSA key without NULL parameters", field: "tbsCertificate.subjectPublicKeyInfo.algorithm.parameters", rule: "RFC 3279 §2.3.1",
                    { $0 == .refused(.missingElement(field: "tbsCertificate.subjectPublicKeyInfo.algorithm.parameters")) },
                    shows: { if case .undecoded(let key) = $0.publicKey { return key.algorithm == .rsa(modulusBits: 2048) } else { return false } }) {
            $0.publicKey = DERBuilder.rsaKey(bits: 2048, parameters: nil)
        },
        // Extensions (RFC 5280 §4.2)
        DisplayCase("duplicate extension", field: "tbsCertificate.extensions[1]", rule: "RFC 5280 §4.2", { $0 == .duplicateExtension(oid: "2.5.29.19") },
                    shows: { $0.extensions.all.count == 2 && $0.extensionSummaries == ["CA:FALSE", "CA:FALSE"] }) {
            $0.extensions = [DERBuilder.extensionTLV("2.5.29.19", value: DERBuilder.sequence()), DERBuilder.extensionTLV("2.5.29.19", value: DERBuilder.sequence())]
        },
        DisplayCase("empty extensions", field: "tbsCertificate.extensions", rule: "RFC 5280 §4.1", { $0 == .emptyExtensions }) { $0.extensions = [] },
        DisplayCase("critical flag 0x01", field: "tbsCertificate.extensions[0].critical", rule: "X.690 §11.1", { $0 == .booleanNotDER },
                    shows: { $0.extensions.all.first?.critical == true }) {
            $0.extensions = [DERBuilder.tlv(0x30, DERBuilder.oid("2.5.29.19") + [0x01, 0x01, 0x01] + DERBuilder.tlv(0x04, DERBuilder.sequence()))]
        },
        DisplayCase("UTF-8 in a dNSName", field: "tbsCertificate.extensions[0].2.5.29.17.subjectAltName", rule: "RFC 5280 §4.2.1.6",
                    { $0 == .nonASCIIName(form: "dNSName", text: "bücher.example") },
                    shows: { $0.subjectAlternativeNames == ["DNS:bücher.example", "DNS:ok.example"] && $0.extensionSummaries == ["DNS:bücher.example, DNS:ok.example"] }) {
            $0.extensions = [DERBuilder.extensionTLV("2.5.29.17", value: DERBuilder.sequence(DERBuilder.tlv(0x82, Array("bücher.example".utf8)), DERBuilder.tlv(0x82, Array("ok.example".utf8))))]
        },
        DisplayCase("malformed extension value", field: "tbsCertificate.extensions[0].2.5.29.54.inhibitAnyPolicy", rule: "RFC 5280 §4.2.1.14",
                    { if case .refused(.valueOutOfRange) = $0 { return true } else { return false } }) {
            $0.extensions = [DERBuilder.extensionTLV("2.5.29.54", value: DERBuilder.tlv(0x02, [0xff]))]
        },
        // Names (RFC 5280 §4.1.2.4)
        DisplayCase("PrintableString with '@'", field: "tbsCertificate.issuer", rule: "RFC 5280 §4.1.2.4",
                    { if case .refused(.invalidEncoding(_, _, .string)) = $0 { return true } else { return false } },
                    shows: { $0.issuer.rdns.count == 1 && !$0.isSelfIssued }) {
            $0.issuer = DERBuilder.name([("2.5.4.3", DERBuilder.printable("a@b"))])
        },
        // After the certificate
        DisplayCase("data after the certificate", field: "certificate", rule: "RFC 5280 §4.1", { $0 == .dataAfterCertificate(byteCount: 3) }) { _ in },
    ]

    @Test(arguments: cases)
    func problemIsReportedAndTheRestShown(_ entry: DisplayCase) throws {
        let input = entry.name == "data after the certificate" ? entry.der + [0x05, 0x00, 0x00] : entry.der
        let display = try CertificateDisplay(displayDecoding: input)
        let found = display.problems.filter { entry.matches($0.reason) }
        #expect(found.count == 1, "\(entry.name): \(display.problems.map(\.description))")
        #expect(found.first?.field == entry.field, "\(entry.name): \(found.map(\.description))")
        #expect(found.first?.rule == entry.rule, "\(entry.name): \(found.map(\.description))")
        #expect(entry.check(display), "\(entry.name)")
        #expect(display.fingerprint(.sha256) == HashAlgorithm.sha256.hash(entry.der), "fingerprint of the certificate as given")
        #expect(display.certificate == nil)
    }

    @Test func offsetsPointIntoTheInputEvenAfterALongFormLength() throws {
        // The serial's header is one octet longer than DER's; the notBefore behind it is reported where it is in the input.
        let der = DERBuilder.certificate { $0.serial = [0x02, 0x81, 0x03, 0x01, 0x23, 0x45]; $0.notBefore = DERBuilder.tlv(0x17, Array("2501010000Z".utf8)) }
        let display = try CertificateDisplay(displayDecoding: der)
        let time = try #require(display.problems.first { $0.field == "tbsCertificate.validity.notBefore" })
        let offset = try #require(time.offset)
        #expect(der[offset] == 0x17 && der[offset + 1] == 11, "offset \(offset)")
    }

    /// Inputs with no certificate structure left to show.
    static let brokenStructures: [(String, [UInt8])] = {
        let parts = DERBuilder.Parts()
        let indefinite: [UInt8] = [0x30, 0x80] + parts.tbs + DERBuilder.sha256WithRSA + parts.signature + [0x00, 0x00]
        let noSignature: [UInt8] = DERBuilder.tlv(0x30, parts.tbs + DERBuilder.sha256WithRSA)
        let truncated: [UInt8] = Array(parts.der.prefix(40))
        return [
            ("empty", []), ("truncated", truncated), ("indefinite length", indefinite),
            ("high tag number", [0x30, 0x03, 0x1f, 0x81, 0x00]), ("not a SEQUENCE", [0x02, 0x01, 0x05]),
            ("no tbsCertificate", [0x30, 0x03, 0x02, 0x01, 0x05]), ("no signature", noSignature),
        ]
    }()

    @Test(arguments: brokenStructures)
    func brokenStructureIsRefused(_ name: String, _ bytes: [UInt8]) {
        #expect(throws: CertificateError.self, "\(name)") { try CertificateDisplay(displayDecoding: bytes) }
    }

    /// Every certificate the strict parser accepts in the corpus reads the same through the display
    /// decoder, with no problem but the one it checks beyond the strict parser (GeneralizedTime before 2050).
    @Test func strictlyParsedCorpusReadsTheSame() throws {
        var compared = 0
        var directories: [URL] = []
        for name in ["x509", "x509/custom", "x509/custom/ca", "x509/PKITS_data/certs", "x509/ed25519", "x509/ed448"] {
            directories.append(try VectorFiles.url(.cryptography, name))
        }
        directories.append(URL(fileURLWithPath: "/etc/ssl/certs"))
        for directory in directories {
            for file in try CorpusFile.files(in: directory) {
                let bytes = [UInt8](try Data(contentsOf: file))
                guard CorpusFile.kind(of: bytes) == .certificate, let certificates = try? Certificate.parseAll(bytes) else { continue }
                for certificate in certificates {
                    let differences = Self.differences(certificate, try CertificateDisplay(displayDecoding: certificate.derBytes))
                    #expect(differences.isEmpty, "\(file.lastPathComponent): \(differences)")
                    compared += 1
                }
            }
        }
        #expect(compared > 500)
        reportVectorCount("display decoder vs strict parser", ran: compared, passed: compared)
    }

    /// Seeded byte flips of real certificates: the display decoder never traps, and agrees with the
    /// strict parser whenever that accepts the mutant.
    @Test func mutantsNeverTrapAndAgreeWhenStrictlyValid() throws {
        var generator = SplitMix64(state: 0x5eed_d15b)
        var ran = 0, shown = 0, strict = 0
        for base in try MutationTests.baseCertificates().prefix(40) {
            for _ in 0..<150 {
                var mutant = base
                for _ in 0..<(1 + generator.below(3)) { mutant[generator.below(mutant.count)] = UInt8(truncatingIfNeeded: generator.next()) }
                ran += 1
                guard let display = try? CertificateDisplay(displayDecoding: mutant) else { continue }
                shown += 1
                _ = display.problems.map(\.description) + display.extensionSummaries
                if let certificate = try? Certificate(derEncoded: mutant) {
                    strict += 1
                    let differences = Self.differences(certificate, display)
                    #expect(differences.isEmpty, "\(differences)")
                }
            }
        }
        print("display mutants: \(ran) ran, \(shown) shown, \(strict) also strictly valid")
        reportVectorCount("display decoder mutants", ran: ran, passed: ran)
    }

    static func differences(_ certificate: Certificate, _ display: CertificateDisplay) -> [String] {
        let strict = CertificateDisplay(certificate)
        var differences: [String] = []
        let extra = display.problems.filter {
            if case .time(.generalizedTimeBefore2050, _, _) = $0.reason { return false } else { return true }
        }
        if !extra.isEmpty { differences.append("problems \(extra.map(\.description))") }
        if display.derBytes != strict.derBytes { differences.append("bytes") }
        if display.version != strict.version { differences.append("version") }
        if display.serialNumber != strict.serialNumber { differences.append("serial") }
        if display.signatureAlgorithm != strict.signatureAlgorithm { differences.append("signature algorithm") }
        if !display.issuer.isByteIdentical(to: strict.issuer) || display.issuer != strict.issuer { differences.append("issuer") }
        if !display.subject.isByteIdentical(to: strict.subject) || display.subject != strict.subject { differences.append("subject") }
        if display.notBefore != strict.notBefore || display.notAfter != strict.notAfter { differences.append("validity") }
        if display.publicKey != strict.publicKey { differences.append("public key") }
        if display.extensions != strict.extensions { differences.append("extensions") }
        if display.extensionSummaries != strict.extensionSummaries { differences.append("extension summaries") }
        if display.subjectAlternativeNames != strict.subjectAlternativeNames { differences.append("subjectAltName") }
        return differences
    }
}
