// SHA-1 (FIPS 180-4 §6.1), kept under `Insecure` because its collision resistance is broken:
// it exists only to verify legacy certificates when a policy explicitly allows it.

public enum Insecure {
    public struct SHA1Digest: HashDigest {
        public static let byteCount = 20
        public let bytes: [UInt8]
        init(_ bytes: [UInt8]) { self.bytes = bytes }
    }

    public struct SHA1: HashFunction {
        public typealias Digest = SHA1Digest
        public static let blockByteCount = 64
        var h0: UInt32 = 0x67452301, h1: UInt32 = 0xEFCDAB89, h2: UInt32 = 0x98BADCFE, h3: UInt32 = 0x10325476, h4: UInt32 = 0xC3D2E1F0
        var pending: [UInt8] = []
        var length: UInt64 = 0

        public init() {}

        public mutating func update(bufferPointer input: UnsafeRawBufferPointer) {
            guard !input.isEmpty else { return }
            length &+= UInt64(input.count)
            var offset = 0
            if !pending.isEmpty {
                let take = min(64 - pending.count, input.count)
                pending.append(contentsOf: input[0..<take])
                offset = take
                guard pending.count == 64 else { return }
                let block = pending
                block.withUnsafeBytes { compress($0.baseAddress!, blocks: 1) }
                pending.removeAll(keepingCapacity: true)
            }
            let whole = (input.count - offset) / 64
            if whole > 0 {
                compress(input.baseAddress! + offset, blocks: whole)
                offset += whole * 64
            }
            if offset < input.count {
                pending.append(contentsOf: input[offset...])
            }
        }

        public func finalize() -> SHA1Digest {
            var copy = self
            let bitLength = length &* 8
            var tail: [UInt8] = [0x80]
            let used = (pending.count + 1) % 64
            tail.append(contentsOf: repeatElement(0, count: used <= 56 ? 56 - used : 120 - used))
            for shift in stride(from: 56, through: 0, by: -8) {
                tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift)))
            }
            tail.withUnsafeBytes { copy.update(bufferPointer: $0) }
            return SHA1Digest(bigEndianBytes([copy.h0, copy.h1, copy.h2, copy.h3, copy.h4], count: 20))
        }

        private mutating func compress(_ base: UnsafeRawPointer, blocks: Int) {
            var w = [UInt32](repeating: 0, count: 80)
            for block in 0..<blocks {
                let p = base + block * 64
                for t in 0..<16 {
                    w[t] = UInt32(bigEndian: p.loadUnaligned(fromByteOffset: t * 4, as: UInt32.self))
                }
                for t in 16..<80 {
                    w[t] = (w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16]).rotatedLeft(1)
                }
                var a = h0, b = h1, c = h2, d = h3, e = h4
                for t in 0..<80 {
                    let f: UInt32, k: UInt32
                    switch t {
                    case 0..<20: f = (b & c) | (~b & d); k = 0x5A827999
                    case 20..<40: f = b ^ c ^ d; k = 0x6ED9EBA1
                    case 40..<60: f = (b & c) | (b & d) | (c & d); k = 0x8F1BBCDC
                    default: f = b ^ c ^ d; k = 0xCA62C1D6
                    }
                    let temp = a.rotatedLeft(5) &+ f &+ e &+ k &+ w[t]
                    e = d; d = c; c = b.rotatedLeft(30); b = a; a = temp
                }
                h0 &+= a; h1 &+= b; h2 &+= c; h3 &+= d; h4 &+= e
            }
        }
    }
}

extension UInt32 {
    @inline(__always) func rotatedLeft(_ n: UInt32) -> UInt32 { (self << n) | (self >> (32 &- n)) }
}
