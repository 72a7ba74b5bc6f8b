// Differential tests of the fixed-width P-256/P-384 arithmetic (field mod p and scalars mod n)
// against CertoBigInt (GMP) as the oracle: seeded random inputs plus edge values (0, 1, 2, m−1,
// m−2, (m−1)/2, values ≥ m for reduction). Deterministic: same seed, same inputs, every run.
import CertoBigInt
@testable import CertoSignature
import CertoTestSupport
import Testing

/// What the differential test needs from a fixed-width modular type.
protocol DifferentialModular: Equatable {
    static var modulusHex: String { get }
    static var byteCount: Int { get }
    static var hasSquareRoot: Bool { get }
    static var one: Self { get }
    init?(bigEndianBytes: ArraySlice<UInt8>)
    init(reducingBigEndianBytes: ArraySlice<UInt8>)
    var bigEndianBytes: [UInt8] { get }
    var isZero: Bool { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    func squared() -> Self
    func doubled() -> Self
    func negated() -> Self
    func inverted() -> Self
    func testSquareRoot() -> Self?
}

/// Field elements and scalars of a curve are one generic type, so they conform once per width,
/// through their modulus.
protocol DifferentialModulus {
    static var modulusHex: String { get }
    static var hasSquareRoot: Bool { get }
}

protocol DifferentialModulus256: Modulus256, DifferentialModulus {
    static func testSquareRoot(_ value: Residue256<Self>) -> Residue256<Self>?
}

extension P256.FieldModulus: DifferentialModulus256 {
    static var modulusHex: String { "ffffffff00000001000000000000000000000000ffffffffffffffffffffffff" }
    static var hasSquareRoot: Bool { true }
    static func testSquareRoot(_ value: P256.FieldElement) -> P256.FieldElement? { value.squareRoot() }
}

extension P256.OrderModulus: DifferentialModulus256 {
    static var modulusHex: String { "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551" }
    static var hasSquareRoot: Bool { false }
    static func testSquareRoot(_ value: P256.Scalar) -> P256.Scalar? { nil }
}

extension Residue256: DifferentialModular where M: DifferentialModulus256 {
    static var modulusHex: String { M.modulusHex }
    static var byteCount: Int { 32 }
    static var hasSquareRoot: Bool { M.hasSquareRoot }
    func testSquareRoot() -> Self? { M.testSquareRoot(self) }
}

protocol DifferentialModulus384: Modulus384, DifferentialModulus {
    static func testSquareRoot(_ value: Residue384<Self>) -> Residue384<Self>?
}

extension P384.FieldModulus: DifferentialModulus384 {
    static var modulusHex: String {
        "fffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffff"
    }
    static var hasSquareRoot: Bool { true }
    static func testSquareRoot(_ value: P384.FieldElement) -> P384.FieldElement? { value.squareRoot() }
}

extension P384.OrderModulus: DifferentialModulus384 {
    static var modulusHex: String {
        "ffffffffffffffffffffffffffffffffffffffffffffffffc7634d81f4372ddf581a0db248b0a77aecec196accc52973"
    }
    static var hasSquareRoot: Bool { false }
    static func testSquareRoot(_ value: P384.Scalar) -> P384.Scalar? { nil }
}

extension Residue384: DifferentialModular where M: DifferentialModulus384 {
    static var modulusHex: String { M.modulusHex }
    static var byteCount: Int { 48 }
    static var hasSquareRoot: Bool { M.hasSquareRoot }
    func testSquareRoot() -> Self? { M.testSquareRoot(self) }
}

enum ModularUnderTest: String, CaseIterable, Sendable {
    case p256Field, p256Scalar, p384Field, p384Scalar
}

/// Random and edge inputs below the modulus, as BigInt.
private func inputs(modulus: BigInt, byteCount: Int, count: Int, generator: inout SplitMix64) throws -> [BigInt] {
    let edges: [BigInt] = [
        0, 1, 2, 3, modulus - 1, modulus - 2, try modulus / 2, try modulus / 2 + 1,
        (BigInt(1) << (byteCount * 8 - 1)) - 1, BigInt(1) << 64, (BigInt(1) << 128) - 1,
    ]
    var values = edges
    while values.count < count {
        // Mostly uniform; sometimes with long runs of one bits, which stress carries.
        var bytes = generator.bytes(byteCount)
        if generator.next() % 4 == 0 {
            let start = Int(generator.next() % UInt64(byteCount))
            for index in start..<byteCount { bytes[index] = 0xff }
        }
        values.append(try BigInt(bytes: bytes).mod(modulus))
    }
    return values
}

private func check<T: DifferentialModular>(_: T.Type, iterations: Int, seed: UInt64) throws {
    var generator = SplitMix64(state: seed)
    let m = try BigInt(hex: T.modulusHex)
    let width = T.byteCount
    let values = try inputs(modulus: m, byteCount: width, count: iterations, generator: &generator)
    func element(_ value: BigInt) throws -> T { try #require(T(bigEndianBytes: value.serialize(byteCount: width)[...])) }
    func integer(_ element: T) -> BigInt { BigInt(bytes: element.bigEndianBytes) }

    var checked = 0
    for (index, a) in values.enumerated() {
        let b = values[(index * 7 + 3) % values.count]
        let x = try element(a)
        let y = try element(b)
        #expect(integer(x) == a, "round trip \(a.hexString)")
        #expect(integer(x + y) == (try (a + b).mod(m)), "add \(a.hexString) \(b.hexString)")
        #expect(integer(x - y) == (try (a - b).mod(m)), "sub \(a.hexString) \(b.hexString)")
        #expect(integer(x * y) == (try (a * b).mod(m)), "mul \(a.hexString) \(b.hexString)")
        #expect(integer(x.squared()) == (try (a * a).mod(m)), "square \(a.hexString)")
        #expect(integer(x.doubled()) == (try (a + a).mod(m)), "double \(a.hexString)")
        #expect(integer(x.negated()) == (try (-a).mod(m)), "negate \(a.hexString)")
        checked += 1

        if index % 16 == 0 || index < 11 {
            let inverse = x.inverted()
            if a.isZero {
                #expect(inverse.isZero)
            } else {
                #expect(integer(inverse) == a.modInverse(m), "inverse \(a.hexString)")
                #expect(inverse * x == T.one)
            }
            if T.hasSquareRoot {
                let euler = try a.modPow((m - 1) >> 1, modulus: m)
                let isSquare = a.isZero || euler == 1
                if let root = x.testSquareRoot() {
                    #expect(isSquare, "root of a non-square \(a.hexString)")
                    #expect(root.squared() == x)
                } else {
                    #expect(!isSquare, "no root found for a square \(a.hexString)")
                }
            }
        }

        // Reduction of 8·byteCount-bit values at or above the modulus.
        let span = (BigInt(1) << (width * 8)) - m
        let high = try m + BigInt(bytes: generator.bytes(width)).mod(span)
        let highBytes = try high.serialize(byteCount: width)
        #expect(T(bigEndianBytes: highBytes[...]) == nil, "accepted unreduced \(high.hexString)")
        #expect(integer(T(reducingBigEndianBytes: highBytes[...])) == (try high.mod(m)))
    }
    #expect(checked == iterations)
    // Canonical form: m itself and all-ones are refused unreduced.
    #expect(T(bigEndianBytes: try m.serialize(byteCount: width)[...]) == nil)
    #expect(T(bigEndianBytes: [UInt8](repeating: 0xff, count: width)[...]) == nil)
}

@Suite("ECDSA field and scalar arithmetic vs CertoBigInt")
struct ECDSAFieldDifferentialTests {
    @Test(arguments: ModularUnderTest.allCases)
    func differential(_ type: ModularUnderTest) throws {
        switch type {
        case .p256Field: try check(P256.FieldElement.self, iterations: 12_000, seed: 0x256f)
        case .p256Scalar: try check(P256.Scalar.self, iterations: 6_000, seed: 0x256a)
        case .p384Field: try check(P384.FieldElement.self, iterations: 10_000, seed: 0x384f)
        case .p384Scalar: try check(P384.Scalar.self, iterations: 5_000, seed: 0x384a)
        }
    }
}
