// The built `certo` binary as the revocation tests run it (as FetchCommandTests does), and the parts
// of its output they read: the lines, the `error N at D depth lookup` line, and the --json object
// with each link's `revocation` and the error's.
import CertoTestSupport
import Foundation
import Testing

enum RevocationCLI {
    static func binary() throws -> String {
        try #require(ExternalProgram.builtCerto, "the certo executable was not built next to the tests").path
    }

    static func certo(_ arguments: [String]) throws -> ProgramResult {
        try ExternalProgram.run(try binary(), arguments)
    }

    /// certo with a deadline (killed after `timeout` s, so a hang fails the test instead of stalling
    /// it), and the wall time it took.
    static func timedCerto(_ arguments: [String], timeout: Double = 20) throws -> (MeasuredResult, Duration) {
        let binary = try binary()
        var result: MeasuredResult?
        let elapsed = try ContinuousClock().measure { result = try MeasuredProgram.run(binary, arguments, timeout: timeout) }
        return (result!, elapsed)
    }

    static func lines(_ text: String) -> [String] { text.split(separator: "\n").map(String.init) }

    /// The OpenSSL-style `error N at D depth lookup: ...` line, if there is one.
    static func errorLine(_ text: String) -> String? { lines(text).first { $0.hasPrefix("error ") } }

    /// `certo verify --json`'s object (or `certo check --json`'s "verification" member).
    static func verification(_ result: ProgramResult, check: Bool = false) throws -> [String: Any] {
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let object = try #require(parsed as? [String: Any], "not a JSON object: \(result.stdout)")
        if !check { return object }
        return try #require(object["verification"] as? [String: Any], "no verification in \(result.stdout)")
    }

    /// The `revocation` member of the link at `depth` of a verified chain.
    static func linkRevocation(_ verification: [String: Any], depth: Int = 0) throws -> [String: Any] {
        let chain = try #require(verification["chain"] as? [[String: Any]], "no chain: \(verification)")
        try #require(chain.count > depth, "no link at depth \(depth)")
        return try #require(chain[depth]["revocation"] as? [String: Any], "no revocation at depth \(depth)")
    }

    /// The `error` member of a failed verification.
    static func error(_ verification: [String: Any]) throws -> [String: Any] {
        try #require(verification["error"] as? [String: Any], "no error: \(verification)")
    }

    /// error.revocation.source (or link.revocation.source): kind, origin, crl_number or responder.
    static func source(_ revocation: [String: Any]) throws -> [String: Any] {
        try #require(revocation["source"] as? [String: Any], "no source: \(revocation)")
    }
}
