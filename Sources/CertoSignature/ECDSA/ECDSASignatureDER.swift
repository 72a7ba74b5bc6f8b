// Strict DER decoding of ECDSA-Sig-Value (RFC 3279 §2.2.3) with CertoDER's scanner: definite minimal
// lengths, minimal non-negative INTEGERs, nothing trailing. Range checks against n happen in the
// curve's ECDSASignature, which receives fixed-width big-endian r and s.
import CertoDER

enum ECDSASignatureDER {
    /// r and s as exactly `byteCount` big-endian bytes each.
    static func integers(from der: [UInt8], byteCount: Int) throws(ECDSASignatureError) -> ([UInt8], [UInt8]) {
        // Framing first, for the whole input: a broken length anywhere is a malformed signature value.
        guard var outer = try? DERScanner<DERError>.single(der[...], "ECDSA-Sig-Value"),
              var value = try? outer.enter(0x30, "ECDSA-Sig-Value") else {
            throw .malformedDER(field: "ECDSA-Sig-Value")
        }
        let r = try integer(&value, name: "r", byteCount: byteCount)
        let s = try integer(&value, name: "s", byteCount: byteCount)
        guard value.isAtEnd else { throw .malformedDER(field: "ECDSA-Sig-Value (extra element)") }
        return (r, s)
    }

    private static func integer(_ value: inout DERScanner<DERError>, name: String, byteCount: Int) throws(ECDSASignatureError) -> [UInt8] {
        guard !value.isAtEnd else { throw .malformedDER(field: "\(name) (missing)") }
        // Minimal encoding and a clear sign bit; the magnitude comes without its sign octet.
        guard let magnitude = try? value.unsignedInteger(name) else { throw .malformedDER(field: name) }
        let significant = magnitude.drop(while: { $0 == 0 })
        guard significant.count <= byteCount else { throw .scalarOutOfRange(name) }
        return [UInt8](repeating: 0, count: byteCount - significant.count) + significant
    }
}
