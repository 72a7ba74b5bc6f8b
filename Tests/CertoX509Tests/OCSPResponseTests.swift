// OCSP responses: every file of cryptography-vectors' x509/ocsp/ is read by Certo and by Python's
// `cryptography`, and the two readings (or refusals) agree, except where ocsp-oracle-deviations.txt
// says why Certo is stricter; hand-built responses check each RFC 6960 rule and its typed error; and
// truncations and byte flips of real responses only ever throw.
import CertoHash
import CertoTestSupport
import CertoX509
import Foundation
import Testing

@Suite struct OCSPResponseTests {
    /// `name: reason` lines of the committed deviations file ('#' starts a comment).
    static func deviations() throws -> [String: String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("ocsp-oracle-deviations.txt")
        var table: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            table[String(line[..<colon]).trimmingCharacters(in: .whitespaces)] = String(line[line.index(after: colon)...])
        }
        return table
    }

    static func vectorFiles() throws -> [URL] {
        let names = try VectorFiles.list(.cryptography, "x509/ocsp").filter { $0.hasSuffix(".der") }
        return try names.map { try VectorFiles.url(.cryptography, "x509/ocsp/" + $0) }
    }

    @Test func vectorsAgreeWithCryptography() throws {
        let files = try Self.vectorFiles()
        #expect(files.count >= 20, "x509/ocsp has \(files.count) DER files")
        let deviations = try Self.deviations()
        let oracle = try OCSPOracle.run(files.map(\.path))
        var agreed = 0, deviated = 0, parsed = 0
        for file in files {
            let name = file.lastPathComponent
            let bytes = [UInt8](try Data(contentsOf: file))
            let mine = try OCSPOracle.summary(bytes)
            if (try? OCSPResponse(derEncoded: bytes)) != nil { parsed += 1 }
            guard let theirs = oracle[file.path] else { Issue.record("\(name): no oracle result"); continue }
            if mine == theirs.summary {
                agreed += 1
                if deviations[name] != nil { Issue.record("\(name): listed as a deviation but agrees; drop the entry") }
            } else if deviations[name] != nil {
                deviated += 1
            } else {
                Issue.record("\(name): Certo \(mine)\n  cryptography \(theirs.summary) \(theirs.error ?? "")")
            }
        }
        let unknown = Set(deviations.keys).subtracting(files.map(\.lastPathComponent))
        #expect(unknown.isEmpty, "deviations for files not in x509/ocsp: \(unknown.sorted())")
        reportVectorCount("x509/ocsp", ran: files.count, passed: agreed)
        print("vectors: x509/ocsp: \(parsed) parsed, \(files.count - parsed) refused, \(deviated) listed deviations")
    }

    @Test func parsedVectorFields() throws {
        let army = try OCSPResponse(derEncoded: [UInt8](VectorFiles.data(.cryptography, "x509/ocsp/ocsp-army.deps.mil-resp.der")))
        let basic = try #require(army.basic)
        #expect(basic.responses.count == 20)
        #expect(basic.certificates.count == 1)
        guard case .byKey(let keyHash) = basic.responderID else { Issue.record("responderID is not byKey"); return }
        #expect(basic.responderID.matches(basic.certificates[0]), "the embedded certificate's key hash is \(hexString(keyHash))")
        #expect(basic.tbsResponseDataBytes.first == 0x30)
        #expect(army.derBytes.count > basic.derBytes.count)

        let reason = try OCSPResponse(derEncoded: [UInt8](VectorFiles.data(.cryptography, "x509/ocsp/resp-revoked-reason.der")))
        let single = try #require(reason.basic?.responses.first)
        #expect(single.status == .revoked(time: 1_530_102_601, reason: .superseded))
        #expect(reason.basic?.nonce.map { hexString($0) } == "3595379f610383878972578fae99f722")
        #expect(reason.basic?.unhandledCriticalExtension == nil)

        let unknownHash = try OCSPResponse(derEncoded: [UInt8](VectorFiles.data(.cryptography, "x509/ocsp/resp-unknown-hash-alg.der")))
        let id = try #require(unknownHash.basic?.responses.first?.certID)
        #expect(id.hashAlgorithm == nil)
        #expect(id.hashAlgorithmOID == "1.3.14.3.2.26.17")

        let unauthorized = try OCSPResponse(derEncoded: [UInt8](VectorFiles.data(.cryptography, "x509/ocsp/resp-unauthorized.der")))
        #expect(unauthorized.status == .unauthorized && unauthorized.basic == nil)
        #expect(throws: CertificateError.unsupportedOCSPResponseType(oid: "1.3.6.1.5.5.7.48.1.50000")) {
            _ = try OCSPResponse(derEncoded: [UInt8](VectorFiles.data(.cryptography, "x509/ocsp/resp-response-type-unknown-oid.der")))
        }
    }

    @Test func builtResponseParses() throws {
        let b = OCSPBuilder.self
        let response = try OCSPResponse(derEncoded: b.response(basic: b.basic(tbs: b.responseData(
            responses: [b.single(), b.single(status: b.revoked(reason: 1), nextUpdate: nil), b.single(status: b.unknown)],
            extensions: b.extensions(b.nonce([9, 8, 7], critical: true))))))
        #expect(response.status == .successful)
        let basic = try #require(response.basic)
        #expect(basic.version == 1 && basic.producedAt == 1_704_067_200)
        #expect(basic.responderID == .byKey([UInt8](repeating: 0x33, count: 20)))
        #expect(basic.responses.map(\.status) == [.good, .revoked(time: 1_709_294_400, reason: .keyCompromise), .unknown])
        #expect(basic.responses[0].nextUpdate == 1_704_672_000 && basic.responses[1].nextUpdate == nil)
        #expect(basic.responses[0].certID.hashAlgorithm == .sha1 && basic.responses[0].certID.serialNumber == [0x01, 0x23])
        #expect(basic.nonce == [9, 8, 7])
        #expect(basic.unhandledCriticalExtension == nil, "a critical nonce is handled")
        #expect(basic.signatureAlgorithm == .ecdsa(.sha256) && basic.signatureBytes == [UInt8](repeating: 0x44, count: 8))
        // An empty SEQUENCE OF SingleResponse is well formed; it answers for nothing.
        let empty = try OCSPResponse(derEncoded: b.response(basic: b.basic(tbs: b.responseData(responses: []))))
        #expect(empty.basic?.responses.isEmpty == true)
        for status: UInt8 in [1, 2, 3, 5, 6] {
            #expect(try OCSPResponse(derEncoded: b.response(status: status, basic: nil)).status.rawValue == Int(status))
        }
    }

    @Test func criticalExtensionsAreNamed() throws {
        let b = OCSPBuilder.self
        let unknown = DERBuilder.extensionTLV("1.2.3.4", critical: true, value: [0x05, 0x00])
        let inResponse = try OCSPResponse(derEncoded: b.response(basic: b.basic(tbs: b.responseData(extensions: b.extensions(unknown)))))
        #expect(inResponse.basic?.unhandledCriticalExtension == "1.2.3.4")
        let reason = DERBuilder.extensionTLV("2.5.29.21", critical: true, value: [0x0a, 0x01, 0x00])
        let inSingle = try OCSPResponse(derEncoded: b.response(basic: b.basic(tbs: b.responseData(responses: [b.single(extensions: b.extensions(reason))]))))
        #expect(inSingle.basic?.unhandledCriticalExtension == "2.5.29.21")
        let nonCritical = DERBuilder.extensionTLV("1.2.3.4", value: [0x05, 0x00])
        let quiet = try OCSPResponse(derEncoded: b.response(basic: b.basic(tbs: b.responseData(extensions: b.extensions(nonCritical)))))
        #expect(quiet.basic?.unhandledCriticalExtension == nil)
    }

    static let base = "ocspResponse.responseBytes.response."
    /// (rule, input, the error's kind, its whole field path).
    static let rules: [(String, [UInt8], ExpectedError.Kind, String?)] = {
        let b = OCSPBuilder.self, B = DERBuilder.self
        let data = base + "tbsResponseData."
        let single = data + "responses[0]."
        func withSingle(_ response: [UInt8]) -> [UInt8] { b.response(basic: b.basic(tbs: b.responseData(responses: [response]))) }
        return [
            ("successful without responseBytes", b.response(basic: nil), .missingElement, "ocspResponse.responseBytes"),
            ("tryLater with responseBytes", b.response(status: 3), .unexpectedElement, "ocspResponse.responseBytes"),
            ("responseBytes tagged [1]", B.tlv(0x30, [0x0a, 0x01, 0x00] + B.tlv(0xa1, B.sequence(B.oid(b.basicType), B.tlv(0x04, b.basic())))),
             .unexpectedElement, "ocspResponse.responseBytes"),
            ("tryLater with trailing data", B.tlv(0x30, [0x0a, 0x01, 0x03, 0x05, 0x00]), .trailingElements, "ocspResponse"),
            ("status 4 is unused", b.response(status: 4, basic: nil), .valueOutOfRange, "ocspResponse.responseStatus"),
            ("other response type", b.response(type: "1.2.3"), .unsupportedOCSPResponseType, nil),
            ("version v1 encoded", b.response(basic: b.basic(tbs: b.responseData(version: B.tlv(0xa0, [0x02, 0x01, 0x00])))),
             .valueOutOfRange, data + "version"),
            ("version v2", b.response(basic: b.basic(tbs: b.responseData(version: B.tlv(0xa0, [0x02, 0x01, 0x01])))),
             .valueOutOfRange, data + "version"),
            ("UTCTime producedAt", b.response(basic: b.basic(tbs: b.responseData(producedAt: B.time("240101000000Z")))),
             .unexpectedElement, data + "producedAt"),
            ("responderID [3]", b.response(basic: b.basic(tbs: b.responseData(responderID: B.tlv(0xa3, B.tlv(0x04, [1]))))),
             .unexpectedElement, data + "responderID"),
            ("nextUpdate before thisUpdate", withSingle(b.single(nextUpdate: "20231231235959Z")), .valueOutOfRange, single + "nextUpdate"),
            ("UTCTime thisUpdate", withSingle(b.single(thisUpdate: "240101000000Z")), .unexpectedElement, single + "thisUpdate"),
            ("UTCTime revocationTime", withSingle(b.single(status: b.revoked("240101000000Z"))),
             .unexpectedElement, single + "certStatus.revoked.revocationTime"),
            ("good with content", withSingle(b.single(status: [0x80, 0x01, 0x00])), .invalidEncoding(.null), single + "certStatus"),
            ("good constructed", withSingle(b.single(status: [0xa0, 0x00])), .unexpectedElement, single + "certStatus"),
            ("reason 7 is unused", withSingle(b.single(status: b.revoked(reason: 7))),
             .valueOutOfRange, single + "certStatus.revoked.revocationReason"),
            ("short SHA-1 name hash", withSingle(b.single(certID: b.certID(nameHash: [1, 2]))), .valueOutOfRange, single + "certID.issuerNameHash"),
            ("long SHA-1 key hash", withSingle(b.single(certID: b.certID(keyHash: .init(repeating: 1, count: 32)))),
             .valueOutOfRange, single + "certID.issuerKeyHash"),
            ("hash parameters not NULL", withSingle(b.single(certID: b.certID(parameters: [0x02, 0x01, 0x00]))),
             .invalidAlgorithmParameters, single + "certID.hashAlgorithm.parameters"),
            ("serial not minimal", withSingle(b.single(certID: b.certID(serial: [0x00, 0x01]))), .invalidEncoding(.integer), single + "certID.serialNumber"),
            ("empty singleExtensions", withSingle(b.single(extensions: B.tlv(0x30, []))),
             .invalidEncoding(.emptySequence), single + "singleExtensions"),
            ("nonce not an OCTET STRING", b.response(basic: b.basic(tbs: b.responseData(extensions: b.extensions(
                B.extensionTLV(oid: b.nonceOID, value: [0x02, 0x01, 0x05]))))),
             .unexpectedElement, data + "responseExtensions.1.3.6.1.5.5.7.48.1.2"),
            ("duplicate response extension", b.response(basic: b.basic(tbs: b.responseData(extensions: b.extensions(b.nonce([1]), b.nonce([2]))))),
             .duplicateExtension, nil),
            ("certificate that does not parse", b.response(basic: b.basic(certs: [B.sequence(B.tlv(0x02, [1]))])),
             .unexpectedElement, base + "certs[0].tbsCertificate"),
            ("data after the response", b.response() + [0x00], .malformedDER, nil),
        ]
    }()

    /// Each RFC 6960 rule refuses with its own kind of error, at its own field.
    @Test(arguments: rules.map(\.0))
    func ruleIsEnforced(_ name: String) throws {
        let (_, bytes, kind, field) = try #require(Self.rules.first { $0.0 == name })
        do {
            _ = try OCSPResponse(derEncoded: bytes)
            Issue.record("\(name): parsed")
        } catch {
            let (actualKind, actualField) = ExpectedError.classify(error)
            #expect(actualKind == kind && actualField == field, "\(name): \(error)")
        }
    }

    @Test func errorOffsetsPointAtTheElement() {
        let b = OCSPBuilder.self
        // The ENUMERATED follows the SEQUENCE header; responseBytes follow its three octets.
        #expect(throws: CertificateError.valueOutOfRange(field: "ocspResponse.responseStatus", offset: 2)) {
            _ = try OCSPResponse(derEncoded: b.response(status: 4, basic: nil))
        }
        let withBody = b.response(status: 3)
        let header = withBody[1] < 0x80 ? 2 : 2 + Int(withBody[1] & 0x7f)
        #expect(throws: CertificateError.unexpectedElement(field: "ocspResponse.responseBytes", offset: header + 3, tag: 0xa0)) {
            _ = try OCSPResponse(derEncoded: withBody)
        }
    }

    @Test func oversizedInputIsRefusedFirst() {
        let limit = OCSPResponse.maximumByteCount
        #expect(throws: CertificateError.inputTooLarge(byteCount: limit + 1, limit: limit)) {
            _ = try OCSPResponse(derEncoded: [UInt8](repeating: 0x30, count: limit + 1))
        }
        #expect(throws: CertificateError.malformedDER(offset: 0, problem: .empty)) { _ = try OCSPResponse(derEncoded: []) }
    }

    /// Every proper prefix of a real response is refused, and flipping bits anywhere never traps: the
    /// parse either succeeds or throws CertificateError.
    @Test func truncationsAndBitFlipsOnlyThrow() throws {
        var flipsParsed = 0, flipsRefused = 0
        for name in ["resp-revoked-reason.der", "resp-sct-extension.der", "ocsp-army.deps.mil-resp.der", "resp-single-extension-reason.der"] {
            let bytes = [UInt8](try VectorFiles.data(.cryptography, "x509/ocsp/" + name))
            _ = try OCSPResponse(derEncoded: bytes)
            for length in 0..<bytes.count {
                #expect(throws: CertificateError.self, "\(name) cut at \(length)") { _ = try OCSPResponse(derEncoded: Array(bytes[..<length])) }
            }
            for index in bytes.indices {
                for mask: UInt8 in [0x01, 0x80, 0xff] {
                    var mutated = bytes
                    mutated[index] ^= mask
                    do throws(CertificateError) {
                        let response = try OCSPResponse(derEncoded: mutated)
                        _ = (response.basic?.responses.map(\.status), response.basic?.unhandledCriticalExtension)
                        flipsParsed += 1
                    } catch {
                        _ = error.description
                        flipsRefused += 1
                    }
                }
            }
        }
        print("ocsp mutations: \(flipsParsed) flipped responses parsed, \(flipsRefused) refused")
        // Flips inside signatures, hashes and names leave a well-formed response; the rest are refused.
        #expect(flipsParsed > 0 && flipsRefused > 0)
    }
}
