// Parsed issuer public keys, keyed by their SubjectPublicKeyInfo bytes. An intermediate signs many
// leaves, so a long-lived Verifier parses its key once, and an ECDSA key that is reused builds its
// precomputed tables (from its second verification on) and keeps them. Bounded: when full, the
// oldest half is dropped. Shared across threads. (A TrustStore keeps its anchors' keys by anchor
// index instead, in AnchorState: a fixed set that is never dropped.)

/// Keeps parsed issuer keys (and their precomputed tables) across verifications. Bounded, thread-safe.
public final class IssuerKeyCache: Sendable {
    private let keys: BoundedCache<PublicKey>

    /// A cache of at most `capacity` keys.
    public init(capacity: Int = 256) { keys = BoundedCache(capacity: capacity) }

    /// The most keys it keeps.
    public var capacity: Int { keys.capacity }
    /// How many keys it holds now.
    public var count: Int { keys.count }

    /// Forgets every key (the anchors' keys, which the TrustStore keeps, stay).
    public func removeAll() { keys.removeAll() }

    func key(forSubjectPublicKeyInfo spki: [UInt8]) -> PublicKey? { keys.lookup(spki) }

    func store(_ key: PublicKey, forSubjectPublicKeyInfo spki: [UInt8]) { keys.store(key, for: spki) }
}
