// Hints that need no failed search: AWS IoT's legacy endpoint, told from the chain a server sent.
// The legacy root's name is put in a certificate made with the openssl CLI; a TestVectors chain
// stands for an ATS one.
import Certo
import CertoTestSupport
import Foundation
import Testing

@Suite struct DiagnosisTests {
    /// A self-signed certificate whose subject (and so issuer) commonName is `commonName`.
    private func selfSigned(commonName: String) throws -> Certificate {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("certo-diagnosis-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let key = directory.appendingPathComponent("key.pem").path
        let certificate = directory.appendingPathComponent("cert.pem").path
        let made = try ExternalProgram.run("/usr/bin/env", ["openssl", "req", "-x509", "-newkey", "ec",
            "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", key, "-out", certificate,
            "-days", "30", "-subj", "/C=US/O=VeriSign, Inc./CN=\(commonName)"])
        try #require(made.status == 0, "openssl req failed: \(made.stderr)")
        return try #require(try Certificate.parseAll(Array(FileManager.default.contents(atPath: certificate) ?? Data())).first)
    }

    @Test func legacyAWSIoTEndpointIsNamedWithItsATSHost() throws {
        let legacy = try selfSigned(commonName: "VeriSign Class 3 Public Primary Certification Authority - G5")
        let hint = Hint.awsIoTEndpoint(host: "a1b2c3d4e5f6g7.iot.us-east-1.amazonaws.com", chain: [legacy])
        #expect(hint == .legacyAWSIoTEndpoint(atsHost: "a1b2c3d4e5f6g7-ats.iot.us-east-1.amazonaws.com"))
        #expect(hint?.description.contains("use the ATS endpoint a1b2c3d4e5f6g7-ats.iot.us-east-1.amazonaws.com") == true)
        // Not an AWS IoT data endpoint name, or already the ATS one: the advice names no host.
        #expect(Hint.awsIoTEndpoint(host: "mqtt.example.com", chain: [legacy]) == .legacyAWSIoTEndpoint(atsHost: nil))
        #expect(Hint.awsIoTEndpoint(host: "a1b2-ats.iot.eu-west-1.amazonaws.com", chain: [legacy]) == .legacyAWSIoTEndpoint(atsHost: nil))
    }

    @Test func atsChainGetsNoAdvice() throws {
        let other = try selfSigned(commonName: "Amazon Root CA 1")
        #expect(Hint.awsIoTEndpoint(host: "a1b2c3d4e5f6g7-ats.iot.us-east-1.amazonaws.com", chain: [other]) == nil)
        let leaf = try Certificate.parseAll(Array(try Data(contentsOf: VectorFiles.repositoryRoot
            .appendingPathComponent("TestVectors/chains/aws-iot-rsa2048/leaf.pem"))))
        #expect(Hint.awsIoTEndpoint(host: "a1b2c3d4e5f6g7.iot.us-east-1.amazonaws.com", chain: leaf) == nil)
    }
}
