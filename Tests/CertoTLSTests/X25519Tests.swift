// X25519 against the RFC 7748 known answers: the two §5.2 scalar multiplications, the iterated
// test at 1 and 1,000 iterations, and the §6.1 Diffie-Hellman exchange (both public keys and the
// shared secret). The 1,000,000-iteration case is left out: minutes in a debug build.
import CertoTestSupport
import Testing
@testable import CertoTLS

@Suite("X25519 (RFC 7748)")
struct X25519Tests {
    struct Vector: Sendable, CustomStringConvertible {
        let scalar: String, u: String, output: String
        var description: String { String(scalar.prefix(8)) }
    }

    static let section52: [Vector] = [
        Vector(
            scalar: "a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4",
            u: "e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c",
            output: "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552"),
        Vector(
            scalar: "4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d",
            u: "e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493",
            output: "95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957"),
    ]

    @Test("§5.2 scalar multiplication", arguments: section52)
    func scalarMultiplication(_ vector: Vector) {
        let result = X25519.scalarMultiply(scalar: TestHex.bytes(vector.scalar), uCoordinate: TestHex.bytes(vector.u))
        #expect(TestHex.encode(result) == vector.output)
    }

    @Test("§5.2 iterated 1 and 1,000 times")
    func iterated() {
        var k = X25519.basePoint
        var u = X25519.basePoint
        var after1 = ""
        for iteration in 1...1000 {
            let result = X25519.scalarMultiply(scalar: k, uCoordinate: u)
            u = k
            k = result
            if iteration == 1 { after1 = TestHex.encode(k) }
        }
        #expect(after1 == "422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079")
        #expect(TestHex.encode(k) == "684cf59ba83309552800ef566f2f4d3c1c3887c49360e3875f2eb94d99532c51")
    }

    @Test("§6.1 Diffie-Hellman")
    func diffieHellman() throws {
        let alicePrivate = TestHex.bytes("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
        let bobPrivate = TestHex.bytes("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb")
        let alicePublic = X25519.publicKey(privateKey: alicePrivate)
        let bobPublic = X25519.publicKey(privateKey: bobPrivate)
        #expect(TestHex.encode(alicePublic) == "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a")
        #expect(TestHex.encode(bobPublic) == "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f")
        let shared1 = try #require(X25519.sharedSecret(privateKey: alicePrivate, peerPublicKey: bobPublic))
        let shared2 = try #require(X25519.sharedSecret(privateKey: bobPrivate, peerPublicKey: alicePublic))
        #expect(TestHex.encode(shared1) == "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")
        #expect(shared1 == shared2)
    }

    @Test("a small-order peer key (u = 0, u = 1) gives no shared secret")
    func smallOrder() {
        let key = TestHex.bytes("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a")
        #expect(X25519.sharedSecret(privateKey: key, peerPublicKey: [UInt8](repeating: 0, count: 32)) == nil)
        #expect(X25519.sharedSecret(privateKey: key, peerPublicKey: [1] + [UInt8](repeating: 0, count: 31)) == nil)
    }

    @Test("non-canonical u (p + 9) gives the same result as u = 9; bit 255 is ignored")
    func nonCanonical() {
        let key = TestHex.bytes("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4")
        // p + 9 = 2^255 - 10, little-endian.
        let pPlus9 = [0xf6] + [UInt8](repeating: 0xff, count: 30) + [0x7f]
        #expect(X25519.scalarMultiply(scalar: key, uCoordinate: pPlus9) == X25519.scalarMultiply(scalar: key, uCoordinate: X25519.basePoint))
        var highBit = X25519.basePoint
        highBit[31] |= 0x80
        #expect(X25519.scalarMultiply(scalar: key, uCoordinate: highBit) == X25519.scalarMultiply(scalar: key, uCoordinate: X25519.basePoint))
    }
}
