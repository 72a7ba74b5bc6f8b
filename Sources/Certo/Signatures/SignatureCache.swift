// Remembers signature checks already made, keyed by a SHA-256 over the issuer's key, the scheme,
// the digest of the signed bytes and the signature, so re-verifying the same chains (a server's chain on every
// connection) skips the public-key operation. Bounded: when full, the oldest half is dropped.
// Shared across threads; benchmarks turn it off by passing nil to the Verifier.
import CertoHash
import CertoSignature

/// Remembers the results of signature checks (keyed by issuer key, scheme, digest and signature),
/// so a chain met again costs no signature verification. Bounded, thread-safe.
public final class SignatureCache: Sendable {
    private let results: BoundedCache<Bool>

    /// A cache of at most `capacity` results.
    public init(capacity: Int = 4096) { results = BoundedCache(capacity: capacity) }

    /// The most results it keeps.
    public var capacity: Int { results.capacity }
    /// How many results it holds now.
    public var count: Int { results.count }

    /// Forgets every result (a cold cache, as a chain seen for the first time meets it).
    public func removeAll() { results.removeAll() }

    /// SHA-256 over the issuer's key, the scheme, the digest of the signed bytes (the one the
    /// verification itself needs, so the signed bytes are hashed once) and the signature, each part
    /// prefixed by its length so no two inputs share a key. Keying on the digest is as strong as the
    /// signature itself, which signs that digest.
    static func key(issuerKey: [UInt8], algorithm: SignatureAlgorithm, digest: [UInt8], signature: [UInt8]) -> [UInt8] {
        var hasher = SHA256()
        var header: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        header.0 = UInt64(issuerKey.count).bigEndian
        header.1 = UInt64(digest.count).bigEndian
        header.2 = UInt64(signature.count).bigEndian
        header.3 = Self.code(algorithm).bigEndian
        withUnsafeBytes(of: &header) { hasher.update(bufferPointer: $0) }
        hasher.update(data: issuerKey)
        hasher.update(data: digest)
        hasher.update(data: signature)
        return hasher.finalize().bytes
    }

    /// The scheme and its parameters in one number: kind, hash, MGF1 hash, salt length.
    private static func code(_ algorithm: SignatureAlgorithm) -> UInt64 {
        func hash(_ h: HashAlgorithm) -> UInt64 {
            switch h {
            case .sha1: return 1
            case .sha224: return 2
            case .sha256: return 3
            case .sha384: return 4
            case .sha512: return 5
            }
        }
        switch algorithm {
        case .rsaPKCS1v15(let h): return 1 << 56 | hash(h) << 48
        case .ecdsa(let h): return 2 << 56 | hash(h) << 48
        case .rsaPSS(let h, let mgf1, let salt): return 3 << 56 | hash(h) << 48 | hash(mgf1) << 40 | UInt64(UInt32(clamping: salt))
        }
    }

    func lookup(_ key: [UInt8]) -> Bool? { results.lookup(key) }

    func store(_ key: [UInt8], valid: Bool) { results.store(valid, for: key) }
}
