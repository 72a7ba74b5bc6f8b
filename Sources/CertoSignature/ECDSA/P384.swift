// The P-384 curve (FIPS 186-4 D.1.2, SEC 2 secp384r1): y² = x³ − 3x + b over GF(p), prime order n.
// Certo uses it for signature verification only, so everything here works on public data and
// the variable-time parts say so in their names.

/// The NIST P-384 curve: field, points, and ECDSA verification (`P384.Signing`).
public enum P384 {
    /// Bytes in a field element or a scalar (48).
    static var byteCount: Int { 48 }
    /// Limbs in a field element or a scalar.
    static var limbCount: Int { 6 }
}

extension P384.FieldElement {
    /// The curve coefficient b, in Montgomery form.
    static var curveB: Self { Self(0x081188719d412dcc, 0xf729add87a4c32ec, 0x77f2209b1920022e, 0xe3374bee94938ae2, 0xb62b21f41f022094, 0xcd08114b604fbff9) }
}

extension P384.AffinePoint {
    /// The base point G, coordinates in Montgomery form.
    static var generator: Self {
        Self(x: P384.FieldElement(0x3dd0756649c0b528, 0x20e378e2a0d6ce38, 0x879c3afc541b4d6e, 0x6454868459a30eff, 0x812ff723614ede2b, 0x4d3aadc2299e1513), y: P384.FieldElement(0x23043dad4b03a4fe, 0xa1bfa8bf7bb4a9ac, 0x8bade7562e83b050, 0xc6c3521968f4ffd9, 0xdd8002263969a840, 0x2b78abc25a15c5e9))
    }
}
