// The P-256 curve (FIPS 186-4 D.1.2, SEC 2 secp256r1): y² = x³ − 3x + b over GF(p), prime order n.
// Certo uses it for signature verification only, so everything here works on public data and
// the variable-time parts say so in their names.

/// The NIST P-256 curve: field, points, and ECDSA verification (`P256.Signing`).
public enum P256 {
    /// Bytes in a field element or a scalar (32).
    static var byteCount: Int { 32 }
    /// Limbs in a field element or a scalar.
    static var limbCount: Int { 4 }
}

extension P256.FieldElement {
    /// The curve coefficient b, in Montgomery form.
    static var curveB: Self { Self(0xd89cdf6229c4bddf, 0xacf005cd78843090, 0xe5a220abf7212ed6, 0xdc30061d04874834) }
}

extension P256.AffinePoint {
    /// The base point G, coordinates in Montgomery form.
    static var generator: Self {
        Self(x: P256.FieldElement(0x79e730d418a9143c, 0x75ba95fc5fedb601, 0x79fb732b77622510, 0x18905f76a53755c6), y: P256.FieldElement(0xddf25357ce95560a, 0x8b4ab8e4ba19e45c, 0xd2e88688dd21f325, 0x8571ff1825885d85))
    }
}
