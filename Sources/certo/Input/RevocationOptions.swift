// The revocation options verify and check share: which sources (--crl, --ocsp-response, the TLS
// staple, fetching), how strict (--revocation), and for which certificates (--revocation-scope).
import Certo

struct RevocationOptions {
    /// Which sources answer.
    enum Mode: String, CaseIterable {
        /// No revocation check.
        case off
        /// The answers at hand: check's TLS staple, and the --crl and --ocsp-response files.
        case staple
        /// verify's word for the same (it has no staple).
        case given
        /// The answers at hand, then OCSP from the certificate's authorityInfoAccess and CRLs from its
        /// cRLDistributionPoints, fetched over http.
        case fetch
    }

    var mode: Mode?
    /// Every checked certificate needs a good answer (hard-fail); otherwise one without an answer is
    /// accepted and noted (soft-fail). A revoked answer fails either way.
    var required = false
    var scope: RevocationPolicy.Scope?
    var crlFiles: [String] = []
    var ocspFiles: [String] = []
    var fetchTimeout: Double = 5

    static func mode(_ name: String, _ text: String, allowed: [Mode]) throws(VerifyUsageError) -> Mode {
        guard let mode = Mode(rawValue: text), allowed.contains(mode) else {
            throw VerifyUsageError(message: "\(name): unknown mode '\(text)' (\(allowed.map(\.rawValue).joined(separator: ", ")))")
        }
        return mode
    }

    static func scope(_ name: String, _ text: String) throws(VerifyUsageError) -> RevocationPolicy.Scope {
        guard let scope = RevocationPolicy.Scope(rawValue: text) else {
            throw VerifyUsageError(message: "\(name): unknown scope '\(text)' (leaf, all)")
        }
        return scope
    }

    /// The mode in force: the one given, else `fallback` (check's staple), else the given files when
    /// there are any (or required answers), else off.
    func effectiveMode(fallback: Mode?) -> Mode {
        if let mode { return mode }
        if let fallback { return fallback }
        return required || !crlFiles.isEmpty || !ocspFiles.isEmpty ? .given : .off
    }

    func policy(fallback: Mode?, defaultScope: RevocationPolicy.Scope) -> RevocationPolicy {
        let scope = self.scope ?? defaultScope
        if effectiveMode(fallback: fallback) == .off { return RevocationPolicy(mode: .off, scope: scope) }
        return RevocationPolicy(mode: required ? .hardFail : .softFail, scope: scope)
    }

    func fetcher(fallback: Mode?) -> (any RevocationFetcher)? {
        effectiveMode(fallback: fallback) == .fetch ? HTTPRevocationFetcher(timeout: fetchTimeout) : nil
    }

    /// Parses the --crl and --ocsp-response files read by `read` (nil: the reader reported why).
    func loadSources(command: String, read: (String) -> [UInt8]?) -> (crls: [CertificateRevocationList], ocsp: [OCSPResponse])? {
        var crls: [CertificateRevocationList] = []
        var responses: [OCSPResponse] = []
        for file in crlFiles {
            guard let bytes = read(file) else { return nil }
            do {
                crls += try CertificateRevocationList.parseAll(bytes)
            } catch {
                printError("certo \(command): \(file): \(error)")
                return nil
            }
        }
        for file in ocspFiles {
            guard let bytes = read(file) else { return nil }
            do {
                responses.append(try OCSPResponse(derEncoded: bytes))
            } catch {
                printError("certo \(command): \(file): not an OCSP response: \(error)")
                return nil
            }
        }
        return (crls, responses)
    }
}
