// Points on a short Weierstrass curve y² = x³ − 3x + b over a field with fixed-width elements: affine
// (for keys and the precomputed tables) and Jacobian (X/Z², Y/Z³) for arithmetic, with the a = −3
// doubling. P-256 and P-384 use these with their own field types (P256.swift, P384.swift); the
// optimizer specializes them per field. Addition branches on its special cases (infinity, P + P,
// P + (−P)), so it is variable-time: fine for verification, not for signing.

/// An affine point (x, y) on a curve over `Field`. Never the point at infinity.
struct ECAffinePoint<Field: ECFieldElement>: Equatable, Sendable {
    var x: Field
    var y: Field
}

/// A point in Jacobian coordinates: (X, Y, Z) stands for (X/Z², Y/Z³); Z = 0 is infinity.
struct ECJacobianPoint<Field: ECFieldElement>: Sendable {
    var x: Field
    var y: Field
    var z: Field
}

extension ECAffinePoint {
    /// True when y² = x³ − 3x + b.
    var isOnCurve: Bool {
        let x3 = x.squared() * x
        let threeX = x.doubled() + x
        return y.squared() == x3 - threeX + Field.curveB
    }

    @inline(__always)
    func negated() -> Self { Self(x: x, y: y.negated()) }
}

extension ECJacobianPoint {
    static var infinity: Self { Self(x: .one, y: .one, z: .zero) }

    @inline(__always)
    init(_ affine: ECAffinePoint<Field>) {
        self.init(x: affine.x, y: affine.y, z: .one)
    }

    @inline(__always)
    var isInfinity: Bool { z.isZero }

    @inline(__always)
    func negated() -> Self { Self(x: x, y: y.negated(), z: z) }

    /// The affine form, or nil for the point at infinity (one variable-time field inversion).
    var affine: ECAffinePoint<Field>? {
        if isInfinity { return nil }
        let zInverse = z.invertedVarTime()
        let zInverse2 = zInverse.squared()
        return ECAffinePoint<Field>(x: x * zInverse2, y: y * zInverse2 * zInverse)
    }

    /// 2P, dbl-2001-b for a = −3, arranged to need fewer additions: 4·beta comes as X1·(4·gamma),
    /// 8·gamma² as (2·gamma)²·2 and Z3 as 2·Y1·Z1 (4M + 4S; one multiplication costs less than the
    /// square and two subtractions it replaces). Infinity doubles to infinity (Z stays 0); no
    /// point of this prime-order curve has Y = 0.
    @inline(never)
    func doubled() -> Self {
        let delta = z.squared()                         // delta = Z1²
        let gamma = y.squared()                         // gamma = Y1²
        let gamma2 = gamma.doubled()                    // 2·gamma
        let beta4 = x * gamma2.doubled()                // 4·beta = X1·4·gamma
        let alpha1 = (x - delta) * (x + delta)
        let alpha = alpha1.doubled() + alpha1           // alpha = 3·(X1 − delta)·(X1 + delta)
        let x3 = alpha.squared() - beta4.doubled()      // X3 = alpha² − 8·beta
        let z3 = (y * z).doubled()                      // Z3 = (Y1 + Z1)² − gamma − delta = 2·Y1·Z1
        let gamma8 = gamma2.squared().doubled()         // 8·gamma² = (2·gamma)²·2
        let y3 = alpha * (beta4 - x3) - gamma8          // Y3 = alpha·(4·beta − X3) − 8·gamma²
        return Self(x: x3, y: y3, z: z3)
    }

    /// P + Q for Jacobian Q, add-2007-bl with Z3 as 2·Z1·Z2·H (12M + 4S), with the special cases
    /// handled first: infinity on either side, P = Q (doubling) and P = −Q (infinity). Variable-time.
    @inline(never)
    func addingVarTime(_ q: Self) -> Self {
        if isInfinity { return q }
        if q.isInfinity { return self }
        let z1z1 = z.squared()                          // Z1Z1 = Z1²
        let z2z2 = q.z.squared()                        // Z2Z2 = Z2²
        let u1 = x * z2z2                               // U1 = X1·Z2Z2
        let u2 = q.x * z1z1                             // U2 = X2·Z1Z1
        let s1 = y * q.z * z2z2                         // S1 = Y1·Z2·Z2Z2
        let s2 = q.y * z * z1z1                         // S2 = Y2·Z1·Z1Z1
        let h = u2 - u1                                 // H = U2 − U1
        let sDifference = s2 - s1
        if h.isZero {
            // Same x: either the same point (double it) or its negation (sum is infinity).
            return sDifference.isZero ? doubled() : .infinity
        }
        let i = h.doubled().squared()                   // I = (2·H)²
        let j = h * i                                   // J = H·I
        let r = sDifference.doubled()                   // r = 2·(S2 − S1)
        let v = u1 * i                                  // V = U1·I
        let x3 = r.squared() - j - v.doubled()          // X3 = r² − J − 2·V
        let y3 = r * (v - x3) - (s1 * j).doubled()      // Y3 = r·(V − X3) − 2·S1·J
        let z3 = (z * q.z * h).doubled()                // Z3 = ((Z1 + Z2)² − Z1Z1 − Z2Z2)·H = 2·Z1·Z2·H
        return Self(x: x3, y: y3, z: z3)
    }

    /// P + Q for affine Q (Z2 = 1), madd-2007-bl with Z3 as 2·Z1·H (8M + 3S), special cases as in
    /// `addingVarTime`.
    @inline(never)
    func addingVarTime(_ q: ECAffinePoint<Field>) -> Self {
        if isInfinity { return Self(q) }
        let z1z1 = z.squared()                          // Z1Z1 = Z1²
        let u2 = q.x * z1z1                             // U2 = X2·Z1Z1
        let s2 = q.y * z * z1z1                         // S2 = Y2·Z1·Z1Z1
        let h = u2 - x                                  // H = U2 − X1
        let sDifference = s2 - y
        if h.isZero {
            return sDifference.isZero ? doubled() : .infinity
        }
        let hh = h.squared()                            // HH = H²
        let i = hh.doubled().doubled()                  // I = 4·HH
        let j = h * i                                   // J = H·I
        let r = sDifference.doubled()                   // r = 2·(S2 − Y1)
        let v = x * i                                   // V = X1·I
        let x3 = r.squared() - j - v.doubled()          // X3 = r² − J − 2·V
        let y3 = r * (v - x3) - (y * j).doubled()       // Y3 = r·(V − X3) − 2·Y1·J
        let z3 = (z * h).doubled()                      // Z3 = (Z1 + H)² − Z1Z1 − HH = 2·Z1·H
        return Self(x: x3, y: y3, z: z3)
    }
}
