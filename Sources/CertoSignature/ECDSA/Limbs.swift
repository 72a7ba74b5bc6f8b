// Word-level helpers for the fixed-width curve arithmetic: add/subtract with carry, 64×64→128
// multiply-accumulate. Written with UInt128 so that LLVM emits add/adc, sub/sbb and mul chains
// without branches; always inlined into the unrolled limb code of Residue256.swift and Residue384.swift.
// The words go in and out through UInt128's transparent `_low`/`_high` members rather than the
// generic integer conversions, which debug builds would otherwise run as slow generic code.

@inline(__always)
private func wide(_ value: UInt64) -> UInt128 { UInt128(_low: value, _high: 0) }

/// a + b + carry as (sum, carry out); carries are 0 or 1.
@inline(__always)
func addWithCarry(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
    let sum = wide(a) &+ wide(b) &+ wide(carry)
    return (sum._low, sum._high)
}

/// a − b − borrow as (difference, borrow out); borrows are 0 or 1.
@inline(__always)
func subtractWithBorrow(_ a: UInt64, _ b: UInt64, _ borrow: UInt64) -> (UInt64, UInt64) {
    let difference = wide(a) &- wide(b) &- wide(borrow)
    // A borrow wraps the high word to all ones.
    return (difference._low, difference._high & 1)
}

/// a·b as (low, high).
@inline(__always)
func multiplyWide(_ a: UInt64, _ b: UInt64) -> (UInt64, UInt64) {
    let product = wide(a) &* wide(b)
    return (product._low, product._high)
}

/// a·b + c as (low, high); cannot overflow 128 bits.
@inline(__always)
func multiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> (UInt64, UInt64) {
    let value = wide(a) &* wide(b) &+ wide(c)
    return (value._low, value._high)
}

/// a·b + c + d as (low, high); cannot overflow 128 bits.
@inline(__always)
func multiplyAdd2(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (UInt64, UInt64) {
    let value = wide(a) &* wide(b) &+ wide(c) &+ wide(d)
    return (value._low, value._high)
}
