// AES-GCM (NIST SP 800-38D): GHASH by the bitwise right-shift multiplication (branch-free masks,
// no tables), GCTR with a 32-bit counter, any IV length (96 bits is the fast path), tags of 4 to 16
// bytes compared in constant time. Decryption verifies the tag before releasing any plaintext.
// Encryption exists only so Certo can send an encrypted close_notify alert in TLS 1.3.

public struct AESGCM: Sendable {
    let cipher: AES
    /// The hash subkey H = E_K(0^128) as two big-endian halves.
    let hashKeyHigh: UInt64
    let hashKeyLow: UInt64

    /// nil for a key that is not 16, 24 or 32 bytes.
    public init?(key: [UInt8]) {
        guard let cipher = AES(key: key) else { return nil }
        self.cipher = cipher
        let h = cipher.encryptBlock([UInt8](repeating: 0, count: 16))
        hashKeyHigh = AESGCM.loadBigEndian(h, 0)
        hashKeyLow = AESGCM.loadBigEndian(h, 8)
    }

    /// Returns the plaintext, or nil when the tag does not authenticate `ciphertext` and `aad`.
    public func open(nonce: [UInt8], ciphertext: [UInt8], aad: [UInt8], tag: [UInt8]) -> [UInt8]? {
        guard !nonce.isEmpty, tag.count >= 4, tag.count <= 16 else { return nil }
        let j0 = preCounterBlock(nonce)
        let expected = computeTag(j0: j0, ciphertext: ciphertext, aad: aad)
        var difference: UInt8 = 0
        for i in 0..<tag.count { difference |= expected[i] ^ tag[i] }
        guard difference == 0 else { return nil }
        return counterMode(initialCounter: AESGCM.increment32(j0), ciphertext)
    }

    /// Returns ciphertext and a 16-byte tag.
    public func seal(nonce: [UInt8], plaintext: [UInt8], aad: [UInt8]) -> (ciphertext: [UInt8], tag: [UInt8]) {
        precondition(!nonce.isEmpty, "GCM nonce must not be empty")
        let j0 = preCounterBlock(nonce)
        let ciphertext = counterMode(initialCounter: AESGCM.increment32(j0), plaintext)
        return (ciphertext, computeTag(j0: j0, ciphertext: ciphertext, aad: aad))
    }

    // MARK: - SP 800-38D §7

    private func preCounterBlock(_ nonce: [UInt8]) -> [UInt8] {
        if nonce.count == 12 { return nonce + [0, 0, 0, 1] }
        var state = (UInt64(0), UInt64(0))
        absorb(&state, nonce)
        let bits = UInt64(nonce.count) &* 8
        multiplyAccumulate(&state, 0, bits)
        return AESGCM.storeBigEndian(state.0) + AESGCM.storeBigEndian(state.1)
    }

    private func computeTag(j0: [UInt8], ciphertext: [UInt8], aad: [UInt8]) -> [UInt8] {
        var state = (UInt64(0), UInt64(0))
        absorb(&state, aad)
        absorb(&state, ciphertext)
        multiplyAccumulate(&state, UInt64(aad.count) &* 8, UInt64(ciphertext.count) &* 8)
        let mask = cipher.encryptBlock(j0)
        let s = AESGCM.storeBigEndian(state.0) + AESGCM.storeBigEndian(state.1)
        return (0..<16).map { s[$0] ^ mask[$0] }
    }

    private func counterMode(initialCounter: [UInt8], _ input: [UInt8]) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: input.count)
        var counter = initialCounter
        var offset = 0
        while offset < input.count {
            let keystream = cipher.encryptBlock(counter)
            let end = min(offset + 16, input.count)
            for i in offset..<end { output[i] = input[i] ^ keystream[i - offset] }
            counter = AESGCM.increment32(counter)
            offset = end
        }
        return output
    }

    /// GHASH over `data` zero-padded to whole blocks.
    private func absorb(_ state: inout (UInt64, UInt64), _ data: [UInt8]) {
        var offset = 0
        while offset < data.count {
            var block = [UInt8](repeating: 0, count: 16)
            let end = min(offset + 16, data.count)
            for i in offset..<end { block[i - offset] = data[i] }
            multiplyAccumulate(&state, AESGCM.loadBigEndian(block, 0), AESGCM.loadBigEndian(block, 8))
            offset = end
        }
    }

    /// state = (state XOR block) * H in GF(2^128) with GCM's reflected bit order (SP 800-38D §6.3).
    private func multiplyAccumulate(_ state: inout (UInt64, UInt64), _ high: UInt64, _ low: UInt64) {
        let xHigh = state.0 ^ high
        let xLow = state.1 ^ low
        var zHigh: UInt64 = 0, zLow: UInt64 = 0
        var vHigh = hashKeyHigh, vLow = hashKeyLow
        for i in 0..<128 {
            let word = i < 64 ? xHigh : xLow
            let bit = (word >> UInt64(63 - (i & 63))) & 1
            let take = 0 &- bit
            zHigh ^= vHigh & take
            zLow ^= vLow & take
            let reduce = 0 &- (vLow & 1)
            vLow = (vLow >> 1) | (vHigh << 63)
            vHigh = (vHigh >> 1) ^ (0xE100_0000_0000_0000 & reduce)
        }
        state = (zHigh, zLow)
    }

    static func increment32(_ block: [UInt8]) -> [UInt8] {
        var out = block
        let counter = UInt32(block[12]) << 24 | UInt32(block[13]) << 16 | UInt32(block[14]) << 8 | UInt32(block[15])
        let next = counter &+ 1
        out[12] = UInt8(next >> 24); out[13] = UInt8((next >> 16) & 0xff)
        out[14] = UInt8((next >> 8) & 0xff); out[15] = UInt8(next & 0xff)
        return out
    }

    static func loadBigEndian(_ bytes: [UInt8], _ offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<8 { value = (value << 8) | UInt64(bytes[offset + i]) }
        return value
    }

    static func storeBigEndian(_ value: UInt64) -> [UInt8] {
        (0..<8).map { UInt8(truncatingIfNeeded: value >> UInt64(56 - 8 * $0)) }
    }
}
