// The store behind SignatureCache and IssuerKeyCache: a dictionary keyed by bytes with a fixed
// capacity; when full, the oldest half of the entries is dropped (cheap, and a cache that fills up
// is being fed a stream of one-off entries anyway). Shared across threads behind a mutex.
import Synchronization

final class BoundedCache<Value: Sendable>: Sendable {
    let capacity: Int
    private let state: Mutex<State>

    private struct State {
        var entries: [[UInt8]: Value] = [:]
        var order: [[UInt8]] = []
    }

    init(capacity: Int) {
        precondition(capacity > 0, "capacity must be positive")
        self.capacity = capacity
        self.state = Mutex(State())
    }

    var count: Int { state.withLock { $0.entries.count } }

    func lookup(_ key: [UInt8]) -> Value? {
        state.withLock { $0.entries[key] }
    }

    func removeAll() {
        state.withLock { s in
            s.entries.removeAll(keepingCapacity: true)
            s.order.removeAll(keepingCapacity: true)
        }
    }

    /// Keeps the first value stored for a key.
    func store(_ value: Value, for key: [UInt8]) {
        state.withLock { s in
            if s.entries[key] != nil { return }
            if s.entries.count >= capacity {
                let drop = max(1, s.order.count / 2)
                for old in s.order[0..<drop] { s.entries[old] = nil }
                s.order.removeFirst(drop)
            }
            s.entries[key] = value
            s.order.append(key)
        }
    }
}
