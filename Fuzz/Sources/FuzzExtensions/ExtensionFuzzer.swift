// Fuzz target: extension values and the DER readers under them. Input: a mode byte, then
// - modes 0, 1: an OID (length byte, content octets) and an extnValue, critical when the mode is 1:
//   the parse-time validator (DERScanner) against the typed decoders (SwiftASN1 nodes): what the
//   validator accepts the decoders must accept (ExtensionValidator.swift promises the accessors cannot
//   fail after parse), and the accessor must answer;
// - mode 2: a whole Extensions SEQUENCE, as a v3 certificate carries it;
// - mode 3: a Name (the second byte even) or any DER (odd): DERFramingDifferential.swift.
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
    guard OID.isValidEncoding(oid[...]) else { return }
    let validated = Result { () throws(CertificateError) in try ExtensionValidator.validate(oid: oid[...], value: value[...]) }
    let ext = Extension(oidBytes: oid[...], critical: critical, content: value[...])
    let decoded = Result { () throws(CertificateError) in try ext.decodeValue() }
    switch (validated, decoded) {
    case (.success, .success):
        TypedExtensionCheck.check(Extensions([ext]))
    case (.success, .failure(let error)):
        invariant(false, "\(ext.name): the validator accepts a value the typed decoder refuses (\(error))")
    case (.failure(let error), _):
        // The validator may be the stricter one (DERScanner takes no high tag numbers): the
        // certificate is then refused at parse, and no accessor is ever asked.
        _ = error.description
    }
}

private func extensionList(_ bytes: [UInt8]) {
    var scanner = DERScanner(bytes[...])
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
