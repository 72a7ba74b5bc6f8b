// Table-driven checks of single fields: each case changes one part of a template certificate and says
// what the parser must make of it (RFC 5280 versions, times, serial numbers, algorithm parameters,
// keys, extension rules).
import CertoHash
import CertoX509
import Testing

struct FieldCase: CustomTestStringConvertible, Sendable {
    let name: String
    let der: [UInt8]
    /// nil: must parse; otherwise the error it must produce.
    let expected: ExpectedError.Kind?
    let field: String?
    var testDescription: String { name }

    init(_ name: String, _ expected: ExpectedError.Kind? = nil, field: String? = nil, _ change: (inout DERBuilder.Parts) -> Void) {
        self.name = name
        self.der = DERBuilder.certificate(change)
        self.expected = expected
        self.field = field
    }
}

@Suite struct CertificateFieldTests {
    static let cases: [FieldCase] = [
        FieldCase("template parses") { _ in },
        // RFC 5280 §4.1.2.1 versions
        FieldCase("v1 without extensions") { $0.version = nil; $0.extensions = nil },
        FieldCase("v1 with extensions", .notAllowedInVersion, field: "extensions") { $0.version = nil },
        FieldCase("v2 with extensions", .notAllowedInVersion, field: "extensions") { $0.version = DERBuilder.tlv(0xa0, [0x02, 0x01, 0x01]) },
        FieldCase("v2 with unique IDs") { $0.version = DERBuilder.tlv(0xa0, [0x02, 0x01, 0x01]); $0.extensions = nil; $0.issuerUniqueID = DERBuilder.tlv(0x81, [0x00, 0x01]); $0.subjectUniqueID = DERBuilder.tlv(0x82, [0x00, 0x02]) },
        FieldCase("v1 with issuerUniqueID", .notAllowedInVersion, field: "issuerUniqueID") { $0.version = nil; $0.extensions = nil; $0.issuerUniqueID = DERBuilder.tlv(0x81, [0x00, 0x01]) },
        FieldCase("explicit v1 (DER forbids the DEFAULT)", .valueOutOfRange, field: "version") { $0.version = DERBuilder.tlv(0xa0, [0x02, 0x01, 0x00]); $0.extensions = nil },
        FieldCase("version 4", .valueOutOfRange, field: "version") { $0.version = DERBuilder.tlv(0xa0, [0x02, 0x01, 0x03]) },
        FieldCase("empty extensions", .invalidEncoding(.emptySequence), field: "extensions") { $0.extensions = [] },
        // RFC 5280 §4.1.2.5 times
        FieldCase("UTCTime without seconds", .invalidEncoding(.time), field: "notBefore") { $0.notBefore = DERBuilder.tlv(0x17, Array("2501010000Z".utf8)) },
        FieldCase("UTCTime without Z", .invalidEncoding(.time), field: "notBefore") { $0.notBefore = DERBuilder.tlv(0x17, Array("250101000000".utf8)) },
        FieldCase("UTCTime with offset", .invalidEncoding(.time), field: "notAfter") { $0.notAfter = DERBuilder.tlv(0x17, Array("250101000000+0100".utf8)) },
        FieldCase("GeneralizedTime with fraction", .invalidEncoding(.time), field: "notAfter") { $0.notAfter = DERBuilder.tlv(0x18, Array("20500101000000.5Z".utf8)) },
        FieldCase("GeneralizedTime 9999", nil) { $0.notAfter = DERBuilder.time("99991231235959Z") },
        FieldCase("February 29 of a leap year") { $0.notBefore = DERBuilder.time("240229000000Z") },
        FieldCase("February 29 of a common year", .invalidEncoding(.time), field: "notBefore") { $0.notBefore = DERBuilder.time("230229000000Z") },
        FieldCase("hour 24", .invalidEncoding(.time), field: "notBefore") { $0.notBefore = DERBuilder.time("250101240000Z") },
        FieldCase("leap second", .invalidEncoding(.time), field: "notBefore") { $0.notBefore = DERBuilder.time("250101235960Z") },
        FieldCase("time of another type", .unexpectedElement, field: "notBefore") { $0.notBefore = DERBuilder.printable("250101000000Z") },
        // RFC 5280 §4.1.2.2 serial numbers: DER-minimal always; zero, negative, long only flagged
        FieldCase("serial not minimal", .invalidEncoding(.integer), field: "serialNumber") { $0.serial = DERBuilder.tlv(0x02, [0x00, 0x01]) },
        FieldCase("serial empty", .invalidEncoding(.integer), field: "serialNumber") { $0.serial = DERBuilder.tlv(0x02, []) },
        FieldCase("serial zero") { $0.serial = DERBuilder.tlv(0x02, [0x00]) },
        FieldCase("serial negative") { $0.serial = DERBuilder.tlv(0x02, [0xff, 0x00]) },
        FieldCase("serial 21 octets") { $0.serial = DERBuilder.tlv(0x02, [0x01] + Array(repeating: 0x22, count: 20)) },
        // Signature algorithms (RFC 4055, 5754, 5758)
        FieldCase("RSA PKCS#1 with absent parameters") { $0.innerAlgorithm = DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.11")) },
        FieldCase("RSA PKCS#1 with an OID parameter", .invalidAlgorithmParameters, field: "signatureAlgorithm") { $0.innerAlgorithm = DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.11"), DERBuilder.oid("1.2.3")) },
        FieldCase("ECDSA with NULL", .invalidAlgorithmParameters, field: "signatureAlgorithm") { $0.innerAlgorithm = DERBuilder.sequence(DERBuilder.oid("1.2.840.10045.4.3.2"), [0x05, 0x00]) },
        FieldCase("NULL with content", .invalidEncoding(.null), field: "signatureAlgorithm") { $0.innerAlgorithm = DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.11"), [0x05, 0x01, 0x00]) },
        FieldCase("outer and inner algorithms differ", .signatureAlgorithmMismatch) { $0.outerAlgorithm = DERBuilder.ecdsaWithSHA256 },
        FieldCase("NULL versus absent still differs", .signatureAlgorithmMismatch) { $0.outerAlgorithm = DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.11")) },
        FieldCase("PSS trailer field 2", .valueOutOfRange, field: "trailerField") { $0.innerAlgorithm = DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.10"), DERBuilder.sequence(DERBuilder.tlv(0xa3, [0x02, 0x01, 0x02]))) },
        FieldCase("signature with unused bits", .invalidEncoding(.bitString), field: "signatureValue") { $0.signature = DERBuilder.tlv(0x03, [0x01, 0x5a, 0x5a]) },
        // Keys (RFC 3279, 5480)
        FieldCase("RSA key without NULL parameters", .missingElement, field: "subjectPublicKeyInfo.algorithm.parameters") { $0.publicKey = DERBuilder.rsaKey(bits: 2048, parameters: nil) },
        FieldCase("EC key with NULL parameters", .invalidAlgorithmParameters, field: "subjectPublicKeyInfo.algorithm.parameters") { $0.publicKey = DERBuilder.sequence(DERBuilder.sequence(DERBuilder.oid("1.2.840.10045.2.1"), [0x05, 0x00]), DERBuilder.tlv(0x03, [0x00, 0x04, 0x01])) },
        FieldCase("RSA key with negative modulus", .valueOutOfRange, field: "modulus") { $0.publicKey = DERBuilder.sequence(DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.1"), [0x05, 0x00]), DERBuilder.tlv(0x03, [0x00] + DERBuilder.sequence(DERBuilder.tlv(0x02, [0x80, 0x01]), DERBuilder.tlv(0x02, [0x03])))) },
        // Extensions (RFC 5280 §4.2)
        FieldCase("duplicate extension", .duplicateExtension) { $0.extensions = [DERBuilder.extensionTLV("2.5.29.19", value: DERBuilder.sequence()), DERBuilder.extensionTLV("2.5.29.19", value: DERBuilder.sequence())] },
        FieldCase("basicConstraints with trailing data", .malformedDER) { $0.extensions = [DERBuilder.extensionTLV("2.5.29.19", value: DERBuilder.sequence() + [0x05, 0x00])] },
        FieldCase("negative pathLen", .valueOutOfRange, field: "pathLenConstraint") { $0.extensions = [DERBuilder.extensionTLV("2.5.29.19", value: DERBuilder.sequence([0x01, 0x01, 0xff], [0x02, 0x01, 0xff]))] },
        FieldCase("empty subjectAltName", .invalidEncoding(.emptySequence), field: "subjectAltName") { $0.extensions = [DERBuilder.extensionTLV("2.5.29.17", value: DERBuilder.sequence())] },
        FieldCase("SAN iPAddress of 5 octets", .invalidEncoding(.ipAddressLength), field: "subjectAltName") { $0.extensions = [DERBuilder.extensionTLV("2.5.29.17", value: DERBuilder.sequence(DERBuilder.tlv(0x87, [1, 2, 3, 4, 5])))] },
        FieldCase("SAN dNSName with a non-ASCII byte", .invalidEncoding(.string), field: "subjectAltName") { $0.extensions = [DERBuilder.extensionTLV("2.5.29.17", value: DERBuilder.sequence(DERBuilder.tlv(0x82, [0x61, 0xe9])))] },
        // X.690 §8.1.5: [UNIVERSAL 0] is BER's end-of-contents, no DER element (found by Fuzz/ FuzzExtensions).
        FieldCase("SAN otherName whose value is [UNIVERSAL 0]", .unexpectedElement) { $0.extensions = [DERBuilder.extensionTLV("2.5.29.17", value: DERBuilder.sequence(DERBuilder.tlv(0xa0, DERBuilder.oid("1.3.6.1.4.1.311.20.2.3") + DERBuilder.tlv(0xa0, [0x00, 0x00]))))] },
        FieldCase("SAN otherName with a UTF8String value") { $0.extensions = [DERBuilder.extensionTLV("2.5.29.17", value: DERBuilder.sequence(DERBuilder.tlv(0xa0, DERBuilder.oid("1.3.6.1.4.1.311.20.2.3") + DERBuilder.tlv(0xa0, DERBuilder.utf8("a@example.com")))))] },
        FieldCase("empty policyConstraints", .invalidEncoding(.emptySequence), field: "policyConstraints") { $0.extensions = [DERBuilder.extensionTLV("2.5.29.36", value: DERBuilder.sequence())] },
        FieldCase("unknown critical extension parses") { $0.extensions = [DERBuilder.extensionTLV("1.2.3.4", critical: true, value: [0x05, 0x00])] },
        FieldCase("extension value not DER", .malformedDER) { $0.extensions = [DERBuilder.extensionTLV("2.5.29.15", value: [0x03, 0x05, 0x00])] },
        FieldCase("PrintableString with '@'", .invalidEncoding(.string), field: "subject") { $0.subject = DERBuilder.name([("2.5.4.3", DERBuilder.printable("a@b"))]) },
        FieldCase("empty RDN", .invalidEncoding(.emptySequence), field: "issuer") { $0.issuer = DERBuilder.tlv(0x30, DERBuilder.tlv(0x31, [])) },
        FieldCase("empty subject") { $0.subject = DERBuilder.tlv(0x30, []) },
    ]

    @Test(arguments: cases)
    func fieldCase(_ test: FieldCase) {
        switch parseOne(test.der) {
        case .success(let certificate):
            #expect(test.expected == nil, "parsed; expected \(String(describing: test.expected))")
            #expect(MutationTests.checkUsable(certificate))
        case .failure(let error):
            #expect(test.expected.map { ExpectedError($0, test.field).matches(error) } == true, "\(error)")
        }
    }

    @Test func templateFieldsDecode() throws {
        let certificate = try Certificate(derEncoded: DERBuilder.certificate { _ in })
        #expect(certificate.version == 3)
        #expect(certificate.serialNumber == [0x01, 0x23, 0x45])
        #expect(certificate.serialNumberProblems == [])
        #expect(certificate.signatureAlgorithm == .rsaPKCS1v15(.sha256))
        #expect(certificate.issuer.openSSLDescription == "C=US, O=Certo Test, CN=Certo Test CA")
        #expect(certificate.issuer.description == "CN=Certo Test CA,O=Certo Test,C=US")
        #expect(certificate.subject.commonName == "leaf.example")
        #expect(certificate.notBefore == 1_735_689_600)  // 2025-01-01T00:00:00Z
        #expect(certificate.notAfter == 2_082_758_399)   // 2035-12-31T23:59:59Z
        #expect(certificate.publicKey.algorithm == .ec(curve: .p256))
        #expect(certificate.extensions.basicConstraints == BasicConstraints(isCA: false))
        #expect(certificate.tbsCertificateBytes == DERBuilder.Parts().tbs)
        #expect(certificate.signatureBytes == Array(repeating: 0x5a, count: 64))
        #expect(certificate.fingerprint(.sha256) == HashAlgorithm.sha256.hash(certificate.derBytes))
        #expect(!certificate.isSelfIssued)
    }

    struct TimeCase: Sendable {
        let text: String
        let unix: Int64
    }

    /// RFC 5280 §4.1.2.5.1: YY >= 50 is 19YY, YY < 50 is 20YY.
    @Test(arguments: [
        TimeCase(text: "491231235959Z", unix: 2_524_607_999),
        TimeCase(text: "500101000000Z", unix: -631_152_000),
        TimeCase(text: "700101000000Z", unix: 0),
        TimeCase(text: "20500101000000Z", unix: 2_524_608_000),
        TimeCase(text: "19691231235959Z", unix: -1),
        TimeCase(text: "20000229120000Z", unix: 951_825_600),
    ])
    func timeDecodes(_ test: TimeCase) throws {
        let certificate = try Certificate(derEncoded: DERBuilder.certificate { $0.notBefore = DERBuilder.time(test.text) })
        #expect(certificate.notBefore == test.unix)
        #expect(CivilTime.iso8601(test.unix).count == 20)
    }

    @Test func serialProblemsAreFlagged() throws {
        let zero = try Certificate(derEncoded: DERBuilder.certificate { $0.serial = DERBuilder.tlv(0x02, [0x00]) })
        #expect(zero.serialNumberProblems == [.zero])
        let negative = try Certificate(derEncoded: DERBuilder.certificate { $0.serial = DERBuilder.tlv(0x02, [0xff, 0x00]) })
        #expect(negative.serialNumberProblems == [.negative])
        let long = try Certificate(derEncoded: DERBuilder.certificate { $0.serial = DERBuilder.tlv(0x02, [0x01] + Array(repeating: 0x22, count: 20)) })
        #expect(long.serialNumberProblems == [.longerThan20Octets])
    }

    struct AlgorithmCase: Sendable {
        let der: [UInt8]
        let expected: SignatureAlgorithmIdentifier
    }

    @Test(arguments: [
        AlgorithmCase(der: DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.5"), [0x05, 0x00]), expected: .rsaPKCS1v15(.sha1)),
        AlgorithmCase(der: DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.14")), expected: .rsaPKCS1v15(.sha224)),
        AlgorithmCase(der: DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.12"), [0x05, 0x00]), expected: .rsaPKCS1v15(.sha384)),
        AlgorithmCase(der: DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.13"), [0x05, 0x00]), expected: .rsaPKCS1v15(.sha512)),
        AlgorithmCase(der: DERBuilder.sequence(DERBuilder.oid("1.2.840.10045.4.3.3")), expected: .ecdsa(.sha384)),
        AlgorithmCase(der: DERBuilder.sequence(DERBuilder.oid("1.2.840.10045.4.3.4")), expected: .ecdsa(.sha512)),
        AlgorithmCase(der: DERBuilder.sequence(DERBuilder.oid("1.2.840.10045.4.3.1")), expected: .ecdsa(.sha224)),
        // RSASSA-PSS: all defaults (RFC 4055 §3.1), then SHA-256/MGF1-SHA-256/salt 32.
        AlgorithmCase(der: DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.10"), DERBuilder.sequence()),
                      expected: .rsaPSS(RSAPSSParameters(hash: .sha1, mgf1Hash: .sha1, saltLength: 20))),
        AlgorithmCase(der: DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.10"), DERBuilder.sequence(
            DERBuilder.tlv(0xa0, DERBuilder.sequence(DERBuilder.oid("2.16.840.1.101.3.4.2.1"), [0x05, 0x00])),
            DERBuilder.tlv(0xa1, DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.8"), DERBuilder.sequence(DERBuilder.oid("2.16.840.1.101.3.4.2.1")))),
            DERBuilder.tlv(0xa2, [0x02, 0x01, 0x20]))),
                      expected: .rsaPSS(RSAPSSParameters(hash: .sha256, mgf1Hash: .sha256, saltLength: 32))),
        // PSS naming an unknown hash is kept, as unknown, to be refused later.
        AlgorithmCase(der: DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.10"), DERBuilder.sequence(
            DERBuilder.tlv(0xa0, DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.2.5"))))), expected: .unknown(oid: "1.2.840.113549.1.1.10")),
        AlgorithmCase(der: DERBuilder.sequence(DERBuilder.oid("1.2.840.113549.1.1.4"), [0x05, 0x00]), expected: .unknown(oid: "1.2.840.113549.1.1.4")),
        AlgorithmCase(der: DERBuilder.sequence(DERBuilder.oid("1.3.101.112")), expected: .unknown(oid: "1.3.101.112")),
    ])
    func signatureAlgorithmDecodes(_ test: AlgorithmCase) throws {
        let certificate = try Certificate(derEncoded: DERBuilder.certificate { $0.innerAlgorithm = test.der })
        #expect(certificate.signatureAlgorithm == test.expected)
        #expect(certificate.signatureAlgorithm.oid == OracleComparison.dotted(test.der))
    }

    /// Arcs beyond 64 bits render exactly (RFC 4122 §4.1's example UUID as an OID under 2.25).
    @Test func uuidOIDRendersExactly() throws {
        let uuidOID: [UInt8] = [0x69, 0x83, 0xf0, 0x9d, 0xa7, 0xeb, 0xcf, 0xde, 0xe0, 0xc7, 0xa1, 0xa7, 0xb2, 0xc0, 0x94, 0x8c, 0xc8, 0xf9, 0xd7, 0x76]
        let certificate = try Certificate(derEncoded: DERBuilder.certificate { $0.innerAlgorithm = DERBuilder.sequence(DERBuilder.tlv(0x06, uuidOID)) })
        #expect(certificate.signatureAlgorithm == .unknown(oid: "2.25.329800735698586629295641978511506172918"))
    }

    @Test(arguments: [(1024, 1024), (2048, 2048), (2047, 2047), (3072, 3072), (4096, 4096), (1025, 1025)])
    func rsaModulusBits(bits: Int, expected: Int) throws {
        let certificate = try Certificate(derEncoded: DERBuilder.certificate { $0.publicKey = DERBuilder.rsaKey(bits: bits) })
        #expect(certificate.publicKey.algorithm == .rsa(modulusBits: expected))
        #expect(certificate.publicKey.rsaPublicExponentBytes == [0x01, 0x00, 0x01])
    }

    @Test(arguments: [("1.3.132.0.34", NamedCurve.p384), ("1.3.132.0.35", NamedCurve.other(oid: "1.3.132.0.35")), ("1.2.840.10045.3.1.7", NamedCurve.p256)])
    func ecCurves(oid: String, curve: NamedCurve) throws {
        let key = DERBuilder.sequence(DERBuilder.sequence(DERBuilder.oid("1.2.840.10045.2.1"), DERBuilder.oid(oid)), DERBuilder.tlv(0x03, [0x00, 0x04, 0x01, 0x02]))
        let certificate = try Certificate(derEncoded: DERBuilder.certificate { $0.publicKey = key })
        #expect(certificate.publicKey.algorithm == .ec(curve: curve))
    }

    @Test func unknownCriticalExtensionIsReported() throws {
        let certificate = try Certificate(derEncoded: DERBuilder.certificate {
            $0.extensions = [DERBuilder.extensionTLV("1.2.3.4", critical: true, value: [0x05, 0x00]),
                             DERBuilder.extensionTLV("2.5.29.15", critical: true, value: [0x03, 0x02, 0x05, 0xa0])]
        })
        #expect(certificate.extensions.unhandledCriticalExtensions.map(\.oid) == ["1.2.3.4"])
        #expect(certificate.extensions.keyUsage == [.digitalSignature, .keyEncipherment])
        #expect(certificate.extensions.all[0].value == [0x05, 0x00])
        #expect(certificate.extensions["1.2.3.4"]?.critical == true)
    }

    /// Each purpose is found by its bytes alone: anyExtendedKeyUsage is listed only when present,
    /// never taken to stand for another purpose, and a purpose that shares a prefix does not match.
    @Test(arguments: [
        (["1.3.6.1.5.5.7.3.1"], [KeyPurpose.serverAuth]),
        (["1.3.6.1.5.5.7.3.2", "2.5.29.37.0"], [KeyPurpose.clientAuth, .anyExtendedKeyUsage]),
        (["2.5.29.37.0"], [KeyPurpose.anyExtendedKeyUsage]),
        (["1.3.6.1.5.5.7.3.10", "1.3.6.1.5.5.7.3"], []),
    ])
    func extendedKeyUsageListsExactlyItsPurposes(listed: [String], expected: [KeyPurpose]) throws {
        let value = DERBuilder.tlv(0x30, listed.flatMap(DERBuilder.oid))
        let certificate = try Certificate(derEncoded: DERBuilder.certificate {
            $0.extensions = [DERBuilder.extensionTLV("2.5.29.37", value: value)]
        })
        for purpose in [KeyPurpose.serverAuth, .clientAuth, .anyExtendedKeyUsage] {
            #expect(certificate.extensions.extendedKeyUsage(lists: purpose) == expected.contains(purpose), "\(purpose.dotted)")
        }
        #expect(certificate.extensions.extendedKeyUsage == listed)
        let without = try Certificate(derEncoded: DERBuilder.certificate { $0.extensions = nil })
        #expect(without.extensions.extendedKeyUsage(lists: .serverAuth) == nil)
        #expect(KeyPurpose(dotted: "1.3.6.1.5.5.7.3.1") == .serverAuth)
        #expect(KeyPurpose(dotted: "not an oid") == nil)
    }
}
