// Parsed issuer public keys, keyed by their SubjectPublicKeyInfo bytes: the one place keys are kept.
// A Verifier keeps its intermediates' keys here (an intermediate signs many leaves, so a long-lived
// Verifier parses its key once, and an ECDSA key that is reused builds its precomputed tables from its
// second verification on and keeps them), and a TrustStore its anchors' keys. Bounded: when full, the
// oldest half is dropped (a store's is sized to hold every anchor). Shared across threads.

public final class IssuerKeyCache: Sendable {
    private let keys: BoundedCache<PublicKey>

    public init(capacity: Int = 256) { keys = BoundedCache(capacity: capacity) }

    public var capacity: Int { keys.capacity }
    public var count: Int { keys.count }

    func key(forSubjectPublicKeyInfo spki: [UInt8]) -> PublicKey? { keys.lookup(spki) }

    func store(_ key: PublicKey, forSubjectPublicKeyInfo spki: [UInt8]) { keys.store(key, for: spki) }
}
