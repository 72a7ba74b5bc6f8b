// The library surface a program verifying peers names first: certificates from PEM and from any
// byte collection, a one-line description, trust stores from PEM and the system store's environment
// variables, a presented chain with per-call host, time and purpose (sync and async), errors a
// program can show, and ECDSA keys whose isValidSignature(_:for:) takes the message.
import Certo
import CertoTestSupport
import Foundation
import Testing

@Suite struct LibraryAPITests {
    static let awsHost = "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test"
    static let time = Instant(seconds: 1_780_272_000)

    func text(_ name: String) throws -> String {
        try String(contentsOf: try VectorFiles.repositoryFile("chains/\(name)"), encoding: .utf8)
    }

    @Test func certificatesFromPEMAndAnyByteCollection() throws {
        let leaf = try Certificate(pemEncoded: try text("aws-iot-rsa2048/leaf.pem"))
        #expect(leaf.subject.commonName == "*.iot.us-east-1.certo.test")
        let slice = ([0, 1, 2] + leaf.derBytes + [9])[3..<(3 + leaf.derBytes.count)]
        #expect(try Certificate(derEncoded: slice) == leaf)
        let both = try text("aws-iot-rsa2048/leaf.pem") + text("aws-iot-rsa2048/untrusted.pem")
        #expect(try Certificate.parseAll(pemEncoded: both).count == 2)
        #expect(throws: CertificateError.multipleCertificates(count: 2)) { try Certificate(pemEncoded: both) }
        #expect(throws: CertificateError.noCertificates) { try Certificate(pemEncoded: "no PEM here") }
        let description = leaf.description
        #expect(description.hasPrefix("Certificate(subject: CN=*.iot.us-east-1.certo.test, issuer: "))
        #expect(description.contains("valid: 2025-") && description.hasSuffix("key: RSA 2048-bit)"))
        #expect(!description.contains("\n"))
    }

    @Test func presentedChainWithPerCallHostTimeAndPurpose() async throws {
        let store = try TrustStore(pemEncoded: try text("aws-iot-rsa2048/root.pem"))
        #expect(store.count == 1 && store.sources.isEmpty)
        let chain = try Certificate.parseAll(pemEncoded: try text("aws-iot-rsa2048/leaf.pem") + text("aws-iot-rsa2048/untrusted.pem"))
        let verifier = Verifier(trustStore: store)
        let verified = try verifier.verify(presentedChain: chain, host: Self.awsHost, time: Self.time)
        #expect(verified.links.count == 3)
        // The same Verifier, another host: refused, with an explanation in library words.
        do {
            _ = try verifier.verify(presentedChain: chain, host: "other.example", time: Self.time)
            Issue.record("a wrong host verified")
        } catch {
            #expect(error.reason.name == "hostnameMismatch")
            #expect(error.explanation.contains("\n"))
            #expect(error.explanation.hasPrefix("certificate verification failed at depth 0"))
            #expect(!error.explanation.contains("--"), "library words, no CLI flags")
        }
        // A per-call nil keeps the policy's host: it never drops a host check.
        var policy = Policy()
        policy.host = "other.example"
        let strict = Verifier(trustStore: store, policy: policy)
        #expect(throws: VerificationError.self) { try strict.verify(presentedChain: chain, time: Self.time) }
        // Purpose client: the leaf's extendedKeyUsage has clientAuth too.
        _ = try verifier.verify(presentedChain: chain, time: Self.time, purpose: .client)
        // DER off the wire, and off the caller's executor.
        let der = chain.map(\.derBytes)
        #expect(try verifier.verify(presentedChain: der, host: Self.awsHost, time: Self.time).links.count == 3)
        #expect(try await verifier.verifyAsync(presentedChain: der, host: Self.awsHost, time: Self.time).links.count == 3)
        #expect(throws: VerificationError.self) { try verifier.verify(presentedChain: [Certificate]()) }
        // A trust store grows without being rebuilt from files.
        let ecdsaRoot = try Certificate(pemEncoded: try text("ecdsa-p256/root.pem"))
        #expect(store.adding(ecdsaRoot).count == 2)
    }

    @Test func ecdsaKeysVerifyMessagesAsSwiftCryptoDoes() throws {
        let leaf = try Certificate(pemEncoded: try text("ecdsa-p256/leaf.pem"))
        let issuer = try Certificate(pemEncoded: try text("ecdsa-p256/untrusted.pem"))
        let key = try P256.Signing.PublicKey(derRepresentation: issuer.subjectPublicKeyInfoBytes)
        let signature = try P256.Signing.ECDSASignature(derRepresentation: leaf.signatureBytes)
        let message = leaf.tbsCertificateBytes
        #expect(key.isValidSignature(signature, for: message))
        #expect(key.isValidSignature(signature, for: SHA256.hash(data: message)))
        #expect(key.isValidSignature(signature, forDigest: SHA256.hash(data: message).bytes))
        #expect(!key.isValidSignature(signature, forDigest: message), "the message is not a digest")
        #expect(!key.isValidSignature(signature, for: Array(message.dropLast())))
    }

    /// SSL_CERT_FILE / SSL_CERT_DIR decide the system store (read by a fresh process: the store is
    /// loaded once per process).
    @Test func systemStoreHonoursOpenSSLEnvironment() throws {
        guard let certo = ExternalProgram.builtCerto else { throw MissingCerto() }
        let root = try VectorFiles.repositoryFile("chains/aws-iot-rsa2048/root.pem").path
        let untrusted = try VectorFiles.repositoryFile("chains/aws-iot-rsa2048/untrusted.pem").path
        let leaf = try VectorFiles.repositoryFile("chains/aws-iot-rsa2048/leaf.pem").path
        let otherRoot = try VectorFiles.repositoryFile("chains/ecdsa-p256/root.pem").path
        let arguments = ["verify", "--untrusted", untrusted, "--at", "1780272000", "--host", Self.awsHost, leaf]
        let trusted = try ExternalProgram.run(certo.path, arguments, environment: ["SSL_CERT_FILE": root])
        #expect(trusted.status == 0, "\(trusted.stdout)\(trusted.stderr)")
        let untrustedRoot = try ExternalProgram.run(certo.path, arguments, environment: ["SSL_CERT_FILE": otherRoot])
        #expect(untrustedRoot.status == 2)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("certo-ssl-cert-dir-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.copyItem(atPath: root, toPath: directory.appendingPathComponent("root.pem").path)
        let fromDirectory = try ExternalProgram.run(certo.path, arguments, environment: ["SSL_CERT_DIR": "/nonexistent-dir:" + directory.path])
        #expect(fromDirectory.status == 0, "a directory that does not exist is skipped, as OpenSSL does: \(fromDirectory.stderr)")
        let onlyDirectory = try ExternalProgram.run(certo.path, arguments, environment: ["SSL_CERT_DIR": directory.path])
        #expect(onlyDirectory.status == 0, "\(onlyDirectory.stdout)\(onlyDirectory.stderr)")
    }
}

private struct MissingCerto: Error, CustomStringConvertible {
    var description: String { "the certo executable was not built next to the tests (run `swift build` first)" }
}
