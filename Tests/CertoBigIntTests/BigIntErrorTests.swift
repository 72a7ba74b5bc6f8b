// Bad input to BigInt is a typed error, never a trap: malformed text, division by zero, bad widths.
import CertoBigInt
import Testing

@Suite struct BigIntErrorTests {
    @Test(arguments: [
        ("", 0), ("-", 1), ("0x", 2), ("-0x", 3), ("12g4", 2), (" 12", 0), ("12 ", 2), ("+1", 0),
        ("1_000", 1), ("0x0x1", 3), ("ff\n", 2), ("é", 0), ("--1", 1),
    ])
    func malformedHex(text: String, offset: Int) {
        #expect(throws: BigIntError.malformedString(offset: offset)) { try BigInt(hex: text) }
    }

    @Test(arguments: [("", 0), ("-", 1), ("12a", 2), ("0x10", 1), (" 1", 0), ("1.0", 1), ("+5", 0)])
    func malformedDecimal(text: String, offset: Int) {
        #expect(throws: BigIntError.malformedString(offset: offset)) { try BigInt(decimal: text) }
    }

    @Test(arguments: [
        ("0", "0"), ("-0", "0"), ("0x00ff", "255"), ("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", "340282366920938463463374607431768211455"),
        ("-10", "-16"), ("000", "0"),
    ])
    func wellFormedHex(hex: String, decimal: String) throws {
        #expect(try BigInt(hex: hex) == BigInt(decimal: decimal))
        #expect(try BigInt(hex: hex).description == decimal)
    }

    @Test func divisionByZeroThrows() {
        let a = BigInt(42)
        #expect(throws: BigIntError.divisionByZero) { try a / 0 }
        #expect(throws: BigIntError.divisionByZero) { try a % 0 }
        #expect(throws: BigIntError.divisionByZero) { try a.quotientAndRemainder(dividingBy: 0) }
        #expect(throws: BigIntError.divisionByZero) { try a.mod(0) }
        #expect(throws: BigIntError.divisionByZero) { try a.modPow(3, modulus: 0) }
        #expect(a.modInverse(0) == nil)
    }

    @Test func otherErrors() throws {
        #expect(throws: BigIntError.notInvertible) { try BigInt(6).modPow(-1, modulus: 9) }
        #expect(throws: BigIntError.negativeValue) { try BigInt(-1).serialize(byteCount: 8) }
        #expect(throws: BigIntError.negativeValue) { try BigInt(2).power(-1) }
        #expect(throws: BigIntError.doesNotFit(byteCount: 1)) { try BigInt(256).serialize(byteCount: 1) }
        #expect(try BigInt(255).serialize(byteCount: 1) == [0xff])
        #expect(try BigInt(0).serialize(byteCount: 0) == [])
        #expect(BigInt(0).serialize() == [])
        #expect(BigInt(bytes: [0, 0, 1, 0]) == 256)
        #expect(BigInt(bytes: [UInt8]()) == 0)
    }
}
