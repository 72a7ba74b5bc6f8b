// P-384 multi-scalar multiplication for ECDSA verification: u1·G + u2·Q in one interleaved
// (Straus/Shamir) pass over width-w NAF digits, sharing the doublings. G uses a table of odd
// multiples built once; Q a small per-call table made affine with one shared inversion.
// Variable-time: scalars and points are public.

extension P384 {
    /// wNAF width for the base point: 256 odd multiples of G, kept affine for mixed additions.
    static var baseWindowWidth: Int { 10 }
    /// wNAF width for the public key: 8 odd multiples of Q, normalized to affine with one inversion.
    static var keyWindowWidth: Int { 5 }
    /// Digit slots per recoded scalar: one per bit, plus one for the final carry.
    static var digitCount: Int { 385 }

    /// G, 3G, 5G, … (256 affine points), built on first use.
    static let baseTable: [AffinePoint] = [AffinePoint](unsafeUninitializedCapacity: 256) { buffer, count in
        // One shared inversion for all 256 points: building the table is a one-off cost on first use,
        // paid by every short-lived `certo verify` process, so it must stay small.
        buildOddMultiplesVarTime(of: AffinePoint.generator, count: 256, into: buffer.baseAddress!)
        count = 256
    }

    /// u1·G + u2·Q for integer (non-Montgomery) scalars u1, u2 < n. Variable-time.
    static func linearCombinationVarTime(u1: Scalar, u2: Scalar, q: AffinePoint) -> Point {
        baseTable.withUnsafeBufferPointer { gTable in
            withUnsafeTemporaryAllocation(of: Int16.self, capacity: 2 * 385) { digits in
                withUnsafeTemporaryAllocation(of: AffinePoint.self, capacity: 8) { qTable in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 6) { limbs in
                        let digitsG = digits.baseAddress!
                        let digitsQ = digits.baseAddress! + 385
                        limbs[0] = u1.l0
                        limbs[1] = u1.l1
                        limbs[2] = u1.l2
                        limbs[3] = u1.l3
                        limbs[4] = u1.l4
                        limbs[5] = u1.l5
                        let topG = recodeWNAFVarTime(limbs.baseAddress!, limbCount: 6, width: 10, into: digitsG, count: 385)
                        limbs[0] = u2.l0
                        limbs[1] = u2.l1
                        limbs[2] = u2.l2
                        limbs[3] = u2.l3
                        limbs[4] = u2.l4
                        limbs[5] = u2.l5
                        let topQ = recodeWNAFVarTime(limbs.baseAddress!, limbCount: 6, width: 5, into: digitsQ, count: 385)

                        buildOddMultiplesVarTime(of: q, count: 8, into: qTable.baseAddress!)

                        var accumulator = Point.infinity
                        var position = max(topG, topQ) - 1
                        while position >= 0 {
                            if !accumulator.isInfinity { accumulator = accumulator.doubled() }
                            let digitG = Int(digitsG[position])
                            if digitG > 0 {
                                accumulator = accumulator.addingVarTime(gTable[digitG >> 1])
                            } else if digitG < 0 {
                                accumulator = accumulator.addingVarTime(gTable[(-digitG) >> 1].negated())
                            }
                            let digitQ = Int(digitsQ[position])
                            if digitQ > 0 {
                                accumulator = accumulator.addingVarTime(qTable[digitQ >> 1])
                            } else if digitQ < 0 {
                                accumulator = accumulator.addingVarTime(qTable[(-digitQ) >> 1].negated())
                            }
                            position -= 1
                        }
                        return accumulator
                    }
                }
            }
        }
    }

    /// Q, 3Q, 5Q, … (`count` points) in affine form, for the cheaper mixed additions: computed in
    /// Jacobian coordinates, then normalized with one shared inversion.
    /// Odd multiples of a point of prime order n are never infinity, so every Z is invertible.
    @inline(never)
    static func buildOddMultiplesVarTime(of q: AffinePoint, count: Int, into table: UnsafeMutablePointer<AffinePoint>) {
        withUnsafeTemporaryAllocation(of: Point.self, capacity: count) { jacobian in
            let twoQ = Point(q).doubled()
            var current = Point(q)
            for index in 0..<count {
                jacobian[index] = current
                if index + 1 < count { current = current.addingVarTime(twoQ) }
            }
            normalizeVarTime(UnsafeBufferPointer(jacobian), into: table)
        }
    }

    /// The affine forms of Jacobian points, none of them infinity, with one inversion for all of
    /// them (Montgomery's trick: invert the product of the Zs, then peel off one Z at a time).
    static func normalizeVarTime(_ points: UnsafeBufferPointer<Point>, into table: UnsafeMutablePointer<AffinePoint>) {
        let count = points.count
        guard count > 0 else { return }
        withUnsafeTemporaryAllocation(of: FieldElement.self, capacity: count) { prefix in
            var product = FieldElement.one
            for index in 0..<count {
                product = product * points[index].z
                prefix[index] = product             // z0·z1·…·z_index
            }
            // (z0·…·z_last)⁻¹, by the binary extended Euclidean algorithm on the integer value.
            var inverse = FieldElement(montgomeryFromIntegerLimbs: product.integerLimbs.integerInverseVarTime())
            var index = count - 1
            while index >= 0 {
                let point = points[index]
                let zInverse = index > 0 ? inverse * prefix[index - 1] : inverse
                inverse = inverse * point.z
                let zInverse2 = zInverse.squared()
                (table + index).initialize(to: AffinePoint(x: point.x * zInverse2, y: point.y * zInverse2 * zInverse))
                index -= 1
            }
        }
    }

    /// FIPS 186-4 §6.4.2 steps 2–7 on parsed values: r and s in [1, n−1] (Montgomery form), e the
    /// digest's leftmost 384 bits. Accepts when x(u1·G + u2·Q) ≡ r (mod n), checked without an
    /// inversion: X ≡ r·Z² (and (r + n)·Z² when r + n < p). Variable-time.
    /// With `keyTable` (the key's split table) the multiplication takes the split path.
    static func verifyVarTime(r: Scalar, s: Scalar, digest: [UInt8], key: AffinePoint, keyTable: [AffinePoint]? = nil) -> Bool {
        let e = Scalar(reducingBigEndianBytes: truncatedDigest(digest)[...])
        // w = s⁻¹ mod n as an integer; a Montgomery product with e·R (or r·R) gives e·w (or r·w).
        let w = s.integerLimbs.integerInverseVarTime()
        let u1 = e * w                                  // u1 = e·w mod n
        let u2 = r * w                                  // u2 = r·w mod n
        let sum = keyTable.map { linearCombinationVarTime(u1: u1, u2: u2, keyTable: $0) }
            ?? linearCombinationVarTime(u1: u1, u2: u2, q: key)
        if sum.isInfinity { return false }
        let z2 = sum.z.squared()
        let rInteger = r.integerLimbs
        // r < n < p, so r is also a field element.
        let rField = FieldElement(montgomeryFromIntegerLimbs: FieldElement(rInteger.l0, rInteger.l1, rInteger.l2, rInteger.l3, rInteger.l4, rInteger.l5))
        if rField * z2 == sum.x { return true }
        // x(R) mod n = r also holds when x(R) = r + n, possible only if r + n < p.
        let (sum0, carry0) = addWithCarry(rInteger.l0, 0xecec196accc52973, 0)
        let (sum1, carry1) = addWithCarry(rInteger.l1, 0x581a0db248b0a77a, carry0)
        let (sum2, carry2) = addWithCarry(rInteger.l2, 0xc7634d81f4372ddf, carry1)
        let (sum3, carry3) = addWithCarry(rInteger.l3, 0xffffffffffffffff, carry2)
        let (sum4, carry4) = addWithCarry(rInteger.l4, 0xffffffffffffffff, carry3)
        let (sum5, carry5) = addWithCarry(rInteger.l5, 0xffffffffffffffff, carry4)
        let carry = carry5
        let rPlusNField = FieldElement(sum0, sum1, sum2, sum3, sum4, sum5)
        guard carry == 0, rPlusNField.isLessThanModulus else { return false }
        return FieldElement(montgomeryFromIntegerLimbs: rPlusNField) * z2 == sum.x
    }

    /// The digest as exactly 48 bytes: its leftmost 48 bytes when longer (n has 384 bits, a
    /// whole number of bytes), left-padded with zeros when shorter.
    static func truncatedDigest(_ digest: [UInt8]) -> [UInt8] {
        if digest.count >= 48 { return Array(digest.prefix(48)) }
        return [UInt8](repeating: 0, count: 48 - digest.count) + digest
    }
}
