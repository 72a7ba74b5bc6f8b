// Differential tests of P-256/P-384 point arithmetic: u1·G + u2·Q from the interleaved wNAF code
// against a plain affine reference written with CertoBigInt (modInverse per step), on seeded random
// scalars and points, plus the special cases: P + P inside addition, P + (−P), infinity, u = 0, n−1.
import CertoBigInt
@testable import CertoSignature
import CertoTestSupport
import Testing

/// Textbook affine arithmetic on y² = x³ − 3x + b; nil is the point at infinity.
private struct ReferenceCurve {
    let p: BigInt
    let n: BigInt
    let g: (BigInt, BigInt)
    let byteCount: Int

    func add(_ a: (BigInt, BigInt)?, _ b: (BigInt, BigInt)?) throws -> (BigInt, BigInt)? {
        guard let a else { return b }
        guard let b else { return a }
        let slope: BigInt
        if a.0 == b.0 {
            if (try (a.1 + b.1).mod(p)).isZero { return nil }
            // Tangent: (3x² − 3) / 2y.
            let numerator = try (3 * a.0 * a.0 - 3).mod(p)
            slope = try (numerator * (2 * a.1).modInverse(p)!).mod(p)
        } else {
            slope = try ((b.1 - a.1) * (b.0 - a.0).mod(p).modInverse(p)!).mod(p)
        }
        let x = try (slope * slope - a.0 - b.0).mod(p)
        let y = try (slope * (a.0 - x) - a.1).mod(p)
        return (x, y)
    }

    func multiply(_ k: BigInt, _ point: (BigInt, BigInt)?) throws -> (BigInt, BigInt)? {
        var result: (BigInt, BigInt)? = nil
        var addend = point
        var index = 0
        while index < k.bitLength {
            if k.testBit(index) { result = try add(result, addend) }
            addend = try add(addend, addend)
            index += 1
        }
        return result
    }

    func sec1(_ point: (BigInt, BigInt)) throws -> [UInt8] {
        try [0x04] + point.0.serialize(byteCount: byteCount) + point.1.serialize(byteCount: byteCount)
    }
}

private let p256Reference = ReferenceCurve(
    p: try! BigInt(hex: "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff"),
    n: try! BigInt(hex: "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"),
    g: (try! BigInt(hex: "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296"),
        try! BigInt(hex: "4fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5")),
    byteCount: 32
)

private let p384Reference = ReferenceCurve(
    p: try! BigInt(hex: "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff"),
    n: try! BigInt(hex: "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973"),
    g: (try! BigInt(hex: "aa87ca22be8b05378eb1c71ef320ad746e1d3b628ba79b9859f741e082542a385502f25dbf55296c3a545e3872760ab7"),
        try! BigInt(hex: "3617de4a96262c6f5d9e98bf9292dc29f8f41dbd289a147ce9da3113b5f0b8c00a60b1ce1d7e819d7a431d7c90ea0e5f")),
    byteCount: 48
)

/// One curve's code under test: the curve-generic code, with the curve's reference values.
private protocol CurveUnderTest: ECCurveArithmetic {
    static var reference: ReferenceCurve { get }
    /// A scalar as integer (non-Montgomery) limbs from big-endian bytes.
    static func integerScalar(bigEndian bytes: [UInt8]) -> Scalar
}

extension P256: CurveUnderTest {
    fileprivate static var reference: ReferenceCurve { p256Reference }
    static func integerScalar(bigEndian bytes: [UInt8]) -> Scalar { Scalar.integerLimbs(bigEndian: bytes[...]) }
}

extension P384: CurveUnderTest {
    fileprivate static var reference: ReferenceCurve { p384Reference }
    static func integerScalar(bigEndian bytes: [UInt8]) -> Scalar { Scalar.integerLimbs(bigEndian: bytes[...]) }
}

extension CurveUnderTest {
    /// SEC1 bytes of u1·G + u2·Q (nil for infinity), with Q given as SEC1 bytes.
    static func linearCombination(u1: [UInt8], u2: [UInt8], q: [UInt8]) throws -> [UInt8]? {
        let point = try decodePoint(q)
        let scalar1 = integerScalar(bigEndian: u1)
        let scalar2 = integerScalar(bigEndian: u2)
        let sum = linearCombinationVarTime(u1: scalar1, u2: scalar2, q: point)
        // The split path with the key's precomputed tables must land on the same point.
        let keyTable = splitTable(of: point, width: splitKeyWindowWidth)
        let split = linearCombinationVarTime(u1: scalar1, u2: scalar2, keyTable: keyTable)
        #expect(split.affine == sum.affine, "split path differs for u1 \(u1), u2 \(u2)")
        return sum.affine.map { [0x04] + $0.x.bigEndianBytes + $0.y.bigEndianBytes }
    }

    /// Checks P + P, P + (−P), infinity on both sides, Jacobian and mixed, for the point Q.
    static func specialCases(q: [UInt8]) throws {
        let affine = try decodePoint(q)
        let point = Point(affine)
        // Re-scale Z so that the Jacobian coordinates differ from the affine ones.
        let z = FieldElement.one.doubled() + .one
        let scaled = Point(x: point.x * z.squared(), y: point.y * z.squared() * z, z: z)
        #expect(scaled.affine == affine)
        #expect(scaled.addingVarTime(scaled).affine == point.doubled().affine)
        #expect(scaled.addingVarTime(affine).affine == point.doubled().affine)
        #expect(scaled.addingVarTime(scaled.negated()).isInfinity)
        #expect(scaled.addingVarTime(affine.negated()).isInfinity)
        #expect(Point.infinity.addingVarTime(scaled).affine == affine)
        #expect(scaled.addingVarTime(Point.infinity).affine == affine)
        #expect(Point.infinity.addingVarTime(affine).affine == affine)
        #expect(Point.infinity.doubled().isInfinity)
        #expect(Point.infinity.affine == nil)
        #expect(affine.isOnCurve && affine.negated().isOnCurve)
    }
}

private func checkCurve<C: CurveUnderTest>(_: C.Type, randomCases: Int, seed: UInt64) throws {
    let reference = C.reference
    let width = reference.byteCount
    var generator = SplitMix64(state: seed)
    func scalar() throws -> BigInt { try BigInt(bytes: generator.bytes(width)).mod(reference.n) }
    func bytes(_ value: BigInt) throws -> [UInt8] { try value.serialize(byteCount: width) }

    let g = try reference.sec1(reference.g)
    let n = reference.n
    // (u1, u2, Q as a multiple of G): the special cases first.
    var cases: [(BigInt, BigInt, BigInt)] = [
        (0, 0, 5), (1, 0, 5), (0, 1, 5), (n - 1, 0, 5), (0, n - 1, 7),
        (1, 1, 1),            // G + G: doubling inside the addition
        (1, n - 1, 1),        // G + (−G): infinity
        (5, n - 5, 1),        // 5G − 5G: infinity
        (2, 3, n - 1),        // Q = −G
        (n - 1, n - 1, n - 1),
        (7, 7, 1), (123_456_789, n - 123_456_789, 1),
    ]
    // Around the 64-bit piece boundaries of the split paths, including equal pieces of G on both
    // sides (a doubling inside the addition there).
    let two64 = try BigInt(hex: "10000000000000000")
    let two128 = two64 * two64
    let two192 = two128 * two64
    cases += [
        (two64, two64, 1), (two192, two192, 1), (two64 - 1, two128 - 1, 3),
        (two192 + two64 - 1, two128 + 1, n - 2), (n - two64, n - two192, 9),
        (try (two192 * two64).mod(n), try (two192 * two128 - 1).mod(n), 1),
    ]
    while cases.count < 18 + randomCases {
        cases.append((try scalar(), try scalar(), try scalar() + 1))
    }
    for (u1, u2, qMultiple) in cases {
        let q = try #require(try reference.multiply(try qMultiple.mod(n), reference.g), "Q = \(qMultiple)·G")
        let expected = try reference.add(try reference.multiply(u1, reference.g), try reference.multiply(u2, q))
        let got = try C.linearCombination(u1: bytes(u1), u2: bytes(u2), q: reference.sec1(q))
        #expect(got == (try expected.map(reference.sec1)), "u1 = \(u1.hexString), u2 = \(u2.hexString), Q = \(qMultiple.hexString)·G")
    }
    try C.specialCases(q: g)
    let randomQ = try #require(try reference.multiply(try scalar() + 1, reference.g))
    try C.specialCases(q: reference.sec1(randomQ))
}

@Suite("ECDSA point multiplication vs CertoBigInt")
struct ECDSAPointDifferentialTests {
    @Test func p256() throws { try checkCurve(P256.self, randomCases: 200, seed: 0x256) }
    @Test func p384() throws { try checkCurve(P384.self, randomCases: 120, seed: 0x384) }
}
