// The fetches of one verification: each URL is fetched at most once however many candidate paths
// need it, and at most `limit` fetches are made in all, so a chain naming many distribution points
// (or a search over many paths) cannot turn into unbounded network traffic.
import Synchronization

final class RevocationFetchSession: Sendable {
    let fetcher: any RevocationFetcher
    let limit: Int
    private let state = Mutex(State())

    private struct State {
        var answers: [String: Result<[UInt8], FetchFailure>] = [:]
    }

    init(fetcher: any RevocationFetcher, limit: Int = 16) {
        self.fetcher = fetcher
        self.limit = limit
    }

    /// The body at `url`: POSTing `ocspRequest` when given, else a GET of a CRL.
    func body(at url: String, ocspRequest: [UInt8]?) -> Result<[UInt8], FetchFailure> {
        let key = (ocspRequest == nil ? "GET " : "POST ") + url
        let known: Result<[UInt8], FetchFailure>? = state.withLock { state in
            if let answer = state.answers[key] { return answer }
            if state.answers.count >= limit { return .failure(FetchFailure("more than \(limit) fetches in one verification")) }
            return nil
        }
        if let known { return known }
        let answer: Result<[UInt8], FetchFailure>
        do {
            if let ocspRequest {
                answer = .success(try fetcher.postOCSPRequest(ocspRequest, to: url))
            } else {
                answer = .success(try fetcher.getCRL(from: url))
            }
        } catch {
            answer = .failure(error)
        }
        state.withLock { $0.answers[key] = answer }
        return answer
    }
}
