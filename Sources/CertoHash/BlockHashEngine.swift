// The Merkle–Damgård framing shared by SHA-1, SHA-256 and SHA-512 (FIPS 180-4 §5.1): input is
// buffered into whole blocks for the engine's compression function, and the last block is padded
// with 0x80, zeros and the big-endian bit length. Written once over the engines' own state; the
// compression functions stay per algorithm.

protocol BlockHashEngine {
    /// The inline partial-block storage (a tuple of UInt64s, one block long).
    associatedtype Block
    /// Bytes per block: 64 for SHA-1 and SHA-256, 128 for SHA-512.
    static var blockByteCount: Int { get }
    /// Bytes of the length field at the end of the last block: 8, or 16 for SHA-512.
    static var lengthFieldByteCount: Int { get }
    /// Up to blockByteCount − 1 bytes waiting for a full block.
    var buffer: Block { get set }
    var buffered: Int { get set }
    /// Message length in bytes so far.
    var length: UInt64 { get set }
    /// Runs the compression function over `blocks` consecutive blocks at `base`.
    mutating func compress(_ base: UnsafeRawPointer, blocks: Int)
}

extension BlockHashEngine {
    /// Feeds message bytes: whole blocks go straight from the input to the compression function.
    @inline(__always)
    mutating func absorb(_ input: UnsafeRawBufferPointer) {
        guard var source = input.baseAddress, input.count > 0 else { return }
        let blockBytes = Self.blockByteCount
        var remaining = input.count
        length &+= UInt64(remaining)
        if buffered > 0 {
            let take = min(blockBytes - buffered, remaining)
            let offset = buffered
            withUnsafeMutableBytes(of: &buffer) { ($0.baseAddress! + offset).copyMemory(from: source, byteCount: take) }
            buffered += take
            source += take
            remaining -= take
            guard buffered == blockBytes else { return }
            let block = buffer
            withUnsafeBytes(of: block) { compress($0.baseAddress!, blocks: 1) }
            buffered = 0
        }
        let whole = remaining / blockBytes
        if whole > 0 {
            compress(source, blocks: whole)
            source += whole * blockBytes
            remaining -= whole * blockBytes
        }
        if remaining > 0 {
            withUnsafeMutableBytes(of: &buffer) { $0.baseAddress!.copyMemory(from: source, byteCount: remaining) }
            buffered = remaining
        }
    }

    /// A copy of the engine with the padding (FIPS 180-4 §5.1.1/§5.1.2) compressed in: its chaining
    /// words are the digest. The engine itself is unchanged.
    func padded() -> Self {
        var copy = self
        let blockBytes = Self.blockByteCount
        let lengthAt = blockBytes - Self.lengthFieldByteCount
        var block = buffer
        let used = buffered
        withUnsafeMutableBytes(of: &block) { bytes in
            bytes[used] = 0x80
            for i in (used + 1)..<blockBytes { bytes[i] = 0 }
        }
        if used + 1 > lengthAt {
            withUnsafeBytes(of: block) { copy.compress($0.baseAddress!, blocks: 1) }
            withUnsafeMutableBytes(of: &block) { _ = $0.initializeMemory(as: UInt8.self, repeating: 0) }
        }
        withUnsafeMutableBytes(of: &block) { bytes in
            // The bit length is length·8; a 16-byte field takes its top bits in the first word.
            if Self.lengthFieldByteCount == 16 {
                bytes.storeBytes(of: (length &>> 61).bigEndian, toByteOffset: blockBytes - 16, as: UInt64.self)
            }
            bytes.storeBytes(of: (length &<< 3).bigEndian, toByteOffset: blockBytes - 8, as: UInt64.self)
        }
        withUnsafeBytes(of: block) { copy.compress($0.baseAddress!, blocks: 1) }
        return copy
    }
}
