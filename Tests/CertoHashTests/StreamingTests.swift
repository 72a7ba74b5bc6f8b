// Streaming equals one-shot: seeded random messages fed in many chunkings (odd sizes, sizes that
// straddle the 64- and 128-byte block edges, random splits, single bytes), for every hash.
import CertoHash
import CertoTestSupport
import Testing

/// Message lengths around every padding edge of both block sizes, plus a few larger ones.
private let lengths: [Int] = Array(0...130) + [183, 191, 192, 239, 240, 255, 256, 257, 1000, 4095, 4096, 4097, 20_011]

/// Chunk patterns; each is cycled over the message. Zero-length updates are included on purpose.
private let fixedPatterns: [[Int]] = [[1], [3], [7, 0], [55], [63], [64], [65], [111], [127], [128], [129], [1, 127, 0, 64], [200, 1]]

@Suite struct StreamingTests {
    @Test(arguments: HashAlgorithm.allCases)
    func streamingEqualsOneShot(_ algorithm: HashAlgorithm) {
        var rng = SplitMix64(seed: 0xC3E7_0000 + UInt64(algorithm.digestByteCount))
        var checked = 0
        for length in lengths {
            let message = rng.bytes(length)
            let expected = algorithm.hash(message)
            var patterns = fixedPatterns
            for _ in 0..<3 { patterns.append((0..<8).map { _ in 1 + rng.below(300) }) }
            for pattern in patterns {
                let streamed = streamedDigest(algorithm, message, pattern)
                #expect(streamed == expected, "\(algorithm) length \(length) chunks \(pattern)")
                checked += 1
            }
        }
        #expect(checked == lengths.count * (fixedPatterns.count + 3))
    }

    /// finalize() leaves the hasher as it was: a digest of a prefix, then more input, equals both one-shots.
    @Test(arguments: [0, 1, 55, 56, 64, 111, 112, 128, 1000])
    func finalizeDoesNotDisturbTheHasher(prefixLength: Int) {
        var rng = SplitMix64(seed: UInt64(prefixLength))
        let message = rng.bytes(prefixLength + 777)
        var hasher = SHA256()
        hasher.update(data: message[..<prefixLength])
        #expect(hasher.finalize() == SHA256.hash(data: message[..<prefixLength]))
        #expect(hasher.finalize() == hasher.finalize())
        hasher.update(data: message[prefixLength...])
        #expect(hasher.finalize() == SHA256.hash(data: message))

        var wide = SHA384()
        wide.update(data: message[..<prefixLength])
        #expect(wide.finalize() == SHA384.hash(data: message[..<prefixLength]))
        wide.update(data: message[prefixLength...])
        #expect(wide.finalize() == SHA384.hash(data: message))
    }

    /// Sequences without contiguous storage take the copying path and must give the same digest.
    @Test func nonContiguousSequences() {
        var rng = SplitMix64(seed: 42)
        let message = rng.bytes(3001)
        let lazy = message.lazy.map { $0 }
        #expect(SHA512.hash(data: lazy) == SHA512.hash(data: message))
        #expect(Insecure.SHA1.hash(data: lazy) == Insecure.SHA1.hash(data: message))
        #expect(SHA224.hash(data: message.reversed().reversed()) == SHA224.hash(data: message))
        var hasher = SHA256()
        hasher.update(data: message.prefix(100).lazy.map { $0 })
        hasher.update(data: message.dropFirst(100))
        #expect(hasher.finalize() == SHA256.hash(data: message))
    }
}

/// Feeds `message` to a fresh hasher in chunks of the sizes in `pattern`, cycled (each pattern
/// holds at least one non-zero size).
private func streamedDigest(_ algorithm: HashAlgorithm, _ message: [UInt8], _ pattern: [Int]) -> [UInt8] {
    switch algorithm {
    case .sha1: return streamed(Insecure.SHA1(), message, pattern).bytes
    case .sha224: return streamed(SHA224(), message, pattern).bytes
    case .sha256: return streamed(SHA256(), message, pattern).bytes
    case .sha384: return streamed(SHA384(), message, pattern).bytes
    case .sha512: return streamed(SHA512(), message, pattern).bytes
    }
}

private func streamed<H: HashFunction>(_ start: H, _ message: [UInt8], _ pattern: [Int]) -> H.Digest {
    var hasher = start
    var offset = 0
    var step = 0
    message.withUnsafeBytes { all in
        while offset < all.count {
            let size = min(pattern[step % pattern.count], all.count - offset)
            step += 1
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: all[offset..<(offset + size)]))
            offset += size
        }
    }
    return hasher.finalize()
}
