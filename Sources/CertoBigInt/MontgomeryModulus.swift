// Fixed-size modular exponentiation for one odd modulus, in Montgomery form over GMP's mpn layer:
// the constant −n⁻¹ mod 2⁶⁴ is computed once per modulus, and each exponentiation
// works in one stack scratch area, so a multiplication is mpn_mul_n/mpn_sqr plus our REDC with no
// allocation. Variable-time (the exponent's bits steer the loop): for public data such as RSA
// verification, never for secrets.
import CertoGMP

public final class MontgomeryModulus: @unchecked Sendable {
    // Immutable after init, so sharing between threads is safe (hence @unchecked Sendable).

    /// The modulus as a BigInt.
    public let modulus: BigInt
    /// Number of 64-bit limbs in the modulus.
    public let limbCount: Int
    /// Bytes in the modulus' minimal big-endian encoding (256 for a 2048-bit modulus).
    public let byteCount: Int

    /// n as limbCount little-endian limbs; R = 2^(64·limbCount).
    private let constants: UnsafeMutablePointer<mp_limb_t>
    /// −n⁻¹ mod 2⁶⁴.
    private let negativeInverse: mp_limb_t

    /// Precomputes the Montgomery constants; throws `invalidModulus` unless `modulus` is odd and > 1.
    public init(_ modulus: BigInt) throws(BigIntError) {
        guard modulus > 1, modulus.isOdd else { throw .invalidModulus }
        self.modulus = modulus
        let k = (modulus.bitLength + 63) / 64
        limbCount = k
        byteCount = modulus.byteLength
        constants = .allocate(capacity: k)
        constants.initialize(repeating: 0, count: k)
        Self.copyLimbs(of: modulus, into: constants, count: k)
        // Newton iteration for n0⁻¹ mod 2⁶⁴: x·n0 ≡ 1 mod 2³ for odd n0, each step doubles the bits.
        let n0 = constants[0]
        var inverse = n0
        for _ in 0..<5 { inverse = inverse &* (2 &- n0 &* inverse) }
        negativeInverse = 0 &- inverse
    }

    deinit {
        constants.deallocate()
    }

    private static func copyLimbs(of value: BigInt, into destination: UnsafeMutablePointer<mp_limb_t>, count: Int) {
        let used = Int(value.raw.pointee._mp_size.magnitude)
        if used > 0, let source = value.raw.pointee._mp_d {
            destination.update(from: source, count: min(used, count))
        }
    }

    /// `base^exponent mod n` as exactly `byteCount` big-endian bytes, where `base` is big-endian bytes
    /// (leading zeros allowed). Nil when base ≥ n or the exponent is negative.
    /// Variable-time in the exponent and the base: public data only.
    public func powerVarTime(bigEndianBase base: [UInt8], exponent: BigInt) -> [UInt8]? {
        guard !exponent.isNegative else { return nil }
        let k = limbCount
        // Scratch: b (k) | bMont (k) | acc (k) | t (2k) | window table (16k)
        let scratchCount = 5 * k + 16 * k
        return withUnsafeTemporaryAllocation(of: mp_limb_t.self, capacity: scratchCount) { scratch -> [UInt8]? in
            let b = scratch.baseAddress!
            guard base.withUnsafeBufferPointer({ Self.loadBigEndian($0, into: b, limbs: k) }),
                  __gmpn_cmp(b, constants, k) < 0 else { return nil }
            let acc = b + 2 * k
            exponent.withLimbs { eLimbs in
                powerVarTime(b, exponent: eLimbs, into: acc, scratch: b + k)
            }
            var output = [UInt8](repeating: 0, count: byteCount)
            output.withUnsafeMutableBufferPointer { Self.storeBigEndian(acc, limbs: k, into: $0) }
            return output
        }
    }

    /// acc = b^e mod n, fully reduced. `scratch` starts at bMont: k + k(acc, skipped) + 2k + 16k limbs.
    private func powerVarTime(_ b: UnsafeMutablePointer<mp_limb_t>, exponent e: UnsafeBufferPointer<mp_limb_t>,
                              into acc: UnsafeMutablePointer<mp_limb_t>, scratch: UnsafeMutablePointer<mp_limb_t>) {
        let k = limbCount
        let n = UnsafePointer(constants)
        let bMont = scratch
        let t = scratch + 2 * k
        let table = t + 2 * k
        let bitCount = Self.bitLength(e)
        guard bitCount > 0 else {
            acc.initialize(repeating: 0, count: k)
            acc[0] = 1  // n > 1, so 1 is reduced
            return
        }
        // b·R mod n by one division of b·B^k: measured ~25% cheaper than a Montgomery multiplication
        // by R² mod n at 2048 bits and ~40% at 4096. The quotient goes to the (still unused) table area.
        t.update(repeating: 0, count: k)
        (t + k).update(from: b, count: k)
        __gmpn_tdiv_qr(table, bMont, 0, t, 2 * k, n, k)
        if bitCount <= 64 {
            // Left-to-right binary: for e = 65537, 16 squarings and 1 multiplication. When the last
            // bit is set, multiplying by plain b (not b·R) leaves Montgomery form for free.
            let word = e[0]
            acc.update(from: bMont, count: k)
            var inMontgomeryForm = true
            var bit = bitCount - 2
            while bit >= 0 {
                montgomerySquare(acc, acc, t)
                if (word >> UInt64(bit)) & 1 == 1 {
                    if bit == 0 {
                        montgomeryMultiply(acc, acc, b, t)
                        inMontgomeryForm = false
                    } else {
                        montgomeryMultiply(acc, acc, bMont, t)
                    }
                }
                bit -= 1
            }
            if inMontgomeryForm { leaveMontgomeryForm(acc, t) }
        } else {
            slidingWindow(bMont, e, bitCount: bitCount, acc: acc, t: t, table: table)
            leaveMontgomeryForm(acc, t)
        }
        if __gmpn_cmp(acc, n, k) >= 0 { __gmpn_sub_n(acc, acc, n, k) }
    }

    /// Left-to-right sliding window over odd powers (window 4, table of 8) for long exponents.
    private func slidingWindow(_ bMont: UnsafeMutablePointer<mp_limb_t>, _ e: UnsafeBufferPointer<mp_limb_t>, bitCount: Int,
                               acc: UnsafeMutablePointer<mp_limb_t>, t: UnsafeMutablePointer<mp_limb_t>,
                               table: UnsafeMutablePointer<mp_limb_t>) {
        let k = limbCount
        let window = 4
        // table[i] = b^(2i+1)·R; acc temporarily holds b²·R.
        table.update(from: bMont, count: k)
        montgomerySquare(acc, bMont, t)
        for i in 1..<(1 << (window - 1)) {
            montgomeryMultiply(table + i * k, table + (i - 1) * k, acc, t)
        }
        func bitAt(_ index: Int) -> Int { Int((e[index / 64] >> UInt64(index % 64)) & 1) }
        var started = false
        var index = bitCount - 1
        while index >= 0 {
            if bitAt(index) == 0 {
                montgomerySquare(acc, acc, t)
                index -= 1
                continue
            }
            // Longest window ending in a set bit, at most `window` bits.
            var low = max(index - window + 1, 0)
            while bitAt(low) == 0 { low += 1 }
            var value = 0
            for j in stride(from: index, through: low, by: -1) { value = value << 1 | bitAt(j) }
            let entry = table + (value >> 1) * k
            if started {
                for _ in 0..<(index - low + 1) { montgomerySquare(acc, acc, t) }
                montgomeryMultiply(acc, acc, entry, t)
            } else {
                acc.update(from: entry, count: k)
                started = true
            }
            index = low - 1
        }
    }

    // MARK: Montgomery primitives (k-limb operands < R; results < R, possibly ≥ n)

    /// r = a·b·R⁻¹ mod n (almost reduced). r may alias a or b; t has 2k limbs.
    @inline(__always)
    private func montgomeryMultiply(_ r: UnsafeMutablePointer<mp_limb_t>, _ a: UnsafePointer<mp_limb_t>,
                                    _ b: UnsafePointer<mp_limb_t>, _ t: UnsafeMutablePointer<mp_limb_t>) {
        __gmpn_mul_n(t, a, b, limbCount)
        reduce(r, t)
    }

    @inline(__always)
    private func montgomeryMultiply(_ r: UnsafeMutablePointer<mp_limb_t>, _ a: UnsafeMutablePointer<mp_limb_t>,
                                    _ b: UnsafeMutablePointer<mp_limb_t>, _ t: UnsafeMutablePointer<mp_limb_t>) {
        montgomeryMultiply(r, UnsafePointer(a), UnsafePointer(b), t)
    }

    /// r = a²·R⁻¹ mod n (almost reduced). r may alias a.
    @inline(__always)
    private func montgomerySquare(_ r: UnsafeMutablePointer<mp_limb_t>, _ a: UnsafeMutablePointer<mp_limb_t>,
                                  _ t: UnsafeMutablePointer<mp_limb_t>) {
        __gmpn_sqr(t, a, limbCount)
        reduce(r, t)
    }

    /// a = a·R⁻¹ mod n: REDC of a with a zero high half.
    private func leaveMontgomeryForm(_ a: UnsafeMutablePointer<mp_limb_t>, _ t: UnsafeMutablePointer<mp_limb_t>) {
        let k = limbCount
        t.update(from: a, count: k)
        (t + k).update(repeating: 0, count: k)
        reduce(a, t)
    }

    /// Montgomery reduction (REDC), word by word: r = t·R⁻¹ mod n, with t < R·n... destroyed.
    /// Each step adds q·n so the low word vanishes; the carry out of step i is parked in t[i]
    /// (now zero) and added to the high half in one pass at the end.
    @inline(__always)
    private func reduce(_ r: UnsafeMutablePointer<mp_limb_t>, _ t: UnsafeMutablePointer<mp_limb_t>) {
        let k = limbCount
        let n = UnsafePointer(constants)
        let inverse = negativeInverse
        for i in 0..<k {
            let q = t[i] &* inverse
            t[i] = __gmpn_addmul_1(t + i, n, k, q)
        }
        if __gmpn_add_n(r, t + k, t, k) != 0 {
            __gmpn_sub_n(r, r, n, k)
        }
    }

    // MARK: Conversions

    /// Loads big-endian bytes into k little-endian limbs; false when they need more than k limbs.
    private static func loadBigEndian(_ bytes: UnsafeBufferPointer<UInt8>, into limbs: UnsafeMutablePointer<mp_limb_t>, limbs k: Int) -> Bool {
        var start = 0
        while start < bytes.count, bytes[start] == 0 { start += 1 }
        guard bytes.count - start <= 8 * k else { return false }
        limbs.initialize(repeating: 0, count: k)
        var limbIndex = 0
        var shift: UInt64 = 0
        var index = bytes.count - 1
        while index >= start {
            limbs[limbIndex] |= mp_limb_t(bytes[index]) << shift
            shift += 8
            if shift == 64 { shift = 0; limbIndex += 1 }
            index -= 1
        }
        return true
    }

    private static func storeBigEndian(_ limbs: UnsafePointer<mp_limb_t>, limbs k: Int, into bytes: UnsafeMutableBufferPointer<UInt8>) {
        var index = bytes.count - 1
        var limbIndex = 0
        while index >= 0, limbIndex < k {
            var word = limbs[limbIndex]
            for _ in 0..<8 where index >= 0 {
                bytes[index] = UInt8(truncatingIfNeeded: word)
                word >>= 8
                index -= 1
            }
            limbIndex += 1
        }
    }

    private static func bitLength(_ limbs: UnsafeBufferPointer<mp_limb_t>) -> Int {
        var top = limbs.count - 1
        while top >= 0, limbs[top] == 0 { top -= 1 }
        guard top >= 0 else { return 0 }
        return 64 * top + 64 - limbs[top].leadingZeroBitCount
    }
}

extension BigInt {
    /// Calls `body` with the magnitude's little-endian limbs (empty for zero), without copying.
    func withLimbs<R>(_ body: (UnsafeBufferPointer<mp_limb_t>) -> R) -> R {
        let count = Int(raw.pointee._mp_size.magnitude)
        return withExtendedLifetime(storage) {
            body(UnsafeBufferPointer(start: count > 0 ? raw.pointee._mp_d : nil, count: count))
        }
    }
}
