// The AES block cipher (FIPS 197), encryption direction only: GCM and CTR never run the inverse
// cipher. Table-based (T-tables built once from the S-box, which is itself computed from the field
// inverse): table lookups leak timing through the cache, acceptable here because Certo only uses
// AES to read a server's handshake, which carries certificates, not secrets of the user.

public struct AES: Sendable {
    /// Round keys, 4 words per round, (rounds + 1) * 4 words.
    let roundKeys: [UInt32]
    let rounds: Int

    /// Expands a 16-, 24- or 32-byte key; nil for any other length.
    public init?(key: [UInt8]) {
        let nk = key.count / 4
        guard key.count == 16 || key.count == 24 || key.count == 32 else { return nil }
        rounds = nk + 6
        let total = 4 * (rounds + 1)
        var w = [UInt32](repeating: 0, count: total)
        for i in 0..<nk {
            w[i] = UInt32(key[4 * i]) << 24 | UInt32(key[4 * i + 1]) << 16 | UInt32(key[4 * i + 2]) << 8 | UInt32(key[4 * i + 3])
        }
        let sbox = AESTables.shared.sbox
        func subWord(_ x: UInt32) -> UInt32 {
            UInt32(sbox[Int(x >> 24)]) << 24 | UInt32(sbox[Int((x >> 16) & 0xff)]) << 16
                | UInt32(sbox[Int((x >> 8) & 0xff)]) << 8 | UInt32(sbox[Int(x & 0xff)])
        }
        var rcon: UInt32 = 0x0100_0000
        for i in nk..<total {
            var temp = w[i - 1]
            if i % nk == 0 {
                temp = subWord((temp << 8) | (temp >> 24)) ^ rcon
                let high = rcon >> 24
                rcon = UInt32((high << 1) ^ ((high & 0x80) != 0 ? 0x1b : 0) & 0xff) << 24
            } else if nk > 6 && i % nk == 4 {
                temp = subWord(temp)
            }
            w[i] = w[i - nk] ^ temp
        }
        roundKeys = w
    }

    /// Encrypts one 16-byte block.
    public func encryptBlock(_ input: [UInt8]) -> [UInt8] {
        precondition(input.count == 16, "AES block is 16 bytes")
        let tables = AESTables.shared
        let t0 = tables.t0, t1 = tables.t1, t2 = tables.t2, t3 = tables.t3, sbox = tables.sbox
        func load(_ i: Int) -> UInt32 {
            UInt32(input[i]) << 24 | UInt32(input[i + 1]) << 16 | UInt32(input[i + 2]) << 8 | UInt32(input[i + 3])
        }
        var s0 = load(0) ^ roundKeys[0]
        var s1 = load(4) ^ roundKeys[1]
        var s2 = load(8) ^ roundKeys[2]
        var s3 = load(12) ^ roundKeys[3]
        var k = 4
        for _ in 1..<rounds {
            let n0 = t0[Int(s0 >> 24)] ^ t1[Int((s1 >> 16) & 0xff)] ^ t2[Int((s2 >> 8) & 0xff)] ^ t3[Int(s3 & 0xff)] ^ roundKeys[k]
            let n1 = t0[Int(s1 >> 24)] ^ t1[Int((s2 >> 16) & 0xff)] ^ t2[Int((s3 >> 8) & 0xff)] ^ t3[Int(s0 & 0xff)] ^ roundKeys[k + 1]
            let n2 = t0[Int(s2 >> 24)] ^ t1[Int((s3 >> 16) & 0xff)] ^ t2[Int((s0 >> 8) & 0xff)] ^ t3[Int(s1 & 0xff)] ^ roundKeys[k + 2]
            let n3 = t0[Int(s3 >> 24)] ^ t1[Int((s0 >> 16) & 0xff)] ^ t2[Int((s1 >> 8) & 0xff)] ^ t3[Int(s2 & 0xff)] ^ roundKeys[k + 3]
            s0 = n0; s1 = n1; s2 = n2; s3 = n3
            k += 4
        }
        // Last round: SubBytes and ShiftRows, no MixColumns.
        func last(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ rk: UInt32) -> UInt32 {
            (UInt32(sbox[Int(a >> 24)]) << 24 | UInt32(sbox[Int((b >> 16) & 0xff)]) << 16
                | UInt32(sbox[Int((c >> 8) & 0xff)]) << 8 | UInt32(sbox[Int(d & 0xff)])) ^ rk
        }
        let o0 = last(s0, s1, s2, s3, roundKeys[k])
        let o1 = last(s1, s2, s3, s0, roundKeys[k + 1])
        let o2 = last(s2, s3, s0, s1, roundKeys[k + 2])
        let o3 = last(s3, s0, s1, s2, roundKeys[k + 3])
        var out = [UInt8](repeating: 0, count: 16)
        for (index, word) in [o0, o1, o2, o3].enumerated() {
            out[4 * index] = UInt8(word >> 24)
            out[4 * index + 1] = UInt8((word >> 16) & 0xff)
            out[4 * index + 2] = UInt8((word >> 8) & 0xff)
            out[4 * index + 3] = UInt8(word & 0xff)
        }
        return out
    }
}

/// The S-box and the four encryption T-tables, computed once.
final class AESTables: Sendable {
    static let shared = AESTables()
    let sbox: [UInt8]
    let t0: [UInt32], t1: [UInt32], t2: [UInt32], t3: [UInt32]

    private init() {
        // S-box: multiplicative inverse in GF(2^8) (walking powers of the generator 3) then the affine map.
        var box = [UInt8](repeating: 0, count: 256)
        var p: UInt8 = 1, q: UInt8 = 1
        repeat {
            p = p ^ (p << 1) ^ ((p & 0x80) != 0 ? 0x1b : 0)  // p *= 3
            q ^= q << 1; q ^= q << 2; q ^= q << 4            // q /= 3
            if (q & 0x80) != 0 { q ^= 0x09 }
            let rotl = { (x: UInt8, n: UInt8) -> UInt8 in (x << n) | (x >> (8 - n)) }
            box[Int(p)] = q ^ rotl(q, 1) ^ rotl(q, 2) ^ rotl(q, 3) ^ rotl(q, 4) ^ 0x63
        } while p != 1
        box[0] = 0x63
        sbox = box
        func xtime(_ x: UInt8) -> UInt8 { (x << 1) ^ ((x & 0x80) != 0 ? 0x1b : 0) }
        var a = [UInt32](repeating: 0, count: 256)
        for i in 0..<256 {
            let s = box[i]
            let s2 = xtime(s), s3 = xtime(s) ^ s
            a[i] = UInt32(s2) << 24 | UInt32(s) << 16 | UInt32(s) << 8 | UInt32(s3)
        }
        t0 = a
        t1 = a.map { ($0 >> 8) | ($0 << 24) }
        t2 = a.map { ($0 >> 16) | ($0 << 16) }
        t3 = a.map { ($0 >> 24) | ($0 << 8) }
    }
}
