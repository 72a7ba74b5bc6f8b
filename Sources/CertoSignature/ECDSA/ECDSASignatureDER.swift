// Strict DER decoding of ECDSA-Sig-Value (RFC 3279 §2.2.3) with CertoDER's scanner: definite minimal
// lengths, minimal non-negative INTEGERs, nothing trailing. Range checks against n happen in the
// curve's ECDSASignature, which receives fixed-width big-endian r and s.
import CertoDER

enum ECDSASignatureDER {
    /// r and s as exactly `byteCount` big-endian bytes each.
    static func integers(from der: [UInt8], byteCount: Int) throws(ECDSASignatureError) -> ([UInt8], [UInt8]) {
        // Framing first, for the whole input: a broken length anywhere is a malformed signature value.
        guard var value = try? DERScanner<DERError>.singleSequence(der[...], "ECDSA-Sig-Value") else {
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

// MARK: - Errors

// Why an ECDSA signature encoding was refused before any arithmetic.
/// An ECDSA signature that is not a well-formed (r, s) pair for the curve.
public enum ECDSASignatureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The DER is malformed at `field` ("ECDSA-Sig-Value", "r", "s").
    case malformedDER(field: String)
    /// A raw r‖s signature of the wrong length.
    case wrongRawLength(expected: Int, actual: Int)
    /// r or s (named) is not in [1, n−1].
    case scalarOutOfRange(String)

    public var description: String {
        switch self {
        case .malformedDER(let field): return "malformed DER in \(field)"
        case .wrongRawLength(let expected, let actual): return "raw signature of \(actual) bytes, expected \(expected)"
        case .scalarOutOfRange(let name): return "signature \(name) is not in [1, n-1]"
        }
    }
}
