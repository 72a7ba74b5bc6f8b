// OCSP against the openssl CLI as the other side: a small CA made at test time (`openssl req`/`x509`)
// with an OCSP signer (extendedKeyUsage OCSPSigning) answers requests through `openssl ocsp -index`,
// and Certo reads the responses (good, revoked with and without a reason, unknown; responder by name
// and by key). OCSPCertID must equal what openssl hashed for the request, with SHA-1 and SHA-256, and
// a request from OCSPRequest must be read by openssl and be byte-identical to openssl's own.
import CertoHash
import CertoTestSupport
import CertoX509
import Foundation
import Testing

/// A throwaway CA, responder and three leaves in a temporary directory, and the openssl runs on them.
struct OpenSSLOCSPFixture {
    let directory: URL
    let ca: Certificate, responder: Certificate
    let good: Certificate, revoked: Certificate, revokedWithoutReason: Certificate, unknown: Certificate
    /// 2024-03-01T12:00:00Z, the revocation time in the index.
    static let revocationTime: Int64 = 1_709_294_400

    init() throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("certo-ocsp-" + UUID().uuidString)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let key = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        try Self.openssl(in: directory, ["req", "-x509"] + key + ["-keyout", "ca.key", "-out", "ca.pem", "-days", "3650",
            "-subj", "/CN=Certo OCSP Test CA", "-addext", "basicConstraints=critical,CA:true", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        try "extendedKeyUsage=critical,OCSPSigning\nkeyUsage=critical,digitalSignature\n"
            .write(to: directory.appendingPathComponent("responder.ext"), atomically: true, encoding: .utf8)
        // Serials: FF02 has its high bit set, so its INTEGER needs a leading zero octet.
        let leaves = [("responder", "1001"), ("good", "2A01"), ("revoked", "FF02"), ("noreason", "2A04"), ("unknown", "2A03")]
        for (name, serial) in leaves {
            try Self.openssl(in: directory, ["req", "-new"] + key + ["-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=\(name).certo.test"])
            try Self.openssl(in: directory, ["x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", "0x" + serial,
                                             "-days", "365", "-out", name + ".pem"] + (name == "responder" ? ["-extfile", "responder.ext"] : []))
        }
        let index = "V\t300101000000Z\t\t2A01\tunknown\t/CN=good.certo.test\n"
            + "R\t300101000000Z\t240301120000Z,keyCompromise\tFF02\tunknown\t/CN=revoked.certo.test\n"
            + "R\t300101000000Z\t240301120000Z\t2A04\tunknown\t/CN=noreason.certo.test\n"
        try index.write(to: directory.appendingPathComponent("index.txt"), atomically: true, encoding: .utf8)
        let directory = self.directory
        func load(_ name: String) throws -> Certificate {
            try Self.openssl(in: directory, ["x509", "-in", name + ".pem", "-outform", "der", "-out", name + ".der"])
            return try Certificate(derEncoded: [UInt8](Data(contentsOf: directory.appendingPathComponent(name + ".der"))))
        }
        ca = try load("ca")
        responder = try load("responder")
        good = try load("good")
        revoked = try load("revoked")
        revokedWithoutReason = try load("noreason")
        unknown = try load("unknown")
    }

    /// Runs openssl in `directory`; a non-zero exit is an error carrying what it printed.
    @discardableResult
    static func openssl(in directory: URL, _ arguments: [String]) throws -> ProgramResult {
        let result = try ExternalProgram.run("/usr/bin/env", ["sh", "-c", "cd \"$0\" && exec openssl \"$@\"", directory.path] + arguments)
        guard result.status == 0 else { throw FixtureError.openssl(arguments.joined(separator: " "), result.stderr) }
        return result
    }

    @discardableResult
    func openssl(_ arguments: [String]) throws -> ProgramResult { try Self.openssl(in: directory, arguments) }

    enum FixtureError: Error { case openssl(String, String) }

    func file(_ name: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: directory.appendingPathComponent(name))) }

    /// The responder's answer to the request in `request` (a file name), seven days valid.
    func respond(to request: String, _ options: [String] = []) throws -> OCSPResponse {
        try openssl(["ocsp", "-index", "index.txt", "-CA", "ca.pem", "-rsigner", "responder.pem", "-rkey", "responder.key",
                     "-reqin", request, "-respout", request + ".resp", "-ndays", "7"] + options)
        return try OCSPResponse(derEncoded: file(request + ".resp"))
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}

@Suite struct OCSPOpenSSLTests {
    @Test(arguments: [HashAlgorithm.sha1, .sha256])
    func statusesAndCertIDsAgreeWithOpenSSL(_ hash: HashAlgorithm) throws {
        let pki = try OpenSSLOCSPFixture()
        defer { pki.remove() }
        try pki.openssl(["ocsp", "-issuer", "ca.pem", "-" + hash.rawValue, "-cert", "good.pem", "-cert", "revoked.pem",
                         "-cert", "noreason.pem", "-cert", "unknown.pem", "-reqout", "request.der"])
        let response = try pki.respond(to: "request.der")
        #expect(response.status == .successful)
        let basic = try #require(response.basic)
        let expected: [(Certificate, OCSPCertStatus)] = [
            (pki.good, .good), (pki.revoked, .revoked(time: OpenSSLOCSPFixture.revocationTime, reason: .keyCompromise)),
            (pki.revokedWithoutReason, .revoked(time: OpenSSLOCSPFixture.revocationTime, reason: nil)), (pki.unknown, .unknown),
        ]
        #expect(basic.responses.count == expected.count)
        for ((certificate, status), single) in zip(expected, basic.responses) {
            let name = certificate.subject.description
            #expect(single.certID == OCSPCertID(certificate: certificate, issuer: pki.ca, hash: hash), "\(name): CertID differs from openssl's")
            #expect(single.certID.hashAlgorithm == hash)
            #expect(single.certID.matches(certificate: certificate, issuer: pki.ca), "\(name)")
            #expect(!single.certID.matches(certificate: certificate, issuer: pki.responder), "\(name): matched the wrong issuer")
            #expect(basic.response(for: certificate, issuer: pki.ca)?.status == status, "\(name)")
            #expect(single.status == status, "\(name)")
            #expect(single.nextUpdate == single.thisUpdate + 7 * 86_400, "\(name)")
        }
        #expect(basic.responses.first?.certID.serialNumber == [0x2a, 0x01])
        #expect(basic.responses.dropFirst().first?.certID.serialNumber == [0x00, 0xff, 0x02])
        #expect(abs(basic.producedAt - basic.responses[0].thisUpdate) <= 60)
        #expect(basic.responderID == .byName(pki.responder.subject))
        #expect(basic.responderID.matches(pki.responder) && !basic.responderID.matches(pki.ca))
        #expect(basic.certificates == [pki.responder])
        #expect(basic.nonce?.count == 16, "openssl puts a 16-octet nonce in its requests, and the responder echoes it")
        #expect(basic.unhandledCriticalExtension == nil)
        #expect(basic.signatureAlgorithm == .ecdsa(.sha256))
        try expectSignatureCoversTBS(basic, pki)
    }

    /// openssl itself checks the signature over tbsResponseDataBytes with the responder's key: the
    /// range kept is exactly the signed one.
    private func expectSignatureCoversTBS(_ basic: BasicOCSPResponse, _ pki: OpenSSLOCSPFixture) throws {
        try Data(basic.tbsResponseDataBytes).write(to: pki.directory.appendingPathComponent("tbs.der"))
        try Data(basic.signatureBytes).write(to: pki.directory.appendingPathComponent("signature.der"))
        try pki.openssl(["x509", "-in", "responder.pem", "-pubkey", "-noout", "-out", "responder.pub"])
        let verified = try pki.openssl(["dgst", "-sha256", "-verify", "responder.pub", "-signature", "signature.der", "tbs.der"])
        #expect(verified.stdout.contains("Verified OK"))
    }

    @Test func responderByKeyWithoutCertificates() throws {
        let pki = try OpenSSLOCSPFixture()
        defer { pki.remove() }
        try pki.openssl(["ocsp", "-issuer", "ca.pem", "-cert", "good.pem", "-no_nonce", "-reqout", "request.der"])
        let basic = try #require(try pki.respond(to: "request.der", ["-resp_key_id", "-resp_no_certs"]).basic)
        #expect(basic.responderID == .byKey(HashAlgorithm.sha1.hash(pki.responder.publicKey.keyBytes)))
        #expect(basic.responderID.matches(pki.responder) && !basic.responderID.matches(pki.ca))
        #expect(basic.certificates.isEmpty)
        #expect(basic.nonce == nil && basic.extensions.all.isEmpty)
        #expect(basic.response(for: pki.good, issuer: pki.ca)?.status == .good)
    }

    @Test(arguments: [HashAlgorithm.sha1, .sha256])
    func requestIsOpenSSLsOwn(_ hash: HashAlgorithm) throws {
        let pki = try OpenSSLOCSPFixture()
        defer { pki.remove() }
        // Without a nonce, openssl's request for the same certificates is the same DER.
        try pki.openssl(["ocsp", "-issuer", "ca.pem", "-" + hash.rawValue, "-cert", "good.pem", "-cert", "revoked.pem", "-no_nonce",
                         "-reqout", "theirs.der"])
        let ids = [pki.good, pki.revoked].map { OCSPCertID(certificate: $0, issuer: pki.ca, hash: hash) }
        #expect(OCSPRequest.encode(ids) == (try pki.file("theirs.der")))

        // With a nonce: openssl reads it back, and its responder answers each CertID and echoes the nonce.
        let nonce = (0..<16).map { UInt8($0 * 17) }
        try Data(OCSPRequest.encode(ids + [OCSPCertID(certificate: pki.unknown, issuer: pki.ca, hash: hash)], nonce: nonce))
            .write(to: pki.directory.appendingPathComponent("ours.der"))
        let text = try pki.openssl(["ocsp", "-reqin", "ours.der", "-req_text"]).stdout
        #expect(text.contains("Hash Algorithm: \(hash.rawValue)"), "\(text)")
        for serial in ["2A01", "FF02", "2A03"] { #expect(text.contains("Serial Number: \(serial)"), "\(serial) in \(text)") }
        #expect(text.contains("Issuer Name Hash: " + hexString(ids[0].issuerNameHash).uppercased()))
        #expect(text.contains("Issuer Key Hash: " + hexString(ids[0].issuerKeyHash).uppercased()))
        #expect(text.contains("OCSP Nonce: \n") && text.contains("0410" + hexString(nonce).uppercased()), "\(text)")
        let basic = try #require(try pki.respond(to: "ours.der").basic)
        #expect(basic.nonce == nonce)
        #expect(basic.responses.map(\.certID) == ids + [OCSPCertID(certificate: pki.unknown, issuer: pki.ca, hash: hash)])
        #expect(basic.responses.map(\.status) == [.good, .revoked(time: OpenSSLOCSPFixture.revocationTime, reason: .keyCompromise), .unknown])
    }
}
