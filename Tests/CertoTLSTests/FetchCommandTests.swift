// `certo fetch` as scripts run it, against `openssl s_server` on 127.0.0.1: the stapled OCSP response
// saved as ocsp.der beside cert_N.pem (byte for byte what the server stapled) with its own "saved"
// line, nothing extra when there is no staple, and --out created when missing.
import CertoTestSupport
import Foundation
import Testing

@Suite("certo fetch: files written")
struct FetchCommandTests {
    static func certo(_ arguments: [String]) throws -> ProgramResult {
        let binary = try #require(ExternalProgram.builtCerto, "the certo executable was not built next to the tests")
        return try ExternalProgram.run(binary.path, arguments)
    }

    /// A fresh directory path that does not exist yet (its parent does not either), removed afterwards.
    static func withMissingDirectory(_ body: (String, String) throws -> Void) throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("certo-fetch-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: root) }
        try body(root, root + "/new/out")
    }

    @Test("a staple is saved as ocsp.der, after the certificates, in a directory made for it", arguments: ["-tls1_2", "-tls1_3"])
    func savesStaple(_ version: String) throws {
        let pki = try LoopbackPKI.shared.get()
        let ocsp = try LoopbackOCSP.shared.get()
        let server = try OpenSSLServer(pki: pki, extraArguments: [version, "-status_file", ocsp.responsePath])
        defer { server.stop() }
        try Self.withMissingDirectory { _, out in
            let result = try Self.certo(["fetch", "127.0.0.1:\(server.port)", "--sni", "localhost", "--out", out, "--timeout", "15"])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.suffix(4) == ["saved \(out)/cert_1.pem", "saved \(out)/cert_2.pem", "saved \(out)/cert_3.pem", "saved \(out)/ocsp.der"])
            #expect(FileManager.default.contents(atPath: out + "/ocsp.der").map { [UInt8]($0) } == ocsp.responseDER)
            #expect(FileManager.default.fileExists(atPath: out + "/cert_3.pem"))
        }
    }

    @Test("no staple: no ocsp.der and no line about it")
    func noStaple() throws {
        let server = try OpenSSLServer(pki: try LoopbackPKI.shared.get(), extraArguments: ["-tls1_2"])
        defer { server.stop() }
        try Self.withMissingDirectory { _, out in
            let result = try Self.certo(["fetch", "127.0.0.1:\(server.port)", "--out", out, "--timeout", "15"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout.hasSuffix("saved \(out)/cert_3.pem\n"))
            #expect(!result.stdout.contains("ocsp"))
            #expect(!FileManager.default.fileExists(atPath: out + "/ocsp.der"))
        }
    }

    @Test("--out naming a file: exit 1 before connecting")
    func outIsAFile() throws {
        let port = try #require(LoopbackSockets.freePort())  // nothing listens: a connection attempt would exit 3
        try Self.withMissingDirectory { root, _ in
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            let file = root + "/file"
            #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
            let result = try Self.certo(["fetch", "127.0.0.1:\(port)", "--out", file + "/sub"])
            #expect(result.status == 1)
            #expect(result.stderr == "certo fetch: cannot create \(file)/sub: Not a directory\n")
        }
    }
}
