// Word-level helpers for the fixed-width curve arithmetic: add/subtract with carry, 64×64→128
// multiply-accumulate. Plain functions, always inlined, so the unrolled limb code in the
// *FieldElement / *Scalar files compiles to straight-line integer instructions.

/// a + b + carry; the carry in and out are 0 or 1.
@inline(__always)
func addWithCarry(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (UInt64, UInt64) {
    let (s1, o1) = a.addingReportingOverflow(b)
    let (s2, o2) = s1.addingReportingOverflow(carry)
    return (s2, (o1 ? 1 : 0) | (o2 ? 1 : 0))
}

/// a − b − borrow; the borrow in and out are 0 or 1.
@inline(__always)
func subtractWithBorrow(_ a: UInt64, _ b: UInt64, _ borrow: UInt64) -> (UInt64, UInt64) {
    let (d1, o1) = a.subtractingReportingOverflow(b)
    let (d2, o2) = d1.subtractingReportingOverflow(borrow)
    return (d2, (o1 ? 1 : 0) | (o2 ? 1 : 0))
}

/// a·b as (low, high).
@inline(__always)
func multiplyWide(_ a: UInt64, _ b: UInt64) -> (UInt64, UInt64) {
    let (high, low) = a.multipliedFullWidth(by: b)
    return (low, high)
}

/// a·b + c as (low, high); cannot overflow 128 bits.
@inline(__always)
func multiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64) -> (UInt64, UInt64) {
    let (high, low) = a.multipliedFullWidth(by: b)
    let (sum, overflow) = low.addingReportingOverflow(c)
    return (sum, high &+ (overflow ? 1 : 0))
}

/// a·b + c + d as (low, high); cannot overflow 128 bits.
@inline(__always)
func multiplyAdd2(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (UInt64, UInt64) {
    let (high, low) = a.multipliedFullWidth(by: b)
    let (s1, o1) = low.addingReportingOverflow(c)
    let (s2, o2) = s1.addingReportingOverflow(d)
    return (s2, high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0))
}
