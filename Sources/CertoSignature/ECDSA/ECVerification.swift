// ECDSA verification on parsed values (FIPS 186-4 §6.4.2 steps 2–7), for any ECCurveArithmetic
// curve: e from the digest, w = s⁻¹, u1 = e·w and u2 = r·w mod n, then x(u1·G + u2·Q) ≡ r (mod n)
// checked without an inversion. Variable-time: everything here is public.

extension ECCurveArithmetic {
    /// r and s in [1, n−1] (Montgomery form). Accepts when X ≡ r·Z² or, if r + n < p,
    /// X ≡ (r + n)·Z² for the Jacobian sum (X, Y, Z). With `keyTable` (the key's split table) the
    /// multiplication takes the split path.
    static func verifyVarTime(r: Scalar, s: Scalar, digest: [UInt8], key: AffinePoint, keyTable: [AffinePoint]?) -> Bool {
        let e = Scalar(reducingBigEndianBytes: truncatedDigest(digest)[...])
        // w = s⁻¹ mod n as an integer; a Montgomery product with e·R (or r·R) gives e·w (or r·w).
        let w = s.integerLimbs.integerInverseVarTime()
        let u1 = e * w                                  // u1 = e·w mod n
        let u2 = r * w                                  // u2 = r·w mod n
        let sum = keyTable.map { linearCombinationVarTime(u1: u1, u2: u2, keyTable: $0) }
            ?? linearCombinationVarTime(u1: u1, u2: u2, q: key)
        if sum.isInfinity { return false }
        let z2 = sum.z.squared()
        let (rField, rPlusNField) = xCoordinateCandidates(forIntegerR: r.integerLimbs)
        if rField * z2 == sum.x { return true }
        guard let rPlusNField else { return false }
        return rPlusNField * z2 == sum.x
    }

    /// The digest as exactly `byteCount` bytes: its leftmost bytes when longer (n has a whole
    /// number of bytes on these curves), left-padded with zeros when shorter.
    static func truncatedDigest(_ digest: [UInt8]) -> [UInt8] {
        if digest.count >= byteCount { return Array(digest.prefix(byteCount)) }
        return [UInt8](repeating: 0, count: byteCount - digest.count) + digest
    }
}
