// P-384 verification with per-key precomputation. One issuer key verifies many signatures, so a
// key that is used a second time keeps tables of odd multiples of Q, 2^64·Q, …, 2^320·Q (the base
// point has the same six tables, built once per process). Each scalar is then cut into six 64-bit
// pieces, and the interleaved pass over twelve wNAF digit streams needs 64 doublings instead of
// 384. The same scheme as P256Precomputation.swift, with P-384's types and sizes. Building a key's tables costs about what the skipped doublings cost, which is
// why a key's first verification takes the plain path and pays nothing extra.
// Variable-time: scalars and points are public.
import Synchronization

extension P384 {
    /// Bits per scalar piece, and pieces per scalar.
    static var pieceBits: Int { 64 }
    static var pieceCount: Int { 6 }
    /// wNAF width for the base point's pieces: 32 odd multiples each (192 points, 18 KiB).
    static var splitBaseWindowWidth: Int { 7 }
    /// wNAF width for the key's pieces: 16 odd multiples each (9 KiB of affine points per key).
    static var splitKeyWindowWidth: Int { 6 }
    /// Digit slots per 64-bit piece: one per bit plus the final carry.
    static var pieceDigitCount: Int { 65 }

    /// Odd multiples of 2^(64j)·G for j = 0…5, 32 each, built on first use.
    static let splitBaseTable: [AffinePoint] = splitTable(of: .generator, width: splitBaseWindowWidth)

    /// For j = 0…5, the odd multiples 1·Pj, 3·Pj, … of Pj = 2^(64j)·P, 2^(width−1) of each, in
    /// affine form (one shared inversion for all of them).
    static func splitTable(of point: AffinePoint, width: Int) -> [AffinePoint] {
        let perPiece = 1 << (width - 1)
        let total = pieceCount * perPiece
        return [AffinePoint](unsafeUninitializedCapacity: total) { buffer, count in
            withUnsafeTemporaryAllocation(of: Point.self, capacity: total) { jacobian in
                var base = Point(point)
                for piece in 0..<pieceCount {
                    if piece > 0 {
                        for _ in 0..<pieceBits { base = base.doubled() }
                    }
                    // 2^(64j)·P is never infinity (P has prime order n > 2^320), nor are its odd multiples.
                    let twice = base.doubled()
                    var current = base
                    for index in 0..<perPiece {
                        jacobian[piece * perPiece + index] = current
                        if index + 1 < perPiece { current = current.addingVarTime(twice) }
                    }
                }
                normalizeVarTime(UnsafeBufferPointer(jacobian), into: buffer.baseAddress!)
            }
            count = total
        }
    }

    /// u1·G + u2·Q with Q's split table (`splitTable(of: Q, width: splitKeyWindowWidth)`), for integer
    /// (non-Montgomery) scalars u1, u2 < n. Variable-time.
    static func linearCombinationVarTime(u1: Scalar, u2: Scalar, keyTable: [AffinePoint]) -> Point {
        precondition(keyTable.count == pieceCount << (splitKeyWindowWidth - 1), "P-384 key table size")
        let streams = 2 * pieceCount
        let slots = pieceDigitCount
        return splitBaseTable.withUnsafeBufferPointer { gTable in
            keyTable.withUnsafeBufferPointer { qTable in
                withUnsafeTemporaryAllocation(of: Int16.self, capacity: streams * slots) { digits in
                    // Streams 0–5: the pieces of u1 (base tables); 6–11: the pieces of u2 (key tables).
                    var top = 0
                    for piece in 0..<pieceCount {
                        var limb = u1.limb(piece)
                        top = max(top, recodeWNAFVarTime(&limb, limbCount: 1, width: splitBaseWindowWidth,
                                                         into: digits.baseAddress! + piece * slots, count: slots))
                        limb = u2.limb(piece)
                        top = max(top, recodeWNAFVarTime(&limb, limbCount: 1, width: splitKeyWindowWidth,
                                                         into: digits.baseAddress! + (pieceCount + piece) * slots, count: slots))
                    }
                    let basePerPiece = 1 << (splitBaseWindowWidth - 1)
                    let keyPerPiece = 1 << (splitKeyWindowWidth - 1)
                    var accumulator = Point.infinity
                    var position = top - 1
                    while position >= 0 {
                        if !accumulator.isInfinity { accumulator = accumulator.doubled() }
                        for stream in 0..<streams {
                            let digit = Int(digits[stream * slots + position])
                            if digit == 0 { continue }
                            let multiple = Int(digit.magnitude >> 1)
                            let entry: AffinePoint
                            if stream < pieceCount {
                                entry = gTable[stream * basePerPiece + multiple]
                            } else {
                                entry = qTable[(stream - pieceCount) * keyPerPiece + multiple]
                            }
                            accumulator = accumulator.addingVarTime(digit > 0 ? entry : entry.negated())
                        }
                        position -= 1
                    }
                    return accumulator
                }
            }
        }
    }

    /// A key's split table, made on its second verification and kept for the ones after.
    final class KeyPrecomputation: Sendable {
        private struct State {
            var verifications = 0
            var table: [AffinePoint]?
        }

        private let state: Mutex<State>

        init() { state = Mutex(State()) }

        /// The table when it exists; otherwise counts this use and, on the second one, builds it
        /// (outside the lock: a concurrent verification meanwhile just takes the plain path).
        func tableForVerification(of point: AffinePoint) -> [AffinePoint]? {
            let (table, shouldBuild) = state.withLock { state -> ([AffinePoint]?, Bool) in
                if let table = state.table { return (table, false) }
                state.verifications += 1
                return (nil, state.verifications == 2)
            }
            guard shouldBuild else { return table }
            let built = P384.splitTable(of: point, width: P384.splitKeyWindowWidth)
            state.withLock { $0.table = built }
            return built
        }

        /// Builds the table now (tests use this to reach the split path on the first verification).
        func precompute(for point: AffinePoint) {
            let built = P384.splitTable(of: point, width: P384.splitKeyWindowWidth)
            state.withLock { $0.table = built }
        }
    }
}
