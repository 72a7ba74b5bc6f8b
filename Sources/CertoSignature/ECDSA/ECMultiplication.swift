// Multi-scalar multiplication u1·G + u2·Q for ECDSA verification on any ECCurveArithmetic curve.
// Both paths interleave width-w NAF digit streams (Straus/Shamir) so that the doublings are shared:
//
// - the plain path, for a key's first verification: one stream per scalar over all its bits, G from
//   a table of odd multiples built once per process, Q from 8 odd multiples made per call;
// - the split path, for a key that verifies again: each scalar is cut into 64-bit pieces, piece j
//   multiplies 2^(64j)·G or 2^(64j)·Q, whose odd multiples are in tables (G's built once per process,
//   Q's kept by the key, see ECKeyPrecomputation.swift). One stream per piece, and only 64
//   doublings instead of the scalar's bit length. Building a key's tables costs about what its
//   skipped doublings cost, which is why a key's first verification takes the plain path.
//
// Tables are affine, for the cheaper mixed additions. Variable-time: scalars and points are public.

extension ECCurveArithmetic {
    /// wNAF width for G on the plain path: 256 odd multiples.
    static var baseWindowWidth: Int { 10 }
    /// wNAF width for Q on the plain path: 8 odd multiples, made affine with one inversion.
    static var keyWindowWidth: Int { 5 }
    /// wNAF width for each piece of u2 on the split path: 16 odd multiples per piece.
    static var splitKeyWindowWidth: Int { 6 }

    /// Odd multiples 1·P, 3·P, …, (2^(w−1) − 1)·P that width-w NAF digits (odd, |d| < 2^(w−1)) use.
    static func oddMultipleCount(width: Int) -> Int { 1 << (width - 2) }
    /// Bits in a scalar piece on the split path; a scalar has `limbCount` pieces.
    static var pieceBits: Int { 64 }

    /// u1·G + u2·Q for integer (non-Montgomery) scalars u1, u2 < n: the plain path.
    static func linearCombinationVarTime(u1: Scalar, u2: Scalar, q: AffinePoint) -> Point {
        let digitCount = 64 * limbCount + 1
        let keyCount = oddMultipleCount(width: keyWindowWidth)
        return baseTable.withUnsafeBufferPointer { gTable in
            withUnsafeTemporaryAllocation(of: Int16.self, capacity: 2 * digitCount) { digits in
                withUnsafeTemporaryAllocation(of: AffinePoint.self, capacity: keyCount) { qTable in
                    withUnsafeTemporaryAllocation(of: UInt64.self, capacity: limbCount) { limbs in
                        let digitsG = digits.baseAddress!
                        let digitsQ = digits.baseAddress! + digitCount
                        for index in 0..<limbCount { limbs[index] = u1.limb(index) }
                        let topG = recodeWNAFVarTime(limbs.baseAddress!, limbCount: limbCount, width: baseWindowWidth,
                                                     into: digitsG, count: digitCount)
                        for index in 0..<limbCount { limbs[index] = u2.limb(index) }
                        let topQ = recodeWNAFVarTime(limbs.baseAddress!, limbCount: limbCount, width: keyWindowWidth,
                                                     into: digitsQ, count: digitCount)
                        buildOddMultiplesVarTime(of: Point(q), count: keyCount, into: qTable.baseAddress!)

                        var accumulator = Point.infinity
                        var position = max(topG, topQ) - 1
                        while position >= 0 {
                            if !accumulator.isInfinity { accumulator = accumulator.doubled() }
                            add(digit: digitsG[position], of: gTable.baseAddress!, to: &accumulator)
                            add(digit: digitsQ[position], of: UnsafePointer(qTable.baseAddress!), to: &accumulator)
                            position -= 1
                        }
                        return accumulator
                    }
                }
            }
        }
    }

    /// u1·G + u2·Q with Q's split table (`splitTable(of: Q, width: splitKeyWindowWidth)`), for
    /// integer (non-Montgomery) scalars u1, u2 < n: the split path.
    static func linearCombinationVarTime(u1: Scalar, u2: Scalar, keyTable: [AffinePoint]) -> Point {
        let pieceCount = limbCount
        precondition(keyTable.count == pieceCount * oddMultipleCount(width: splitKeyWindowWidth), "split key table size")
        let slots = pieceBits + 1
        let basePerPiece = oddMultipleCount(width: splitBaseWindowWidth)
        let keyPerPiece = oddMultipleCount(width: splitKeyWindowWidth)
        return splitBaseTable.withUnsafeBufferPointer { gTable in
            keyTable.withUnsafeBufferPointer { qTable in
                withUnsafeTemporaryAllocation(of: Int16.self, capacity: 2 * pieceCount * slots) { digits in
                    // Streams 0..<pieceCount: the pieces of u1; then the pieces of u2.
                    let digitsG = digits.baseAddress!
                    let digitsQ = digits.baseAddress! + pieceCount * slots
                    var top = 0
                    for piece in 0..<pieceCount {
                        var limb = u1.limb(piece)
                        top = max(top, recodeWNAFVarTime(&limb, limbCount: 1, width: splitBaseWindowWidth,
                                                         into: digitsG + piece * slots, count: slots))
                        limb = u2.limb(piece)
                        top = max(top, recodeWNAFVarTime(&limb, limbCount: 1, width: splitKeyWindowWidth,
                                                         into: digitsQ + piece * slots, count: slots))
                    }
                    var accumulator = Point.infinity
                    var position = top - 1
                    while position >= 0 {
                        if !accumulator.isInfinity { accumulator = accumulator.doubled() }
                        for piece in 0..<pieceCount {
                            add(digit: digitsG[piece * slots + position],
                                of: gTable.baseAddress! + piece * basePerPiece, to: &accumulator)
                            add(digit: digitsQ[piece * slots + position],
                                of: qTable.baseAddress! + piece * keyPerPiece, to: &accumulator)
                        }
                        position -= 1
                    }
                    return accumulator
                }
            }
        }
    }

    /// Adds digit·P from an odd-multiples table of P (entry i is (2i+1)·P); a zero digit adds nothing.
    @inline(__always)
    private static func add(digit: Int16, of table: UnsafePointer<AffinePoint>, to accumulator: inout Point) {
        if digit > 0 {
            accumulator = accumulator.addingVarTime(table[Int(digit) >> 1])
        } else if digit < 0 {
            accumulator = accumulator.addingVarTime(table[Int(-digit) >> 1].negated())
        }
    }

    /// For j = 0..<limbCount, the odd multiples 1·Pj, 3·Pj, … of Pj = 2^(64j)·P that width-w NAF
    /// digits use, in affine form with one shared inversion for all of them.
    static func splitTable(of point: AffinePoint, width: Int) -> [AffinePoint] {
        let pieceCount = limbCount
        let perPiece = oddMultipleCount(width: width)
        let total = pieceCount * perPiece
        return [AffinePoint](unsafeUninitializedCapacity: total) { buffer, count in
            withUnsafeTemporaryAllocation(of: Point.self, capacity: total) { jacobian in
                var base = Point(point)
                for piece in 0..<pieceCount {
                    if piece > 0 {
                        for _ in 0..<pieceBits { base = base.doubled() }
                    }
                    // 2^(64j)·P is never infinity (P has prime order n > 2^(64j)).
                    oddMultiplesVarTime(of: base, count: perPiece, into: jacobian.baseAddress! + piece * perPiece)
                }
                normalizeVarTime(UnsafeBufferPointer(jacobian), into: buffer.baseAddress!)
            }
            count = total
        }
    }

    /// P, 3P, 5P, … (`count` points) in affine form.
    static func oddMultiplesTable(of point: AffinePoint, count: Int) -> [AffinePoint] {
        [AffinePoint](unsafeUninitializedCapacity: count) { buffer, initialized in
            buildOddMultiplesVarTime(of: Point(point), count: count, into: buffer.baseAddress!)
            initialized = count
        }
    }

    /// P, 3P, 5P, … (`count` points) in affine form, written to `table`.
    @inline(never)
    static func buildOddMultiplesVarTime(of point: Point, count: Int, into table: UnsafeMutablePointer<AffinePoint>) {
        withUnsafeTemporaryAllocation(of: Point.self, capacity: count) { jacobian in
            oddMultiplesVarTime(of: point, count: count, into: jacobian.baseAddress!)
            normalizeVarTime(UnsafeBufferPointer(jacobian), into: table)
        }
    }

    /// P, 3P, 5P, … (`count` points) in Jacobian form. Odd multiples of a point of prime order n
    /// (and P ≠ infinity) are never infinity for count < n/2.
    private static func oddMultiplesVarTime(of point: Point, count: Int, into jacobian: UnsafeMutablePointer<Point>) {
        let twice = point.doubled()
        var current = point
        for index in 0..<count {
            (jacobian + index).initialize(to: current)
            if index + 1 < count { current = current.addingVarTime(twice) }
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
            var inverse = product.invertedVarTime()
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
}
