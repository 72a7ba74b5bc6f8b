// `certo verify --revocation fetch` against responders on 127.0.0.1: an OCSP responder named by the
// leaf's authorityInfoAccess (each POSTed request answered by `openssl ocsp -index`), a CRL
// distribution point serving the CRL `openssl ca` signed, a responder that never answers (the fetch
// ends at --fetch-timeout, hard- and soft-fail), and responders that answer garbage. The server is
// listening before the leaf is issued, so the leaf can name its port.
import Foundation
import Testing

@Suite("Revocation end to end: answers fetched from loopback responders")
struct RevocationLoopbackFetchTests {
    typealias CLI = RevocationCLI

    @Test("OCSP from the leaf's authorityInfoAccess, answered by openssl", arguments: [false, true])
    func ocsp(revoked: Bool) throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let server = try LoopbackHTTPResponder(LoopbackHTTPResponder.ocspResponder(ca))
        defer { server.stop() }
        let leaf = try ca.issueLeaf("aia", extensions: ["authorityInfoAccess=OCSP;URI:\(server.url("/ocsp"))"])
        if revoked { try ca.revoke(leaf, reason: "keyCompromise") }
        let result = try CLI.certo(["verify", "--ca", ca.certificatePath, "--revocation", "fetch", "--revocation-required",
                                    "--fetch-timeout", "10", "--json", leaf.certificatePath])
        let json = try CLI.verification(result)
        let source: [String: Any]
        if revoked {
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            let error = try CLI.error(json)
            #expect(error["openssl_code"] as? Int == 23)
            let revocation = try #require(error["revocation"] as? [String: Any])
            #expect(revocation["reason"] as? String == "keyCompromise")
            source = try CLI.source(revocation)
        } else {
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            source = try CLI.source(try CLI.linkRevocation(json))
        }
        #expect(source["kind"] as? String == "ocsp")
        #expect(source["origin"] as? String == "fetched")
        #expect(source["responder"] as? String == "issuer")
        let requests = server.requests
        #expect(requests.count == 1)
        #expect(requests.first?.method == "POST")
        #expect(requests.first?.path == "/ocsp")
        #expect(requests.first?.header("Content-Type") == "application/ocsp-request")
    }

    @Test("a CRL from the leaf's only cRLDistributionPoints URI", arguments: [false, true])
    func crl(revoked: Bool) throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        // The CRL is read when it is asked for: it is signed after the leaf that names this server.
        let server = try LoopbackHTTPResponder { request in
            guard request.method == "GET", request.path == "/ca.crl", let crl = try? ca.read("ca.crl") else {
                return .bytes(Array("HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n".utf8))
            }
            return .bytes(LoopbackHTTPResponder.ok(crl, contentType: "application/pkix-crl"))
        }
        defer { server.stop() }
        let leaf = try ca.issueLeaf("cdp", extensions: ["crlDistributionPoints=URI:\(server.url("/ca.crl"))"])
        try ca.revoke(revoked ? leaf : ca.issueLeaf("other"), reason: "keyCompromise")  // the CRL is never empty
        let crl = try ca.makeCRL("ca.crl")
        let result = try CLI.certo(["verify", "--ca", ca.certificatePath, "--revocation", "fetch", "--revocation-required",
                                    "--fetch-timeout", "10", "--explain", leaf.certificatePath])
        if revoked {
            #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
            #expect(CLI.errorLine(result.stdout) == "error 23 at 0 depth lookup: certificate revoked")
            let failed = CLI.lines(result.stdout).first { $0.hasPrefix("  failed at depth 0") }
            #expect(failed?.contains("(keyCompromise) according to the fetched CRL number \(crl.number) of ") == true, "\(result.stdout)")
        } else {
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(result.stdout.contains("ok: §6.1.3(a)(3) not revoked (fetched CRL number \(crl.number) of "), "\(result.stdout)")
        }
        #expect(server.requests.map { "\($0.method) \($0.path)" } == ["GET /ca.crl"])
    }

    @Test("a responder that never answers, --revocation-required --fetch-timeout 1: exit 2 within 1 to 3 s, timed out")
    func hungHardFail() throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let server = try LoopbackHTTPResponder { _ in .hang }
        defer { server.stop() }
        let url = server.url("/ocsp")
        let leaf = try ca.issueLeaf("hung", extensions: ["authorityInfoAccess=OCSP;URI:\(url)"])
        let (result, elapsed) = try CLI.timedCerto(["verify", "--ca", ca.certificatePath, "--revocation", "fetch", "--revocation-required",
                                                    "--fetch-timeout", "1", leaf.certificatePath])
        #expect(!result.timedOut, "certo was still running after 20 s")
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(elapsed >= .seconds(1) && elapsed <= .seconds(3), "took \(elapsed)")
        let line = CLI.errorLine(result.stdout)
        #expect(line?.hasPrefix("error 3 at 0 depth lookup: revocation status unknown: fetching \(url) failed: ") == true, "\(result.stdout)")
        #expect(line?.contains("timed out") == true, "\(result.stdout)")
        #expect(server.requests.count == 1)
    }

    @Test("a responder that never answers, soft-fail: exit 0, --explain notes the revocation unknown")
    func hungSoftFail() throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let server = try LoopbackHTTPResponder { _ in .hang }
        defer { server.stop() }
        let url = server.url("/ocsp")
        let leaf = try ca.issueLeaf("hung", extensions: ["authorityInfoAccess=OCSP;URI:\(url)"])
        let (result, elapsed) = try CLI.timedCerto(["verify", "--ca", ca.certificatePath, "--revocation", "fetch", "--fetch-timeout", "1",
                                                    "--explain", leaf.certificatePath])
        #expect(!result.timedOut, "certo was still running after 20 s")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(elapsed <= .seconds(3), "took \(elapsed)")
        let note = CLI.lines(result.stdout).first { $0.contains("revocation unknown, accepted (soft-fail)") }
        #expect(note?.contains("fetching \(url) failed: ") == true && note?.contains("timed out") == true, "\(result.stdout)")
        #expect(CLI.lines(result.stdout).last == "\(leaf.certificatePath): OK")
    }

    struct Garbage: Sendable, CustomStringConvertible {
        let description: String
        let answer: [UInt8]
        /// What the error line says after "revocation status unknown: ", with URL for the responder's.
        let problem: String
    }

    static let garbageAnswers = [
        Garbage(description: "bytes that are not HTTP", answer: Array("\u{1}\u{2}certo garbage\r\n\r\n".utf8),
                problem: "fetching URL failed: malformed HTTP response: not an HTTP response"),
        Garbage(description: "HTTP 200 whose body is not an OCSP response", answer: LoopbackHTTPResponder.ok(
                    [0x30, 0x03, 0x02, 0x01, 0x07], contentType: "application/ocsp-response"),
                problem: "fetched OCSP response unusable: does not parse: "),
        Garbage(description: "HTTP 500", answer: Array("HTTP/1.0 500 Internal Server Error\r\nContent-Length: 0\r\n\r\n".utf8),
                problem: "fetching URL failed: HTTP status 500"),
    ]

    @Test("a responder that answers garbage: exit 2 with the reason", arguments: garbageAnswers)
    func garbage(_ garbage: Garbage) throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let server = try LoopbackHTTPResponder { _ in .bytes(garbage.answer) }
        defer { server.stop() }
        let url = server.url("/ocsp")
        let leaf = try ca.issueLeaf("garbage", extensions: ["authorityInfoAccess=OCSP;URI:\(url)"])
        let result = try CLI.certo(["verify", "--ca", ca.certificatePath, "--revocation", "fetch", "--revocation-required",
                                    "--fetch-timeout", "10", leaf.certificatePath])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        let expected = "error 3 at 0 depth lookup: revocation status unknown: " + garbage.problem.replacingOccurrences(of: "URL", with: url)
        #expect(CLI.errorLine(result.stdout)?.hasPrefix(expected) == true, "\(result.stdout)")
    }
}
