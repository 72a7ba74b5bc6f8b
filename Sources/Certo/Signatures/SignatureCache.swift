// Remembers signature checks already made, keyed by a SHA-256 over the issuer's key, the algorithm,
// the signed bytes and the signature, so re-verifying the same chains (a server's chain on every
// connection) skips the public-key operation. Bounded: when full, the oldest half is dropped.
// Shared across threads; benchmarks turn it off by passing nil to the Verifier.
import CertoHash

public final class SignatureCache: Sendable {
    private let results: BoundedCache<Bool>

    public init(capacity: Int = 4096) { results = BoundedCache(capacity: capacity) }

    public var capacity: Int { results.capacity }
    public var count: Int { results.count }

    static func key(issuerKey: [UInt8], algorithm: SignatureAlgorithmIdentifier, signed: [UInt8], signature: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        var lengths: [UInt8] = []
        for part in [issuerKey.count, signed.count, signature.count] {
            for shift in stride(from: 56, through: 0, by: -8) { lengths.append(UInt8(truncatingIfNeeded: part >> shift)) }
        }
        hasher.update(data: lengths)
        hasher.update(data: issuerKey)
        hasher.update(data: Array(String(describing: algorithm).utf8))
        hasher.update(data: signed)
        hasher.update(data: signature)
        return hasher.finalize().bytes
    }

    func lookup(_ key: [UInt8]) -> Bool? { results.lookup(key) }

    func store(_ key: [UInt8], valid: Bool) { results.store(valid, for: key) }
}
