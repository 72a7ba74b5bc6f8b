// Fuzz target: one DER certificate, as `Certificate(derEncoded:)` receives it from a file or a peer.
// A certificate that parses is read through every accessor and renderer `certo show` and the
// validator use. Invariants: every known extension decodes with the typed decoders, and reads back
// through its accessor (parsing vouched for both).
import Certo
import CertoSignature
import CertoX509
import FuzzSupport

/// Names and addresses to match against each parsed certificate's subjectAltName.
private let hosts = ["www.example.com", "a.b.certo.test", "*.certo.test", "192.0.2.7", "2001:db8::1"].compactMap(HostIdentity.init)

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).bytes
    let certificate: Certificate
    do {
        certificate = try Certificate(derEncoded: bytes)
    } catch {
        _ = error.description
        return 0
    }
    _ = certificate.serialNumberHex + certificate.issuer.description + certificate.subject.openSSLDescription
    _ = certificate.subject.commonName
    _ = certificate.serialNumberProblems
    _ = certificate.isSelfIssued
    _ = CivilTime.iso8601(certificate.notBefore) + CivilTime.iso8601(certificate.notAfter)
    _ = certificate.signatureAlgorithm.description + certificate.publicKey.algorithm.description
    _ = KeyDescription.describe(certificate.publicKey)
    _ = certificate.fingerprint(.sha256)
    do {
        try certificate.extensions.decodeAll()
    } catch {
        invariant(false, "parsed certificate's extensions fail the typed decoders: \(error)")
    }
    TypedExtensionCheck.check(certificate.extensions)
    if let names = certificate.extensions.subjectAlternativeNames {
        for host in hosts { _ = host.matches(subjectAlternativeNames: names) }
    }
    if let key = try? PublicKey(subjectPublicKeyInfoDER: certificate.subjectPublicKeyInfoBytes) {
        _ = key.sizeDescription
    }
    return 0
}

@main enum CertificateFuzzer {
    static func main() { LibFuzzerDriver.run(testOneInput) }
}
