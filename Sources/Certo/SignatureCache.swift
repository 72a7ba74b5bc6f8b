// Remembers signature checks already made, keyed by a SHA-256 over the issuer's key, the algorithm,
// the signed bytes and the signature, so re-verifying the same chains (a server's chain on every
// connection) skips the public-key operation. Bounded: when full, the oldest half is dropped.
// Shared across threads behind a mutex; benchmarks turn it off by passing nil to the Verifier.
import CertoHash
import Synchronization

public final class SignatureCache: Sendable {
    public let capacity: Int
    private let state: Mutex<State>

    private struct State {
        var results: [[UInt8]: Bool] = [:]
        var order: [[UInt8]] = []
    }

    public init(capacity: Int = 4096) {
        precondition(capacity > 0, "capacity must be positive")
        self.capacity = capacity
        self.state = Mutex(State())
    }

    public var count: Int { state.withLock { $0.results.count } }

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

    func lookup(_ key: [UInt8]) -> Bool? {
        state.withLock { $0.results[key] }
    }

    func store(_ key: [UInt8], valid: Bool) {
        state.withLock { s in
            if s.results[key] != nil { return }
            if s.results.count >= capacity {
                let drop = max(1, s.order.count / 2)
                for old in s.order[0..<drop] { s.results[old] = nil }
                s.order.removeFirst(drop)
            }
            s.results[key] = valid
            s.order.append(key)
        }
    }
}
