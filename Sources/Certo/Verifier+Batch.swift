// Many chains through one Verifier at once: its trust store and caches are shared by every
// verification (they are thread-safe), the work spreads over the cores in structured concurrency, and
// the results come back in the order of the requests whatever order they finish in.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// One chain to verify, as a peer presented it, with its own host, time and purpose (nil: the
/// Verifier's policy's).
public struct ChainRequest: Sendable {
    public var presentedChain: [[UInt8]]
    public var host: String?
    public var time: Instant?
    public var purpose: Purpose?
    public var stapledOCSPResponse: [UInt8]?

    /// A request for `presentedChain` (DER, leaf first).
    public init(presentedChain: [[UInt8]], host: String? = nil, time: Instant? = nil, purpose: Purpose? = nil,
                stapledOCSPResponse: [UInt8]? = nil) {
        self.presentedChain = presentedChain
        self.host = host
        self.time = time
        self.purpose = purpose
        self.stapledOCSPResponse = stapledOCSPResponse
    }
}

extension Verifier {
    /// The number of processors online, the default concurrency of `verifyAll`.
    public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Verifies every request, at most `maximumConcurrency` at a time, and returns their results in
    /// the order of `requests`. Cancelling the calling task stops starting new verifications and
    /// throws `CancellationError` once those running have ended.
    public func verifyAll(_ requests: [ChainRequest], maximumConcurrency: Int = Verifier.processorCount)
        async throws(CancellationError) -> [Result<VerifiedChain, VerificationError>] {
        var results = [Result<VerifiedChain, VerificationError>?](repeating: nil, count: requests.count)
        let width = max(1, maximumConcurrency)
        let verifier = self
        let cancelled = await withTaskGroup(of: (Int, Result<VerifiedChain, VerificationError>).self, returning: Bool.self) { group in
            var next = 0
            func start() {
                let index = next
                let request = requests[index]
                next += 1
                group.addTask {
                    (index, Result { () throws(VerificationError) in
                        try verifier.verify(presentedChain: request.presentedChain, host: request.host, time: request.time,
                                            purpose: request.purpose, stapledOCSPResponse: request.stapledOCSPResponse)
                    })
                }
            }
            while next < requests.count && next < width { start() }
            for await (index, result) in group {
                results[index] = result
                if Task.isCancelled { group.cancelAll(); continue }
                if next < requests.count { start() }
            }
            return Task.isCancelled
        }
        if cancelled { throw CancellationError() }
        return results.map { $0! }
    }
}
