// MontgomeryModulus.powerVarTime against BigInt.modPow (GMP's mpz_powm) on seeded random odd moduli
// of many sizes, bases and exponents: small, e = 65537, one word, and long (sliding window).
import CertoBigInt
import CertoTestSupport
import Testing

@Suite struct MontgomeryModulusTests {
    @Test func agreesWithModPow() throws {
        var rng = SplitMix64(seed: 6)
        for round in 0..<1500 {
            let byteCount = 1 + Int(rng.next() % 520)
            var modulusBytes = rng.bytes(byteCount)
            modulusBytes[0] |= 0x80 >> (rng.next() % 8)
            modulusBytes[byteCount - 1] |= 1
            let n = BigInt(bytes: modulusBytes)
            guard n > 1 else { continue }
            let context = try MontgomeryModulus(n)
            #expect(context.byteCount == n.byteLength)
            let base = try BigInt(bytes: rng.bytes(byteCount + 2)).mod(n)
            let exponent: BigInt
            switch round % 5 {
            case 0: exponent = BigInt(Int(rng.next() % 8))
            case 1: exponent = 65537
            case 2: exponent = BigInt(rng.next())
            default: exponent = BigInt(bytes: rng.bytes(1 + Int(rng.next() % 64)))
            }
            let expected = try base.modPow(exponent, modulus: n).serialize(byteCount: context.byteCount)
            let padded = [UInt8](repeating: 0, count: Int(rng.next() % 3)) + base.serialize()
            #expect(context.powerVarTime(bigEndianBase: padded, exponent: exponent) == expected)
        }
    }

    @Test func rejectsOutOfRangeInput() throws {
        let n = try BigInt(hex: "c5a3f1e7b9d1f0a2e3c5d7b9a1c3e5f70123456789abcdef0fedcba987654321")
        let context = try MontgomeryModulus(n)
        #expect(context.powerVarTime(bigEndianBase: n.serialize(), exponent: 3) == nil)
        #expect(context.powerVarTime(bigEndianBase: (n + 1).serialize(), exponent: 3) == nil)
        #expect(context.powerVarTime(bigEndianBase: [1] + [UInt8](repeating: 0, count: 40), exponent: 3) == nil)
        #expect(context.powerVarTime(bigEndianBase: [2], exponent: -1) == nil)
        let nMinus1 = (n - 1).serialize()
        #expect(context.powerVarTime(bigEndianBase: nMinus1, exponent: 2) == (try BigInt(1).serialize(byteCount: 32)))
        #expect(context.powerVarTime(bigEndianBase: [], exponent: 65537) == [UInt8](repeating: 0, count: 32))
        #expect(throws: BigIntError.invalidModulus) { try MontgomeryModulus(BigInt(1)) }
        #expect(throws: BigIntError.invalidModulus) { try MontgomeryModulus(BigInt(1) << 100) }
        #expect(throws: BigIntError.invalidModulus) { try MontgomeryModulus(-n) }
    }
}
