// Seeded mutation tests: thousands of truncated, bit-flipped and byte-replaced certificates must give
// a CertificateError or a certificate whose every accessor works (the parse-time validator and the
// typed decoders agree); never a crash, trap or hang. Plus hand-made hostile inputs.
import CertoTestSupport
import CertoX509
import Foundation
import Testing

@Suite struct MutationTests {
    /// Every seventh certificate of the system bundle plus the cryptography-vectors certificates that parse.
    static func baseCertificates() throws -> [[UInt8]] {
        let bundle = try Certificate.parseAll([UInt8](try Data(contentsOf: URL(fileURLWithPath: "/etc/ssl/certs/ca-certificates.crt"))))
        var bases = stride(from: 0, to: bundle.count, by: 7).map { bundle[$0].derBytes }
        for name in ["x509/custom/all_supported_names.pem", "x509/custom/nc_permitted_excluded_2.pem", "x509/custom/cdp_fullname_reasons_crl_issuer.pem",
                     "x509/custom/cp_user_notice_with_notice_reference.pem", "x509/custom/policy_constraints_explicit.pem",
                     "x509/custom/aia_ocsp_ca_issuers.pem", "x509/cryptography.io.pem", "x509/custom/rsa_pss_cert.pem"] {
            let bytes = [UInt8](try VectorFiles.data(.cryptography, name))
            bases += try Certificate.parseAll(bytes).map(\.derBytes)
        }
        return bases
    }

    /// A successfully parsed mutant must be fully usable.
    static func checkUsable(_ certificate: Certificate) -> Bool {
        var ok = true
        do { try certificate.extensions.decodeAll() } catch { ok = false }
        let e = certificate.extensions
        for ext in e.all {
            let decoded: Bool
            switch ext.oid {
            case "2.5.29.19": decoded = e.basicConstraints != nil
            case "2.5.29.15": decoded = e.keyUsage != nil
            case "2.5.29.37": decoded = e.extendedKeyUsage != nil
            case "2.5.29.17": decoded = e.subjectAlternativeNames != nil
            case "2.5.29.35": decoded = e.authorityKeyIdentifier != nil
            case "2.5.29.14": decoded = e.subjectKeyIdentifier != nil
            case "2.5.29.30": decoded = e.nameConstraints != nil
            case "2.5.29.32": decoded = e.certificatePolicies != nil
            case "2.5.29.33": decoded = e.policyMappings != nil
            case "2.5.29.36": decoded = e.policyConstraints != nil
            case "2.5.29.54": decoded = e.inhibitAnyPolicy != nil
            case "1.3.6.1.5.5.7.1.1": decoded = e.authorityInformationAccess != nil
            case "2.5.29.31": decoded = e.crlDistributionPoints != nil
            default: decoded = true
            }
            ok = ok && decoded
            _ = ext.summary
        }
        _ = certificate.subject.description + certificate.issuer.openSSLDescription
        ok = ok && certificate.subject == certificate.subject && certificate.subject.hashValue == certificate.subject.hashValue
        ok = ok && (try? Certificate(derEncoded: certificate.derBytes)) == certificate
        _ = certificate.publicKey.algorithm.description + certificate.signatureAlgorithm.description
        return ok
    }

    @Test func truncatedCertificatesAreErrors() throws {
        var generator = SplitMix64(state: 0x5eed_0001)
        var ran = 0
        var errors = 0
        for base in try Self.baseCertificates() {
            for _ in 0..<40 {
                let length = Int.random(in: 0..<base.count, using: &generator)
                ran += 1
                do {
                    _ = try Certificate(derEncoded: Array(base[0..<length]))
                } catch {
                    errors += 1
                }
            }
        }
        #expect(errors == ran, "a truncated certificate parsed")
        print("mutations: \(ran) truncated certificates, \(errors) refused")
        reportVectorCount("mutation/truncated", ran: ran, passed: errors)
    }

    @Test(arguments: [(UInt64(0x5eed_0002), "bit-flip"), (0x5eed_0003, "byte-replace"), (0x5eed_0004, "header-edit")])
    func mutatedCertificatesNeverCrash(seed: UInt64, mode: String) throws {
        var generator = SplitMix64(state: seed)
        var ran = 0
        var errors = 0
        var parsed = 0
        var usable = 0
        for base in try Self.baseCertificates() {
            for _ in 0..<60 {
                var bytes = base
                switch mode {
                case "bit-flip":
                    let position = Int.random(in: 0..<bytes.count, using: &generator)
                    bytes[position] ^= 1 << UInt8.random(in: 0...7, using: &generator)
                case "byte-replace":
                    for _ in 0..<Int.random(in: 1...3, using: &generator) {
                        bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
                    }
                default:
                    // Aim at the first 64 bytes, where tags and lengths of the outer structures live.
                    let position = Int.random(in: 0..<min(64, bytes.count), using: &generator)
                    bytes[position] = [0x00, 0x7f, 0x80, 0x81, 0x82, 0x84, 0xff, 0x30, 0xa0, 0x1f][Int.random(in: 0..<10, using: &generator)]
                }
                ran += 1
                do {
                    let certificate = try Certificate(derEncoded: bytes)
                    parsed += 1
                    if Self.checkUsable(certificate) { usable += 1 }
                } catch {
                    errors += 1
                    _ = error.description
                }
            }
        }
        #expect(parsed == usable, "a parsed mutant had an accessor that failed")
        print("mutations (\(mode)): \(ran) certificates, \(errors) refused, \(parsed) parsed (all usable: \(parsed == usable))")
        reportVectorCount("mutation/\(mode)", ran: ran, passed: errors + usable)
    }

    @Test func mutatedPEMNeverCrashes() throws {
        let pem = [UInt8](try VectorFiles.data(.cryptography, "x509/cryptography.io.chain.pem"))
        var generator = SplitMix64(state: 0x5eed_0005)
        var ran = 0
        var outcomes = 0
        for _ in 0..<1000 {
            var bytes = pem
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            if Bool.random(using: &generator) { bytes = Array(bytes[0..<Int.random(in: 0..<bytes.count, using: &generator)]) }
            ran += 1
            do {
                let certificates = try Certificate.parseAll(bytes)
                outcomes += certificates.allSatisfy(Self.checkUsable) ? 1 : 0
            } catch {
                outcomes += 1
            }
        }
        #expect(outcomes == ran)
        reportVectorCount("mutation/pem", ran: ran, passed: outcomes)
    }

    /// Inputs built to hurt: deep nesting, huge length claims, thousands of extensions or policies.
    @Test(arguments: HostileInput.all)
    func hostileInputIsRefused(_ input: HostileInput) {
        do {
            _ = try Certificate.parseAll(input.bytes)
            Issue.record("\(input.name) parsed")
        } catch {
            #expect(input.matches(error), "\(input.name): \(error)")
        }
    }
}

struct HostileInput: CustomTestStringConvertible, Sendable {
    let name: String
    let bytes: [UInt8]
    let expected: ExpectedError.Kind
    var testDescription: String { name }

    func matches(_ error: CertificateError) -> Bool { ExpectedError(expected).matches(error) }

    static var all: [HostileInput] {
        let skiExtension = DERBuilder.extensionTLV(oid: [0x55, 0x1d, 0x0e], value: DERBuilder.tlv(0x04, [1]))
        var policies: [UInt8] = []
        for i in 0..<20000 {
            let arc = 128 + i % 15999  // two-octet arcs, minimally encoded; repeats from i = 15999
            policies += DERBuilder.tlv(0x30, DERBuilder.tlv(0x06, [0x2a, 0x03, UInt8(arc >> 7) | 0x80, UInt8(arc & 0x7f)]))
        }
        let manyPolicies = DERBuilder.extensionTLV(oid: [0x55, 0x1d, 0x20], value: DERBuilder.tlv(0x30, policies))
        var inputs: [HostileInput] = []
        // The parser reads only what a certificate has, so bare nesting fails at the first missing field...
        inputs.append(HostileInput(name: "nesting 20000 deep", bytes: nested(depth: 20_000), expected: .missingElement))
        // ...and nesting inside a value it must check (an attribute value is ANY) hits the depth limit.
        let deepName = DERBuilder.tlv(0x30, DERBuilder.tlv(0x31, DERBuilder.sequence(DERBuilder.oid("2.5.4.3"), nested(depth: 5_000))))
        inputs.append(HostileInput(name: "attribute value nested 5000 deep", bytes: DERBuilder.certificate { $0.subject = deepName }, expected: .malformedDER))
        inputs.append(HostileInput(name: "length claims 2^62 bytes", bytes: [0x30, 0x88, 0x40, 0, 0, 0, 0, 0, 0, 0, 0x30, 0], expected: .malformedDER))
        inputs.append(HostileInput(name: "indefinite length", bytes: [0x30, 0x80, 0x30, 0x00, 0x00, 0x00], expected: .malformedDER))
        inputs.append(HostileInput(name: "empty input", bytes: [], expected: .noCertificates))
        inputs.append(HostileInput(name: "20000 duplicate extensions", bytes: DERBuilder.certificate(extensions: Array(repeating: skiExtension, count: 20000)), expected: .duplicateExtension))
        inputs.append(HostileInput(name: "20000 policies, some repeated", bytes: DERBuilder.certificate(extensions: [manyPolicies]), expected: .invalidEncoding(.duplicateValue)))
        // An OID with one 200000-group arc would make decimal rendering quadratic; arcs are capped.
        let hugeArc = DERBuilder.tlv(0x06, [0x2a] + Array(repeating: 0x81, count: 200_000) + [0x01])
        inputs.append(HostileInput(name: "signature algorithm OID with a 1.4-million-bit arc",
                                   bytes: DERBuilder.certificate { $0.innerAlgorithm = DERBuilder.tlv(0x30, hugeArc) },
                                   expected: .invalidEncoding(.objectIdentifier)))
        inputs.append(HostileInput(name: "PEM with unterminated block", bytes: Array("-----BEGIN CERTIFICATE-----\nMIIB\n".utf8), expected: .invalidPEM))
        return inputs
    }

    /// SEQUENCE inside SEQUENCE `depth` times, with correct definite lengths (built outside-in, linear time).
    static func nested(depth: Int) -> [UInt8] {
        var lengths: [Int] = [0]
        for _ in 0..<depth { lengths.append(lengths.last! + 1 + DERBuilder.length(lengths.last!).count) }
        var bytes: [UInt8] = []
        for level in stride(from: depth - 1, through: 0, by: -1) {
            bytes.append(0x30)
            bytes += DERBuilder.length(lengths[level])
        }
        return bytes
    }
}
