// Width-w non-adjacent form (wNAF) recoding of a scalar for the curve multiplications: odd signed
// digits |d| < 2^(w−1), at least w−1 zeros between non-zero digits. Variable-time (the digit
// positions depend on the scalar); used only on public verification scalars.

/// Recodes the little-endian `limbCount`-limb integer at `limbs` into `count` signed digits
/// (`count` ≥ 64·limbCount + 1, `width` in 2...12), so that value = Σ digits[i]·2^i. Returns one
/// past the highest non-zero digit (0 for a zero scalar).
func recodeWNAFVarTime(
    _ limbs: UnsafePointer<UInt64>,
    limbCount: Int,
    width: Int,
    into digits: UnsafeMutablePointer<Int16>,
    count: Int
) -> Int {
    precondition(width >= 2 && width <= 12 && count >= 64 * limbCount + 1, "wNAF parameters")
    digits.initialize(repeating: 0, count: count)
    let length = 64 * limbCount + 1
    var carry = 0
    var bit = 0
    var top = 0
    while bit < length {
        if Int(bits(limbs, limbCount, at: bit, count: 1)) == carry {
            bit += 1
            continue
        }
        let now = min(width, length - bit)
        var word = Int(bits(limbs, limbCount, at: bit, count: now)) + carry
        // A window at or above 2^(w−1) becomes negative and carries one into the next window.
        carry = (word >> (width - 1)) & 1
        word -= carry << width
        digits[bit] = Int16(word)
        top = bit + 1
        bit += now
    }
    return top
}

/// `count` (1...12) bits of the integer starting at bit `position`; bits past the top read as 0.
@inline(__always)
private func bits(_ limbs: UnsafePointer<UInt64>, _ limbCount: Int, at position: Int, count: Int) -> UInt64 {
    let word = position >> 6
    let shift = position & 63
    var value: UInt64 = word < limbCount ? limbs[word] >> UInt64(shift) : 0
    if shift + count > 64 && word + 1 < limbCount {
        value |= limbs[word + 1] << UInt64(64 - shift)
    }
    return value & ((1 << UInt64(count)) - 1)
}
