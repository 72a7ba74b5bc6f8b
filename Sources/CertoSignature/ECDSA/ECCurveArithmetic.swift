// What the curve-generic code (ECPoint.swift, ECVerification.swift, ECMultiplication.swift,
// ECKeyPrecomputation.swift) asks of a curve. P256 and P384 conform with their own fixed-width types (P256.swift, P384.swift).
// The generic code is internal and only ever called with a concrete curve, so the optimizer
// specializes it per curve and the inner loops run on each curve's inlined limb code.

/// A field element in whatever representation the curve keeps (Montgomery form for both curves),
/// with what the point formulas (ECPoint.swift) use.
protocol ECFieldElement: Equatable, Sendable {
    static var zero: Self { get }
    static var one: Self { get }
    /// The curve coefficient b.
    static var curveB: Self { get }
    var isZero: Bool { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    func squared() -> Self
    func doubled() -> Self
    func negated() -> Self
    /// The multiplicative inverse (0 maps to 0). Variable-time.
    func invertedVarTime() -> Self
    /// A square root, or nil when there is none.
    func squareRoot() -> Self?
    /// Big-endian bytes of the field's byte length; nil when the value is not below p.
    init?(bigEndianBytes bytes: ArraySlice<UInt8>)
    /// The value as big-endian bytes (out of Montgomery form).
    var bigEndianBytes: [UInt8] { get }
    /// The integer value, out of Montgomery form.
    var integerLimbs: Self { get }
    /// The 64-bit limb at `index`, least significant first.
    func limb(_ index: Int) -> UInt64
}

/// An integer modulo the group order n (Montgomery form unless a name says integer).
protocol ECScalar: Sendable {
    /// Big-endian bytes of the scalar's byte length; nil when the value is not below n.
    init?(bigEndianBytes bytes: ArraySlice<UInt8>)
    var isZero: Bool { get }
    /// A big-endian value of the scalar's byte length, reduced modulo n, in Montgomery form.
    init(reducingBigEndianBytes bytes: ArraySlice<UInt8>)
    /// The Montgomery product; with one integer operand the result is an integer.
    static func * (a: Self, b: Self) -> Self
    /// The integer value, out of Montgomery form.
    var integerLimbs: Self { get }
    /// The inverse modulo n of an integer value, as an integer (0 maps to 0). Variable-time.
    func integerInverseVarTime() -> Self
    /// The 64-bit limb at `index`, least significant first.
    func limb(_ index: Int) -> UInt64
}

/// A curve whose ECDSA verification comes from ECVerification.swift.
protocol ECCurveArithmetic {
    associatedtype FieldElement: ECFieldElement
    associatedtype Scalar: ECScalar

    /// 64-bit limbs in a field element or a scalar.
    static var limbCount: Int { get }
    /// The base point G.
    static var generator: AffinePoint { get }
    /// Bytes in a field element or a scalar (n and p have whole bytes on both curves).
    static var byteCount: Int { get }
    /// The curve's name in keys and errors.
    static var curve: ECDSACurve { get }
    /// The field elements whose x-coordinate matches r: r itself (r < n < p) and r + n when that
    /// is still below p. `r` is an integer (not Montgomery form).
    static func xCoordinateCandidates(forIntegerR r: Scalar) -> (FieldElement, FieldElement?)
    /// G, 3G, 5G, … for the plain path: 2^(baseWindowWidth − 1) affine points, built once.
    static var baseTable: [AffinePoint] { get }
    /// The split path's tables for G (see `splitTable`), built once.
    static var splitBaseTable: [AffinePoint] { get }
    /// wNAF width of each 64-bit piece of u1 on the split path.
    static var splitBaseWindowWidth: Int { get }
}

extension ECCurveArithmetic {
    typealias AffinePoint = ECAffinePoint<FieldElement>
    typealias Point = ECJacobianPoint<FieldElement>
}
