// Revocation facts as JSON for --json: per link what was found and which source answered, and for
// a refusal the revocation date, reason and source.
import Certo

enum RevocationJSON {
    /// {"status": "good"|"unknown"|"not_checked", "source": {...}|null, "problem": "..."|null}
    static func status(_ status: RevocationStatus) -> String {
        switch status {
        case .notChecked: return "{\"status\": \"not_checked\", \"source\": null, \"problem\": null}"
        case .good(let source): return "{\"status\": \"good\", \"source\": \(self.source(source)), \"problem\": null}"
        case .unknown(let problem):
            return "{\"status\": \"unknown\", \"source\": null, \"problem\": \(JSONString.quoted(problem.description))}"
        }
    }

    /// {"kind": "crl"|"ocsp", "origin": "file"|"staple"|"fetched", ...}
    static func source(_ source: RevocationSource) -> String {
        switch source {
        case .crl(let origin, let number, let thisUpdate):
            return "{\"kind\": \"crl\", \"origin\": \"\(origin.rawValue)\", \"crl_number\": \(number.map(JSONString.quoted) ?? "null"), \"this_update\": \(JSONString.quoted(Instant.utcString(thisUpdate)))}"
        case .ocsp(let origin, let producedAt, let responder):
            return "{\"kind\": \"ocsp\", \"origin\": \"\(origin.rawValue)\", \"produced_at\": \(JSONString.quoted(Instant.utcString(producedAt))), \"responder\": \"\(responder.rawValue)\"}"
        }
    }

    /// For a `revoked` refusal: {"revoked_at": ..., "reason": ...|null, "source": {...}}; nil otherwise.
    static func refusal(_ reason: VerificationFailureReason) -> String? {
        guard case .revoked(let why, let date, let source) = reason else { return nil }
        return "{\"revoked_at\": \(JSONString.quoted(Instant.utcString(date))), \"reason\": \(why.map { JSONString.quoted($0.description) } ?? "null"), \"source\": \(self.source(source))}"
    }
}
