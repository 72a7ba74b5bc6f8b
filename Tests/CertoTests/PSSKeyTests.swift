// id-RSASSA-PSS issuer keys (RFC 4055 §3.1), built from CertoX509's parsed parts: with parameters
// (the key verifies only PSS with its hashes and at least its salt) and without. Chains made with the
// openssl CLI (which signs only what the key's parameters allow).
import Certo
import CertoTestSupport
import Foundation
import Testing

@Suite struct PSSKeyTests {
    private func openssl(_ arguments: [String]) throws {
        let result = try ExternalProgram.run("/usr/bin/env", ["openssl"] + arguments)
        try #require(result.status == 0, "openssl \(arguments.first ?? ""): \(result.stderr)")
    }

    /// A PSS-keyed root and a leaf it signs with PSS/SHA-256, salt 32; `restricted` puts SHA-256,
    /// MGF1-SHA-256 and salt 32 into the root's key parameters.
    private func chain(restricted: Bool, in directory: URL) throws -> (root: Certificate, leaf: Certificate) {
        func path(_ name: String) -> String { directory.appendingPathComponent(name).path }
        var keyOptions = ["-pkeyopt", "rsa_keygen_bits:2048"]
        if restricted {
            keyOptions += ["-pkeyopt", "rsa_pss_keygen_md:sha256", "-pkeyopt", "rsa_pss_keygen_mgf1_md:sha256",
                           "-pkeyopt", "rsa_pss_keygen_saltlen:32"]
        }
        try openssl(["genpkey", "-algorithm", "RSA-PSS"] + keyOptions + ["-out", path("root.key")])
        let pss = ["-sha256", "-sigopt", "rsa_padding_mode:pss", "-sigopt", "rsa_pss_saltlen:32"]
        try openssl(["req", "-x509", "-key", path("root.key"), "-out", path("root.pem"), "-days", "30",
                     "-subj", "/CN=PSS Test Root", "-addext", "basicConstraints=critical,CA:TRUE",
                     "-addext", "keyUsage=critical,keyCertSign,cRLSign"] + pss)
        try openssl(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", path("leaf.key"), "-out", path("leaf.csr"),
                     "-subj", "/CN=leaf.pss.test"])
        try "subjectAltName=DNS:leaf.pss.test\nextendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\nauthorityKeyIdentifier=keyid\n"
            .write(toFile: path("ext"), atomically: true, encoding: .utf8)
        try openssl(["x509", "-req", "-in", path("leaf.csr"), "-CA", path("root.pem"), "-CAkey", path("root.key"),
                     "-CAcreateserial", "-out", path("leaf.pem"), "-days", "20", "-extfile", path("ext")] + pss)
        func certificate(_ name: String) throws -> Certificate {
            try #require(try Certificate.parseAll(Array(try Data(contentsOf: directory.appendingPathComponent(name)))).first)
        }
        return (try certificate("root.pem"), try certificate("leaf.pem"))
    }

    @Test(arguments: [true, false])
    func pssKeyedRootVerifiesItsLeaf(restricted: Bool) throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("certo-pss-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let (root, leaf) = try chain(restricted: restricted, in: directory)
        guard case .rsaPSS(_, let parameters) = root.publicKey.algorithm else {
            Issue.record("root key is \(root.publicKey.algorithm), not RSA-PSS")
            return
        }
        #expect((parameters != nil) == restricted)
        let verifier = Verifier(trustStore: TrustStore([root]), policy: Policy(profile: .rfc5280, host: "leaf.pss.test"))
        let chain = try verifier.verify(leaf: leaf)
        #expect(chain.links.count == 2)
        #expect(chain.links[0].issuer == root)
    }
}
