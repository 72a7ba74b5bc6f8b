// `certo verify --ocsp-response` against responses `openssl ocsp -index ... -respout` makes at test
// time from the CA's database: good, revoked, unknown (a serial the database never saw, or a CertID
// of another issuer), signed by a responder the CA never authorized, past nextUpdate beyond the
// 5-minute clock tolerance, and signed by delegated responder certificates with and without
// id-kp-OCSPSigning.
import Foundation
import Testing

@Suite("Revocation end to end: OCSP responses made by openssl ocsp")
struct RevocationLoopbackOCSPTests {
    typealias CLI = RevocationCLI

    @Test("good: OK, and --json names an OCSP response from a file, signed by the issuer")
    func good() throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let leaf = try ca.issueLeaf("good")
        let response = try ca.ocspResponse("good.der", for: leaf)
        let arguments = ["verify", "--ca", ca.certificatePath, "--ocsp-response", response, "--revocation-required"]

        let text = try CLI.certo(arguments + [leaf.certificatePath])
        #expect(text.status == 0, "\(text.stdout)\(text.stderr)")
        #expect(text.stdout == "\(leaf.certificatePath): OK\n")

        let json = try CLI.verification(try CLI.certo(arguments + ["--json", leaf.certificatePath]))
        #expect(json["ok"] as? Bool == true)
        let revocation = try CLI.linkRevocation(json)
        #expect(revocation["status"] as? String == "good")
        let source = try CLI.source(revocation)
        #expect(source["kind"] as? String == "ocsp")
        #expect(source["origin"] as? String == "file")
        #expect(source["responder"] as? String == "issuer")
    }

    @Test("revoked: exit 2, error 23, the reason in the message and in --json")
    func revoked() throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let leaf = try ca.issueLeaf("revoked")
        try ca.revoke(leaf, reason: "keyCompromise")
        let response = try ca.ocspResponse("revoked.der", for: leaf)
        let arguments = ["verify", "--ca", ca.certificatePath, "--ocsp-response", response]

        let text = try CLI.certo(arguments + ["--explain", leaf.certificatePath])
        #expect(text.status == 2, "\(text.stdout)\(text.stderr)")
        #expect(CLI.errorLine(text.stdout) == "error 23 at 0 depth lookup: certificate revoked")
        let failed = CLI.lines(text.stdout).first { $0.hasPrefix("  failed at depth 0") }
        #expect(failed?.contains("(keyCompromise) according to the OCSP response produced ") == true, "\(text.stdout)")

        let error = try CLI.error(try CLI.verification(try CLI.certo(arguments + ["--json", leaf.certificatePath])))
        #expect(error["reason"] as? String == "revoked")
        let revocation = try #require(error["revocation"] as? [String: Any])
        #expect(revocation["reason"] as? String == "keyCompromise")
        #expect(try CLI.source(revocation)["kind"] as? String == "ocsp")
    }

    enum Unknown: String, Sendable, CaseIterable, CustomStringConvertible {
        case serialNotInIndex = "a serial index.txt does not have"
        case otherIssuer = "a CertID naming another issuer (-issuer)"
        var description: String { rawValue }
    }

    @Test("unknown: exit 2 with --revocation-required, accepted and noted without", arguments: Unknown.allCases)
    func unknown(_ kind: Unknown) throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let other = try OpenSSLCA.make(commonName: "Certo Other Issuer")
        defer { other.remove() }
        let leaf = try ca.issueLeaf("unknown", inDatabase: kind != .serialNotInIndex)
        let response = try ca.ocspResponse("unknown.der", for: leaf, issuer: kind == .otherIssuer ? other.certificatePath : nil)
        let problem = kind == .serialNotInIndex ? "the responder does not know the certificate" : "it has no answer for this certificate"
        let arguments = ["verify", "--ca", ca.certificatePath, "--ocsp-response", response]

        let required = try CLI.certo(arguments + ["--revocation-required", leaf.certificatePath])
        #expect(required.status == 2, "\(required.stdout)\(required.stderr)")
        #expect(CLI.errorLine(required.stdout)
                == "error 3 at 0 depth lookup: revocation status unknown: OCSP response unusable: \(problem)")

        let soft = try CLI.certo(arguments + ["--json", leaf.certificatePath])
        #expect(soft.status == 0, "\(soft.stdout)")
        let revocation = try CLI.linkRevocation(try CLI.verification(soft))
        #expect(revocation["status"] as? String == "unknown")
        #expect(revocation["problem"] as? String == "OCSP response unusable: \(problem)")
    }

    struct WrongResponder: Sendable, CustomStringConvertible {
        let description: String
        /// The impostor's name: another, or the issuing CA's own.
        let sameName: Bool
        /// -resp_no_certs: the response carries no certificate of its signer.
        let withoutCertificate: Bool
        let problem: String
    }

    static let wrongResponders = [
        WrongResponder(description: "an unrelated responder, its certificate in the response", sameName: false, withoutCertificate: false,
                       problem: "the responder certificate is not signed by the issuing CA"),
        WrongResponder(description: "an unrelated responder, no certificate (-resp_no_certs)", sameName: false, withoutCertificate: true,
                       problem: "signed by neither the issuing CA nor a responder it authorized"),
        WrongResponder(description: "the issuer's name with another key", sameName: true, withoutCertificate: true,
                       problem: "its signature does not verify with the responder's key"),
    ]

    @Test("a responder the CA never authorized: its 'revoked' is not taken, and nothing answers", arguments: wrongResponders)
    func wrongResponder(_ kind: WrongResponder) throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let impostor = try OpenSSLCA.make(commonName: kind.sameName ? ca.commonName : "Certo Unrelated Responder")
        defer { impostor.remove() }
        let leaf = try ca.issueLeaf("impostor")
        try ca.revoke(leaf)  // the impostor's response says revoked: taken, it would give error 23
        let response = try ca.ocspResponse("impostor.der", for: leaf, signer: impostor.asSigner,
                                           extraArguments: kind.withoutCertificate ? ["-resp_no_certs"] : [])
        let problem = kind.problem
        let result = try CLI.certo(["verify", "--ca", ca.certificatePath, "--ocsp-response", response, "--revocation-required",
                                    leaf.certificatePath])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(CLI.errorLine(result.stdout) == "error 3 at 0 depth lookup: revocation status unknown: OCSP response unusable: \(problem)")
    }

    @Test("expired: refused once --at passes nextUpdate by more than the 5-minute tolerance, accepted within it")
    func expired() throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let leaf = try ca.issueLeaf("expiring")
        let made = Int(Date().timeIntervalSince1970)
        let response = try ca.ocspResponse("short.der", for: leaf, validity: .minutes(1))  // nextUpdate = thisUpdate + 60 s
        let arguments = ["verify", "--ca", ca.certificatePath, "--ocsp-response", response, "--revocation-required"]

        let late = try CLI.certo(arguments + ["--at", String(made + 60 + 300 + 120), leaf.certificatePath])
        #expect(late.status == 2, "\(late.stdout)\(late.stderr)")
        let line = CLI.errorLine(late.stdout)
        #expect(line?.hasPrefix("error 3 at 0 depth lookup: revocation status unknown: OCSP response unusable: expired at ") == true,
                "\(late.stdout)")

        let withinTolerance = try CLI.certo(arguments + ["--at", String(made + 60 + 240), leaf.certificatePath])
        #expect(withinTolerance.status == 0, "\(withinTolerance.stdout)")
    }

    @Test("a delegated responder the CA issued with id-kp-OCSPSigning: accepted, responder delegated")
    func delegated() throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let leaf = try ca.issueLeaf("delegated")
        let responder = try ca.issueResponder("delegated", ocspSigning: true)
        let response = try ca.ocspResponse("delegated.der", for: leaf, signer: responder)
        let result = try CLI.certo(["verify", "--ca", ca.certificatePath, "--ocsp-response", response, "--revocation-required",
                                    "--json", leaf.certificatePath])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let source = try CLI.source(try CLI.linkRevocation(try CLI.verification(result)))
        #expect(source["responder"] as? String == "delegated")
        #expect(source["origin"] as? String == "file")
    }

    @Test("a delegated responder without id-kp-OCSPSigning: refused")
    func delegatedWithoutOCSPSigning() throws {
        let ca = try OpenSSLCA.make()
        defer { ca.remove() }
        let leaf = try ca.issueLeaf("undelegated")
        let responder = try ca.issueResponder("undelegated", ocspSigning: false)
        let response = try ca.ocspResponse("undelegated.der", for: leaf, signer: responder)
        let result = try CLI.certo(["verify", "--ca", ca.certificatePath, "--ocsp-response", response, "--revocation-required",
                                    leaf.certificatePath])
        #expect(result.status == 2, "\(result.stdout)\(result.stderr)")
        #expect(CLI.errorLine(result.stdout)
                == "error 3 at 0 depth lookup: revocation status unknown: OCSP response unusable: the responder certificate lacks id-kp-OCSPSigning")
    }
}
