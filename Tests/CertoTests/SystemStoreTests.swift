// The system trust store loads, and every self-signed root in it verifies its own signature with
// Certo's code (SHA-1 and short RSA keys allowed here: a root's self-signature is not what makes it
// trusted, but a failure would mean a bug in the signature code or the parser).
import Certo
import CertoTestSupport
import Testing

@Suite struct SystemStoreTests {
    static let bundle = "/etc/ssl/certs/ca-certificates.crt"

    @Test func selfSignedRootsVerifyThemselves() throws {
        let store = try TrustStore.load(files: [Self.bundle])
        #expect(store.count > 50, "only \(store.count) certificates in \(Self.bundle)")
        let lenient = Policy(allowSHA1: true, allowWeakRSA: true)
        var ran = 0
        var passed = 0
        for root in store.certificates where root.isSelfIssued {
            ran += 1
            do {
                try root.verifySignature(issuedBy: root, policy: lenient)
                passed += 1
            } catch {
                Issue.record("\(root.subject.openSSLDescription): \(error)")
            }
        }
        reportVectorCount(Self.bundle, ran: ran, passed: passed)
        #expect(ran > 50)
    }

    @Test func systemStoreIsLoadedOnce() throws {
        let first = try TrustStore.system()
        let second = try TrustStore.system()
        #expect(first.count == second.count && first.count > 50)
    }
}
