// The ECDSA differential at the level where the two paths differ: u1·G + u2·Q by the plain path
// (one wNAF stream per scalar, Q's multiples made per call) and by the split path (64-bit pieces with
// the key's split table), for fuzzed scalars and a fuzzed point. Both must give the same point.
@testable import CertoSignature
import FuzzSupport

enum MultiplicationDifferential {
    /// Input: u1 and u2 (reduced mod n), then a compressed point's parity and x (the fixed key when
    /// x is not on the curve).
    static func run<Curve: ECCurveArithmetic>(_ curve: Curve.Type, fallback: [UInt8], _ input: inout FuzzInput) {
        let size = Curve.byteCount
        let u1 = Curve.Scalar(reducingBigEndianBytes: input.paddedBytes(size)[...]).integerLimbs
        let u2 = Curve.Scalar(reducingBigEndianBytes: input.paddedBytes(size)[...]).integerLimbs
        let compressed = [0x02 | (input.byte() & 1)] + input.paddedBytes(size)
        let q = (try? Curve.decodePoint(compressed)) ?? (try! Curve.decodePoint(fallback))
        let plain = Curve.linearCombinationVarTime(u1: u1, u2: u2, q: q)
        let split = Curve.linearCombinationVarTime(
            u1: u1, u2: u2, keyTable: Curve.splitTable(of: q, width: Curve.splitKeyWindowWidth))
        invariant(samePoint(plain, split), "plain and split multiplication disagree on \(Curve.curve)")
    }

    /// Jacobian equality: both infinity, or X1·Z2² = X2·Z1² and Y1·Z2³ = Y2·Z1³.
    private static func samePoint<Field>(_ a: ECJacobianPoint<Field>, _ b: ECJacobianPoint<Field>) -> Bool {
        if a.isInfinity || b.isInfinity { return a.isInfinity && b.isInfinity }
        let za2 = a.z.squared()
        let zb2 = b.z.squared()
        return a.x * zb2 == b.x * za2 && a.y * zb2 * b.z == b.y * za2 * a.z
    }
}
