// Fuzz target: PEM text as a certificate or key file holds it. Runs CertoDER's PEM reader and strict
// base64 decoder, CertoX509's two certificate-file entry points, and the key readers of CertoSignature
// (on the same PEM reader). Invariant: the two certificate-file entry points find the same DER.
import CertoDER
import CertoSignature
@testable import CertoX509
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = FuzzInput(data, size).bytes
    if let blocks = try? PEM.blocks(bytes) {
        for block in blocks { _ = block.label.count + block.line }
    } else {
        _ = Base64.decode(bytes)
    }
    let encoded = Result { () throws(CertificateError) in try Certificate.encodedCertificates(bytes) }
    switch Result(catching: { () throws(CertificateError) in try Certificate.parseAll(bytes) }) {
    case .success(let certificates):
        // parseAll succeeding means every block parsed, so both must list the same DER in order.
        invariant((try? encoded.get()) == certificates.map(\.derBytes), "parseAll and encodedCertificates disagree")
    case .failure(let error):
        _ = error.description
    }
    let text = String(decoding: bytes, as: UTF8.self)
    _ = try? RSAPublicKey(pemRepresentation: text)
    _ = try? ECDSAPublicKey(pemRepresentation: text)
    return 0
}

@main enum PEMFuzzer {
    static func main() { LibFuzzerDriver.run(testOneInput) }
}
