// Fuzz target: extension values and the DER readers under them. Input: a mode byte, then
// - modes 0, 1: an OID (length byte, content octets) and an extnValue, critical when the mode is 1:
//   each known extension has one decoder (ExtensionDecoder.swift), run at parse without building its
//   value and by the accessors with it; the two passes must agree on every input (the accessors cannot
//   fail after parse), and the accessor must answer;
// - mode 2: a whole Extensions SEQUENCE, as a v3 certificate carries it;
// - mode 3: a Name (the second byte even) or any DER (odd): DERFramingDifferential.swift.
import CertoDER
@testable import CertoX509
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let mode = input.byte() % 4
    switch mode {
    case 0, 1:
        let oid = input.bytes(Int(input.byte()))
        let value = input.rest()
        singleExtension(oid: oid, critical: mode == 1, value: value)
    case 2:
        extensionList(input.rest())
    default:
        if input.byte() % 2 == 0 {
            name(input.rest())
        } else {
            DERFramingDifferential.run(input.rest())
        }
    }
    return 0
}

private func singleExtension(oid: [UInt8], critical: Bool, value: [UInt8]) {
    guard ObjectIdentifierEncoding.isValid(oid[...]) else { return }
    let validated = Result { () throws(CertificateError) in
        var ignored = DecodedExtensionValues()
        try ExtensionDecoder.decode(KnownExtension(oidBytes: oid[...]), oid: oid[...], value: value[...], into: &ignored)
    }
    let ext = Extension(oidBytes: oid[...], critical: critical, content: value[...])
    let decoded = Result { () throws(CertificateError) in try ext.decodeValue() }
    switch (validated, decoded) {
    case (.success, .success):
        TypedExtensionCheck.check(Extensions([ext]))
    case (.success, .failure(let error)):
        invariant(false, "\(ext.name): the checking pass accepts a value the building pass refuses (\(error))")
    case (.failure(let error), .success):
        invariant(false, "\(ext.name): the building pass accepts a value the checking pass refuses (\(error))")
    case (.failure(let error), .failure(let other)):
        invariant(error == other, "\(ext.name): the two passes refuse with different errors (\(error), \(other))")
    }
}

private func extensionList(_ bytes: [UInt8]) {
    var scanner = CertoDER.DERScanner<CertificateError>(bytes[...])
    guard let extensions = try? Extensions(&scanner, field: "extensions") else { return }
    do {
        try extensions.decodeAll()
    } catch {
        invariant(false, "an Extensions list accepted at parse fails the typed decoders: \(error)")
    }
    TypedExtensionCheck.check(extensions)
}

private func name(_ bytes: [UInt8]) {
    guard let name = try? DistinguishedName(derEncoded: bytes) else { return }
    _ = name.description + name.openSSLDescription
    _ = name.commonName
    _ = name.rdns.count
    invariant(name == name && name.isByteIdentical(to: name), "a Name differs from itself")
}

@main enum ExtensionFuzzer {
    static func main() { LibFuzzerDriver.run(testOneInput) }
}
