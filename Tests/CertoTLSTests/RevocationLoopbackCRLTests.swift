// `certo verify --crl` against CRLs `openssl ca -gencrl` signs at test time from its own database:
// a leaf revoked for keyCompromise, one it does not list, a CRL past its nextUpdate (made so, or
// judged later with --at), a CRL of the same issuer name signed by another key that lists the leaf,
// and a delta CRL (a raw deltaCRLIndicator in the CRL extensions) that revokes what its base does not.
import Foundation
import Testing

@Suite("Revocation end to end: CRLs made by openssl ca")
struct RevocationLoopbackCRLTests {
    typealias CLI = RevocationCLI

    @Test("a leaf the CRL lists for keyCompromise: exit 2, error 23, the CRL named in --json")
    func revoked() throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let leaf = try ca.issueLeaf("revoked")
        try ca.revoke(leaf, reason: "keyCompromise")
        let crl = try ca.makeCRL("ca.crl")
        let arguments = ["verify", "--ca", ca.certificatePath, "--crl", crl.path, leaf.certificatePath]

        let text = try CLI.certo(arguments)
        #expect(text.status == 2, "\(text.stdout)\(text.stderr)")
        #expect(CLI.errorLine(text.stdout) == "error 23 at 0 depth lookup: certificate revoked")
        #expect(CLI.lines(text.stdout).last == "\(leaf.certificatePath): verification failed")

        let json = try CLI.certo(arguments + ["--json"])
        #expect(json.status == 2)
        let error = try CLI.error(try CLI.verification(json))
        #expect(error["reason"] as? String == "revoked")
        #expect(error["openssl_code"] as? Int == 23)
        let revocation = try #require(error["revocation"] as? [String: Any])
        #expect(revocation["reason"] as? String == "keyCompromise")
        let source = try CLI.source(revocation)
        #expect(source["kind"] as? String == "crl")
        #expect(source["origin"] as? String == "file")
        #expect(source["crl_number"] as? String == String(crl.number))
    }

    @Test("a leaf the CRL does not list: OK, and --explain names the CRL's number")
    func notRevoked() throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let leaf = try ca.issueLeaf("good")
        try ca.revoke(try ca.issueLeaf("other"))  // the CRL is not empty
        let crl = try ca.makeCRL("ca.crl")
        let result = try CLI.certo(["verify", "--ca", ca.certificatePath, "--crl", crl.path, "--revocation-required", "--explain",
                                    leaf.certificatePath])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let lines = CLI.lines(result.stdout)
        #expect(lines.contains { $0.hasPrefix("    ok: §6.1.3(a)(3) not revoked (CRL number \(crl.number) of ") }, "\(result.stdout)")
        #expect(lines.last == "\(leaf.certificatePath): OK")
    }

    struct ExpiryCase: Sendable, CustomStringConvertible {
        let description: String
        /// Seconds from now of the CRL's lastUpdate and nextUpdate (nil: openssl's now, now + 7 days).
        let lastUpdate: Int?
        let nextUpdate: Int?
        /// Seconds from now of the validation time (nil: now).
        let at: Int?
    }

    static let expiryCases = [
        ExpiryCase(description: "nextUpdate yesterday (-crl_lastupdate, -crl_nextupdate)",
                   lastUpdate: -2 * 86_400, nextUpdate: -86_400, at: nil),
        ExpiryCase(description: "--at a day after a 7-day CRL's nextUpdate", lastUpdate: nil, nextUpdate: nil, at: 8 * 86_400),
    ]

    @Test("an expired CRL: error 12 with --revocation-required, noted and accepted without", arguments: expiryCases)
    func expired(_ expiry: ExpiryCase) throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let leaf = try ca.issueLeaf("expiry")
        let now = Int(Date().timeIntervalSince1970)
        let crl = try ca.makeCRL("ca.crl", lastUpdate: expiry.lastUpdate.map { now + $0 }, nextUpdate: expiry.nextUpdate.map { now + $0 })
        let at = expiry.at.map { ["--at", String(now + $0)] } ?? []
        let arguments = ["verify", "--ca", ca.certificatePath, "--crl", crl.path] + at

        let required = try CLI.certo(arguments + ["--revocation-required", leaf.certificatePath])
        #expect(required.status == 2, "\(required.stdout)\(required.stderr)")
        #expect(CLI.errorLine(required.stdout) == "error 12 at 0 depth lookup: CRL has expired")

        let soft = try CLI.certo(arguments + ["--explain", leaf.certificatePath])
        #expect(soft.status == 0, "\(soft.stdout)\(soft.stderr)")
        #expect(soft.stdout.contains("ok: §6.1.3(a)(3) revocation unknown, accepted (soft-fail): no usable CRL: CRL expired at "),
                "\(soft.stdout)")
    }

    @Test("a CRL with the issuer's name signed by another key: error 8, and the leaf it lists is not taken as revoked")
    func wrongSigner() throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let forger = try OpenSSLCA.make(commonName: ca.commonName)
        defer { forger.remove() }
        let leaf = try ca.issueLeaf("forged")
        try forger.revoke(leaf)  // the forger's database lists the CA's leaf
        let crl = try forger.makeCRL("forged.crl")
        let arguments = ["verify", "--ca", ca.certificatePath, "--crl", crl.path]

        let required = try CLI.certo(arguments + ["--revocation-required", "--json", leaf.certificatePath])
        #expect(required.status == 2, "\(required.stdout)\(required.stderr)")
        let error = try CLI.error(try CLI.verification(required))
        #expect(error["openssl_code"] as? Int == 8)
        #expect((error["message"] as? String)?.contains("CRL signature does not verify with the issuer's key") == true, "\(error)")

        let text = try CLI.certo(arguments + ["--revocation-required", leaf.certificatePath])
        #expect(CLI.errorLine(text.stdout) == "error 8 at 0 depth lookup: CRL signature failure")

        // Soft-fail: the forged revocation is not believed, the chain stands.
        let soft = try CLI.certo(arguments + [leaf.certificatePath])
        #expect(soft.status == 0, "\(soft.stdout)")
    }

    @Test("a delta CRL revokes a leaf its base CRL does not list")
    func delta() throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        try ca.revoke(try ca.issueLeaf("early"))
        let late = try ca.issueLeaf("late")
        let base = try ca.makeCRL("base.crl")
        try ca.revoke(late, reason: "superseded")
        let delta = try ca.makeCRL("delta.crl", deltaOf: base.number)
        #expect(delta.number == base.number + 1)
        let arguments = ["verify", "--ca", ca.certificatePath, "--revocation-required"]

        let baseOnly = try CLI.certo(arguments + ["--crl", base.path, "--explain", late.certificatePath])
        #expect(baseOnly.status == 0, "\(baseOnly.stdout)")
        #expect(baseOnly.stdout.contains("not revoked (CRL number \(base.number) of "), "\(baseOnly.stdout)")

        let both = try CLI.certo(arguments + ["--crl", base.path, "--crl", delta.path, late.certificatePath])
        #expect(both.status == 2, "\(both.stdout)")
        #expect(CLI.errorLine(both.stdout) == "error 23 at 0 depth lookup: certificate revoked")
        let json = try CLI.certo(arguments + ["--crl", base.path, "--crl", delta.path, "--json", late.certificatePath])
        let revocation = try #require(try CLI.error(try CLI.verification(json))["revocation"] as? [String: Any])
        #expect(revocation["reason"] as? String == "superseded")
        #expect(try CLI.source(revocation)["crl_number"] as? String == String(delta.number))

        // Without its base a delta CRL answers nothing.
        let deltaOnly = try CLI.certo(arguments + ["--crl", delta.path, "--json", late.certificatePath])
        #expect(deltaOnly.status == 2)
        let message = try CLI.error(try CLI.verification(deltaOnly))["message"] as? String
        #expect(message?.contains("a delta CRL without its base CRL") == true, "\(message ?? "nil")")
    }
}
