// The machine's CA bundle parses completely, and every certificate in it is a well-formed CA.
import CertoTestSupport
import CertoX509
import Foundation
import Testing

@Suite struct SystemBundleTests {
    @Test func systemBundleParses() throws {
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: "/etc/ssl/certs/ca-certificates.crt")))
        let certificates = try Certificate.parseAll(bytes)
        var passed = 0
        for certificate in certificates {
            let ok = certificate.extensions.unhandledCriticalExtensions.isEmpty
                && (certificate.version == 1 || certificate.extensions.basicConstraints?.isCA == true)
            #expect(ok, "\(certificate.subject)")
            if ok { passed += 1 }
        }
        #expect(certificates.count > 100)
        reportVectorCount("/etc/ssl/certs/ca-certificates.crt", ran: certificates.count, passed: passed)
    }
}
