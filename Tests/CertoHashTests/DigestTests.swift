// HashAlgorithm's run-time dispatch equals the concrete types, and digests behave as values:
// equality and hashing follow the bytes, `description` is lowercase hex, sizes match the standard.
import CertoHash
import CertoTestSupport
import Testing

@Suite struct DigestTests {
    @Test(arguments: HashAlgorithm.allCases)
    func dispatchEqualsConcreteTypes(_ algorithm: HashAlgorithm) {
        var rng = SplitMix64(seed: 7)
        for length in [0, 1, 3, 55, 56, 64, 112, 128, 129, 1000, 10_000] {
            let message = rng.bytes(length)
            let concrete: [UInt8]
            let byteCount: Int
            switch algorithm {
            case .sha1: concrete = Insecure.SHA1.hash(data: message).bytes; byteCount = Insecure.SHA1.byteCount
            case .sha224: concrete = SHA224.hash(data: message).bytes; byteCount = SHA224.byteCount
            case .sha256: concrete = SHA256.hash(data: message).bytes; byteCount = SHA256.byteCount
            case .sha384: concrete = SHA384.hash(data: message).bytes; byteCount = SHA384.byteCount
            case .sha512: concrete = SHA512.hash(data: message).bytes; byteCount = SHA512.byteCount
            }
            #expect(algorithm.hash(message) == concrete)
            #expect(message.withUnsafeBytes { algorithm.hash(bufferPointer: $0) } == concrete)
            #expect(algorithm.hash(message[...]) == concrete)
            #expect(concrete.count == algorithm.digestByteCount)
            #expect(byteCount == algorithm.digestByteCount)
        }
    }

    @Test func sizesAndNames() {
        #expect(HashAlgorithm.allCases.map(\.digestByteCount) == [20, 28, 32, 48, 64])
        #expect(HashAlgorithm.allCases.map(\.description) == ["SHA-1", "SHA-224", "SHA-256", "SHA-384", "SHA-512"])
        #expect(HashAlgorithm.allCases.filter(\.isInsecure) == [.sha1])
        #expect(Insecure.SHA1.blockByteCount == 64 && SHA224.blockByteCount == 64 && SHA256.blockByteCount == 64)
        #expect(SHA384.blockByteCount == 128 && SHA512.blockByteCount == 128)
    }

    /// FIPS 180-4 appendix examples ("abc"), checked through every view of the digest.
    @Test func digestViews() {
        let abc = Array("abc".utf8)
        let sha256 = SHA256.hash(data: abc)
        #expect(sha256.description == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect("\(SHA224.hash(data: abc))" == "23097d223405d8228642a477bda255b32aadbce4bda0b3f7e36c9da7")
        #expect("\(Insecure.SHA1.hash(data: abc))" == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(SHA384.hash(data: abc).description == "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
        #expect(SHA512.hash(data: abc).description == "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        #expect(Array(sha256) == sha256.bytes)
        #expect(sha256.withUnsafeBytes { Array($0) } == sha256.bytes)
        #expect(hexString(sha256.bytes) == sha256.description)
        #expect(SHA224.hash(data: abc).withUnsafeBytes { $0.count } == 28)
        #expect(Insecure.SHA1.hash(data: abc).withUnsafeBytes { $0.count } == 20)
    }

    @Test func digestsCompareAndHashByValue() {
        let a = SHA256.hash(data: [1, 2, 3])
        let b = SHA256.hash(data: [1, 2, 3])
        let c = SHA256.hash(data: [1, 2, 4])
        #expect(a == b)
        #expect(a != c)
        #expect(Set([a, b, c]).count == 2)
        #expect(a.hashValue == b.hashValue)
        // Digests that differ only in the last byte, for the truncated types whose storage has spare bytes.
        var rng = SplitMix64(seed: 99)
        var seen = Set<SHA224Digest>()
        var seenSHA1 = Set<Insecure.SHA1Digest>()
        var seenSHA384 = Set<SHA384Digest>()
        for _ in 0..<200 {
            let message = rng.bytes(16)
            seen.insert(SHA224.hash(data: message))
            seenSHA1.insert(Insecure.SHA1.hash(data: message))
            seenSHA384.insert(SHA384.hash(data: message))
        }
        #expect(seen.count == 200 && seenSHA1.count == 200 && seenSHA384.count == 200)
    }
}
