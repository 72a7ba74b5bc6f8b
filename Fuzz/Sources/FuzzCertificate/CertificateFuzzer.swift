// Fuzz target: one DER certificate, as `Certificate(derEncoded:)` receives it from a file or a peer.
// A certificate that parses is read through every accessor and renderer `certo show` and the
// validator use. Invariants: every known extension decodes with the typed decoders, and reads back
// through its accessor (parsing vouched for both). A certificate the strict parser refuses goes to
// `certo show`'s display decoder (CertificateDisplay), read through its accessors: it must never trap,
// and it must report at least one problem (what it shows is what the strict parser refused).
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
        displayDecode(bytes)
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

/// `certo show`'s path for a certificate verification refuses.
private func displayDecode(_ bytes: [UInt8]) {
    guard let shown = try? CertificateDisplay(displayDecoding: bytes) else { return }
    invariant(!shown.problems.isEmpty, "the display decoder read a certificate the strict parser refused without naming a problem")
    _ = shown.problems.map(\.description)
    _ = (shown.version, shown.signatureAlgorithm?.description, shown.notBefore, shown.notAfter, shown.serialNumberHex)
    _ = shown.issuer.openSSLDescription + shown.subject.openSSLDescription
    _ = (shown.extensionSummaries, shown.subjectAlternativeNames, shown.serialNumberProblems, shown.isSelfIssued)
    _ = shown.fingerprint(.sha256)
    _ = shown.keyIdentifierRelation(toIssuer: shown)
}

@main enum CertificateFuzzer {
    static func main() { LibFuzzerDriver.run(testOneInput) }
}
