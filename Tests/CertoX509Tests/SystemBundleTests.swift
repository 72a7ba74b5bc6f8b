// The machine's CA bundle parses completely; a quick end-to-end check of PEM and certificate parsing.
import CertoX509
import Foundation
import Testing

@Suite struct SystemBundleTests {
    @Test func systemBundleParses() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "/etc/ssl/certs/ca-certificates.crt")))
        let certificates = try Certificate.parseAll(bytes)
        reportVectorCountLocal("/etc/ssl/certs/ca-certificates.crt", ran: certificates.count, passed: certificates.count)
        #expect(certificates.count > 100)
        for certificate in certificates {
            #expect(certificate.version == 3 || certificate.version == 1)
            #expect(certificate.extensions.unhandledCriticalExtensions.isEmpty)
        }
        let first = certificates[0]
        print(first.subject.openSSLDescription, "|", first.subject, "|", first.publicKey.algorithm, first.signatureAlgorithm, CertificateTime.iso8601(first.notAfter))
    }
}

func reportVectorCountLocal(_ file: String, ran: Int, passed: Int) {
    print("vectors: \(file): \(ran) ran, \(passed) passed")
}
