// Seeded random property tests of BigInt: native-integer differential checks for small values, and
// algebraic identities (division, mulmod, inverse, modPow by repeated multiplication) for large ones.
import CertoBigInt
import CertoTestSupport
import Testing

/// A random BigInt of up to `maxBytes` bytes, negative about half the time when `signed`.
private func randomBigInt(_ rng: inout SplitMix64, maxBytes: Int, signed: Bool = false) -> BigInt {
    let count = Int(rng.next() % UInt64(maxBytes + 1))
    let value = BigInt(bytes: rng.bytes(count))
    return signed && rng.next() & 1 == 1 ? -value : value
}

@Suite struct BigIntPropertyTests {
    @Test func agreesWithNativeIntegers() throws {
        var rng = SplitMix64(seed: 1)
        for _ in 0..<3000 {
            let a = Int(Int32(truncatingIfNeeded: rng.next()))
            let b = Int(Int32(truncatingIfNeeded: rng.next()))
            let x = BigInt(a), y = BigInt(b)
            #expect((x + y).intValue == a + b)
            #expect((x - y).intValue == a - b)
            #expect((x * y).intValue == a * b)
            #expect((x < y) == (a < b))
            #expect((x == y) == (a == b))
            #expect(x.signum == a.signum())
            if b != 0 {
                #expect(try (x / y).intValue == a / b)
                #expect(try (x % y).intValue == a % b)
                let m = try x.mod(y).intValue!
                #expect(m >= 0 && m < abs(b) && (a - m) % b == 0)
            }
            let shift = Int(rng.next() % 20)
            #expect((x << shift).intValue == a << shift)
            #expect((x >> shift).intValue == a >> shift)
            #expect(x.bitLength == (a == 0 ? 0 : Int.bitWidth - a.magnitude.leadingZeroBitCount))
            for bit in [0, 1, 7, 31, 40] {
                #expect(x.testBit(bit) == ((a >> bit) & 1 == 1))
            }
            #expect(x.description == String(a))
            #expect(x.hexString == String(a, radix: 16))
            let g = x.gcd(y).intValue!
            #expect(g >= 0)
            if g != 0 { #expect(a % g == 0 && b % g == 0) }
        }
    }

    @Test func textAndByteRoundTrips() throws {
        var rng = SplitMix64(seed: 2)
        for _ in 0..<2000 {
            let value = randomBigInt(&rng, maxBytes: 300, signed: true)
            #expect(try BigInt(hex: value.hexString) == value)
            #expect(try BigInt(decimal: value.decimalString) == value)
            let magnitude = value.magnitude
            let bytes = magnitude.serialize()
            #expect(bytes.first != 0)
            #expect(bytes.count == magnitude.byteLength)
            #expect(BigInt(bytes: bytes) == magnitude)
            let width = bytes.count + Int(rng.next() % 5)
            let padded = try magnitude.serialize(byteCount: width)
            #expect(padded.count == width)
            #expect(padded.prefix(width - bytes.count).allSatisfy { $0 == 0 })
            #expect(BigInt(bytes: padded) == magnitude)
            if bytes.count > 0 {
                #expect(throws: BigIntError.doesNotFit(byteCount: bytes.count - 1)) {
                    try magnitude.serialize(byteCount: bytes.count - 1)
                }
            }
        }
    }

    @Test func divisionIdentities() throws {
        var rng = SplitMix64(seed: 3)
        for _ in 0..<2000 {
            let a = randomBigInt(&rng, maxBytes: 128, signed: true)
            var d = randomBigInt(&rng, maxBytes: 64, signed: true)
            if d.isZero { d = 7 }
            let (q, r) = try a.quotientAndRemainder(dividingBy: d)
            #expect(q * d + r == a)
            #expect(r.magnitude < d.magnitude)
            #expect(r.isZero || r.signum == a.signum)
            #expect(try a / d == q)
            #expect(try a % d == r)
            let m = try a.mod(d)
            #expect(m >= 0 && m < d.magnitude)
            #expect(try (a - m) % d == 0)
        }
    }

    @Test func mulModInverseAndPower() throws {
        var rng = SplitMix64(seed: 4)
        for _ in 0..<2000 {
            var n = randomBigInt(&rng, maxBytes: 80)
            if n < 2 { n = n + 2 }
            let a = randomBigInt(&rng, maxBytes: 100, signed: true)
            let b = randomBigInt(&rng, maxBytes: 100, signed: true)
            let product = try (a * b).mod(n)
            #expect(product == (try (a.mod(n) * b.mod(n)).mod(n)))
            #expect(product >= 0 && product < n)
            if let inverse = a.modInverse(n) {
                #expect(a.gcd(n) == 1)
                #expect(inverse >= 0 && inverse < n)
                #expect(try (a * inverse).mod(n) == 1)
            } else {
                #expect(a.gcd(n) != 1)
            }
            let exponent = Int(rng.next() % 40)
            var expected = try BigInt(1).mod(n)
            for _ in 0..<exponent { expected = try (expected * a).mod(n) }
            #expect(try a.modPow(BigInt(exponent), modulus: n) == expected)
            #expect(try a.power(exponent).mod(n) == expected)
        }
    }

    @Test func boundaryValues() throws {
        var rng = SplitMix64(seed: 5)
        for _ in 0..<500 {
            var n = BigInt(bytes: rng.bytes(256))
            if n.isEven { n = n + 1 }
            if n < 3 { n = 3 }
            let nMinus1 = n - 1
            #expect(try nMinus1.modPow(2, modulus: n) == 1)
            #expect(nMinus1.modInverse(n) == nMinus1)
            #expect(try BigInt(0).modPow(5, modulus: n) == 0)
            #expect(try BigInt(1).modPow(nMinus1, modulus: n) == 1)
            #expect(try n.modPow(0, modulus: n) == 1)
            #expect(BigInt(1).modInverse(n) == 1)
            #expect(BigInt(0).modInverse(n) == nil)
            #expect(n.modInverse(n) == nil)
            #expect(try n.mod(n) == 0)
            #expect(try nMinus1.mod(n) == nMinus1)
            #expect(try (-BigInt(1)).mod(n) == nMinus1)
            let a = BigInt(bytes: rng.bytes(200))
            if let inverse = a.modInverse(n) {
                #expect(try a.modPow(-1, modulus: n) == inverse)
            }
        }
    }

    @Test func copyOnWriteKeepsValuesIndependent() {
        let original = BigInt(12345)
        var copy = original
        copy += 1
        copy *= 2
        copy -= 4
        #expect(original == 12345)
        #expect(copy == 24688)
        let set: Set<BigInt> = [BigInt(5), BigInt(5), -BigInt(5), 0, BigInt()]
        #expect(set.count == 3)
    }
}
