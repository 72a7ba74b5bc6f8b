// Strict DER decoding of ECDSA-Sig-Value (RFC 3279 §2.2.3) with swift-asn1: definite minimal
// lengths, minimal non-negative INTEGERs, nothing trailing. Range checks against n happen in the
// curve's ECDSASignature, which receives fixed-width big-endian r and s.
import SwiftASN1

enum ECDSASignatureDER {
    /// r and s as exactly `byteCount` big-endian bytes each.
    static func integers(from der: [UInt8], byteCount: Int) throws(ECDSASignatureError) -> ([UInt8], [UInt8]) {
        let root: ASN1Node
        do {
            root = try DER.parse(der)
        } catch {
            throw .malformedDER(field: "ECDSA-Sig-Value")
        }
        guard root.identifier == .sequence, case .constructed(let children) = root.content else {
            throw .malformedDER(field: "ECDSA-Sig-Value")
        }
        var iterator = children.makeIterator()
        let r = try integer(iterator.next(), name: "r", byteCount: byteCount)
        let s = try integer(iterator.next(), name: "s", byteCount: byteCount)
        guard iterator.next() == nil else { throw .malformedDER(field: "ECDSA-Sig-Value (extra element)") }
        return (r, s)
    }

    private static func integer(_ node: ASN1Node?, name: String, byteCount: Int) throws(ECDSASignatureError) -> [UInt8] {
        guard let node else { throw .malformedDER(field: "\(name) (missing)") }
        let magnitude: ArraySlice<UInt8>
        do {
            // swift-asn1 enforces minimal encoding and, for this unsigned view, a clear sign bit.
            magnitude = try ArraySlice<UInt8>(derEncoded: node)
        } catch {
            throw .malformedDER(field: name)
        }
        // magnitude has no leading zero byte left unless the value is zero.
        let significant = magnitude.drop(while: { $0 == 0 })
        guard significant.count <= byteCount else { throw .scalarOutOfRange(name) }
        return [UInt8](repeating: 0, count: byteCount - significant.count) + significant
    }
}
