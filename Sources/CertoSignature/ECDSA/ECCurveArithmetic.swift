// What the curve-generic code (ECVerification.swift, ECMultiplication.swift,
// ECKeyPrecomputation.swift) asks of a curve. P256 and P384 conform with their own fixed-width types (P256.swift, P384.swift).
// The generic code is internal and only ever called with a concrete curve, so the optimizer
// specializes it per curve and the inner loops run on each curve's inlined limb code.

/// A field element in whatever representation the curve keeps (Montgomery form for both curves).
protocol ECFieldElement: Equatable, Sendable {
    static var one: Self { get }
    static func * (a: Self, b: Self) -> Self
    func squared() -> Self
    /// The multiplicative inverse (0 maps to 0). Variable-time.
    func invertedVarTime() -> Self
}

/// An affine point other than infinity.
protocol ECAffinePoint: Sendable {
    associatedtype Field: ECFieldElement
    init(x: Field, y: Field)
    var x: Field { get }
    var y: Field { get }
    static var generator: Self { get }
    func negated() -> Self
}

/// A point in Jacobian coordinates (Z = 0 is infinity) with the variable-time group law.
protocol ECJacobianPoint: Sendable {
    associatedtype Affine: ECAffinePoint
    static var infinity: Self { get }
    init(_ affine: Affine)
    var x: Affine.Field { get }
    var y: Affine.Field { get }
    var z: Affine.Field { get }
    var isInfinity: Bool { get }
    func doubled() -> Self
    func addingVarTime(_ q: Self) -> Self
    func addingVarTime(_ q: Affine) -> Self
}

/// An integer modulo the group order n (Montgomery form unless a name says integer).
protocol ECScalar: Sendable {
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
    associatedtype AffinePoint: ECAffinePoint
    associatedtype Point: ECJacobianPoint where Point.Affine == AffinePoint
    associatedtype Scalar: ECScalar

    /// 64-bit limbs in a field element or a scalar.
    static var limbCount: Int { get }
    /// Bytes in a field element or a scalar (n and p have whole bytes on both curves).
    static var byteCount: Int { get }
    /// The field elements whose x-coordinate matches r: r itself (r < n < p) and r + n when that
    /// is still below p. `r` is an integer (not Montgomery form).
    static func xCoordinateCandidates(forIntegerR r: Scalar) -> (AffinePoint.Field, AffinePoint.Field?)
    /// G, 3G, 5G, … for the plain path: 2^(baseWindowWidth − 1) affine points, built once.
    static var baseTable: [AffinePoint] { get }
    /// The split path's tables for G (see `splitTable`), built once.
    static var splitBaseTable: [AffinePoint] { get }
    /// wNAF width of each 64-bit piece of u1 on the split path.
    static var splitBaseWindowWidth: Int { get }
}
