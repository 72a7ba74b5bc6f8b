// A public key's split tables (ECMultiplication.swift), made on the key's second verification and
// kept for the ones after: one issuer key verifies many signatures, and building the tables costs
// about one verification's worth of doublings, so a key used once never pays for them.
import Synchronization

final class ECKeyPrecomputation<Curve: ECCurveArithmetic>: Sendable {
    private struct State {
        var verifications = 0
        var table: [Curve.AffinePoint]?
    }

    private let state: Mutex<State>

    init() { state = Mutex(State()) }

    /// The table when it exists; otherwise counts this use and, on the second one, builds it
    /// (outside the lock: a concurrent verification meanwhile just takes the plain path).
    func tableForVerification(of point: Curve.AffinePoint) -> [Curve.AffinePoint]? {
        let (table, shouldBuild) = state.withLock { state -> ([Curve.AffinePoint]?, Bool) in
            if let table = state.table { return (table, false) }
            state.verifications += 1
            return (nil, state.verifications == 2)
        }
        guard shouldBuild else { return table }
        let built = Curve.splitTable(of: point, width: Curve.splitKeyWindowWidth)
        state.withLock { $0.table = built }
        return built
    }
}
