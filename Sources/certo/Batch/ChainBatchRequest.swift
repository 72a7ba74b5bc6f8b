// One line of `certo verify --jsonl`: a JSON object naming a chain and, optionally, what to verify
// it for. The chain is an array of strings, each a PEM certificate (or several) or the base64 of one
// DER certificate; the leaf is the first certificate unless "leaf" gives its index. "host", "time"
// (Unix seconds or ISO 8601 UTC), "purpose" (server, client, any) and "profile" (web, rfc5280)
// default to the command line's. Anything else is refused by name, so a typo is not ignored.
import Certo
import CertoSignatureRequests

struct ChainBatchRequest {
    var chain: [[UInt8]]
    var host: String?
    var time: Instant?
    var purpose: Purpose?
    var profile: Profile?

    struct Invalid: Error {
        let message: String
    }

    static let fields: Set<String> = ["chain", "leaf", "host", "time", "purpose", "profile"]

    init(parsing line: String) throws(Invalid) {
        let value: JSONValue
        do {
            value = try JSONValue.parse(line)
        } catch {
            throw Invalid(message: "not JSON: \(error)")
        }
        guard case .object(let object) = value else { throw Invalid(message: "a request is a JSON object") }
        if let unknown = object.keys.sorted().first(where: { !Self.fields.contains($0) }) {
            throw Invalid(message: "unknown field \"\(unknown)\" (fields: \(Self.fields.sorted().joined(separator: ", ")))")
        }
        guard case .array(let items)? = object["chain"], !items.isEmpty else {
            throw Invalid(message: "\"chain\" must be a non-empty array of PEM or base64 DER strings")
        }
        var certificates: [[UInt8]] = []
        for (index, item) in items.enumerated() {
            guard case .string(let text) = item else { throw Invalid(message: "chain[\(index)] is not a string") }
            if text.contains("-----BEGIN") {
                do {
                    certificates += try Certificate.encodedCertificates(Array(text.utf8))
                } catch {
                    throw Invalid(message: "chain[\(index)]: \(error)")
                }
            } else if let der = Base64.decode(Array(text.utf8)), !der.isEmpty {
                certificates.append(der)
            } else {
                throw Invalid(message: "chain[\(index)] is neither PEM nor base64")
            }
        }
        if let leafValue = object["leaf"] {
            guard case .number(let number) = leafValue, number >= 0, number < Double(certificates.count),
                  number == number.rounded() else {
                throw Invalid(message: "\"leaf\" must be the index of a certificate of the chain (0..<\(certificates.count))")
            }
            let leaf = certificates.remove(at: Int(number))
            certificates.insert(leaf, at: 0)
        }
        chain = certificates
        if let hostValue = object["host"] {
            guard case .string(let text) = hostValue else { throw Invalid(message: "\"host\" must be a string") }
            host = text
        }
        switch object["time"] {
        case nil: break
        case .number(let seconds)? where seconds == seconds.rounded() && abs(seconds) < 1e12: time = Instant(seconds: Int64(seconds))
        case .string(let text)?:
            guard let parsed = Instant(parsing: text) else { throw Invalid(message: "\"time\": '\(text)' is not ISO 8601 UTC") }
            time = parsed
        default: throw Invalid(message: "\"time\" must be Unix seconds or an ISO 8601 UTC string")
        }
        if let purposeValue = object["purpose"] {
            guard case .string(let text) = purposeValue, let parsed = Purpose(rawValue: text) else {
                throw Invalid(message: "\"purpose\" must be server, client or any")
            }
            purpose = parsed
        }
        if let profileValue = object["profile"] {
            guard case .string(let text) = profileValue, let parsed = Profile(rawValue: text) else {
                throw Invalid(message: "\"profile\" must be web or rfc5280")
            }
            profile = parsed
        }
    }
}
