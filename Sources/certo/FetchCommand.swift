// `certo fetch HOST[:PORT]`: reads a server's certificate chain over TLS with CertoTLS, prints one
// line per certificate and saves the chain as cert_1.pem, cert_2.pem, ... (or PEM to stdout with
// --pem), and a stapled OCSP response as ocsp.der (DER, as `openssl ocsp -respout` writes it). It
// verifies nothing (that is `certo check`). Also holds the helpers `certo check` shares: endpoint
// parsing, the TLS error line, and PEM output. No Foundation: files via the C library.
#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import Certo
import CertoTLS

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch",
        abstract: "Read a server's certificate chain over TLS.",
        discussion: """
            HOST may be a DNS name, an IPv4 address or a bracketed IPv6 address ([::1]:443); PORT defaults to 443.
            TLS 1.3 and 1.2 are offered, with status_request for a stapled OCSP response; nothing is verified.
            A staple is saved as ocsp.der beside the certificates (not with --pem).
            Exit status: 0 chain fetched, 1 usage or file error, 3 connection or TLS failure (one line on stderr says which).
            """
    )

    @Argument(help: "HOST[:PORT]") var endpoint: String
    @Option(help: "Server name to send in SNI (default: HOST when it is a DNS name).") var sni: String?
    @Option(help: "ALPN protocol to offer, e.g. x-amzn-mqtt-ca (repeatable).") var alpn: [String] = []
    @Option(help: "Directory for cert_1.pem, cert_2.pem, ... and ocsp.der, created if missing (default: current directory).") var out: String?
    @Option(help: "Seconds allowed for the connect, and again for the handshake.") var timeout: Double = 10
    @Flag(help: "Write the chain as PEM to standard output instead of files.") var pem = false

    func run() throws {
        let target = try Endpoint.parseOrExit(endpoint, command: "fetch", timeout: timeout)
        if !pem {
            // Made before connecting, so that an unusable --out fails before any network traffic.
            if let out, let problem = OutputDirectory.create(out) {
                printError("certo fetch: cannot create \(out): \(problem)")
                throw ExitCode(1)
            }
            if access(out ?? ".", W_OK) != 0 {
                printError("certo fetch: cannot write to \(out ?? "."): \(String(cString: strerror(errno)))")
                throw ExitCode(1)
            }
        }
        let result = try Endpoint.fetchOrExit(target, sni: sni, alpn: alpn, timeout: timeout, command: "fetch")
        let report = ChainSummary.lines(result)
        if pem {
            for line in report { printError(line) }
            for der in result.certificates { print(PEM.encode(label: "CERTIFICATE", der: der), terminator: "") }
            return
        }
        for line in report { print(line) }
        let directory = out ?? "."
        func pathOf(_ name: String) -> String { directory == "/" ? "/\(name)" : "\(directory)/\(name)" }
        for (index, der) in result.certificates.enumerated() {
            let path = pathOf("cert_\(index + 1).pem")
            if let problem = TextFile.write(PEM.encode(label: "CERTIFICATE", der: der), to: path) {
                printError("certo fetch: cannot write \(path): \(problem)")
                throw ExitCode(1)
            }
            print("saved \(path)")
        }
        // The staple as sent: `certo verify --ocsp-response` and `openssl ocsp -respin` read it.
        if let staple = result.stapledOCSPResponse {
            let path = pathOf("ocsp.der")
            if let problem = TextFile.write(bytes: staple, to: path) {
                printError("certo fetch: cannot write \(path): \(problem)")
                throw ExitCode(1)
            }
            print("saved \(path)")
        }
    }
}

/// HOST[:PORT] as typed on the command line.
struct Endpoint: Equatable {
    let host: String
    let port: UInt16

    var display: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }

    /// "example.com", "example.com:8443", "192.0.2.1:443", "[::1]:443", "[::1]", "::1" (no port).
    static func parse(_ text: String) -> Endpoint? {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { return nil }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            guard !host.isEmpty, host.contains(":") else { return nil }
            if rest.isEmpty { return Endpoint(host: host, port: 443) }
            guard rest.hasPrefix(":"), let port = parsePort(rest.dropFirst()) else { return nil }
            return Endpoint(host: host, port: port)
        }
        let colons = text.filter { $0 == ":" }.count
        if colons == 0 { return text.isEmpty ? nil : Endpoint(host: text, port: 443) }
        if colons > 1 { return Endpoint(host: text, port: 443) }  // a bare IPv6 literal
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard !parts[0].isEmpty, let port = parsePort(parts[1]) else { return nil }
        return Endpoint(host: String(parts[0]), port: port)
    }

    private static func parsePort(_ text: Substring) -> UInt16? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text), value >= 1, value <= 65535 else {
            return nil
        }
        return UInt16(value)
    }

    static func parseOrExit(_ text: String, command: String, timeout: Double) throws -> Endpoint {
        guard let endpoint = parse(text) else {
            printError("certo \(command): '\(text)' is not HOST[:PORT] (IPv6 as [::1]:443)")
            throw ExitCode(1)
        }
        guard timeout > 0, timeout <= 3600 else {
            printError("certo \(command): --timeout must be between 0 and 3600 seconds")
            throw ExitCode(1)
        }
        return endpoint
    }

    static func fetchOrExit(_ endpoint: Endpoint, sni: String?, alpn: [String], timeout: Double, command: String) throws -> TLSFetchResult {
        let request = TLSFetchRequest(host: endpoint.host, port: endpoint.port, serverName: sni, alpnProtocols: alpn, timeout: timeout)
        do {
            return try TLSCertificateFetcher.fetch(request)
        } catch {
            var line = "certo \(command): \(endpoint.display): \(error)"
            if case .alert(let alert, let stage) = error, alert.code == 40 || alert.code == 70, stage == "ServerHello" {
                // The server accepted none of the offers; say what was offered, since the alert cannot.
                line += " (Certo offers TLS 1.3 with AES-GCM or ChaCha20-Poly1305 suites and an x25519 key share, and TLS 1.2 with ECDHE/RSA suites)"
            }
            printError(line)
            throw ExitCode(3)
        }
    }
}

enum ChainSummary {
    /// A connection line, then one line per certificate: subject, issuer, key, expiry.
    static func lines(_ result: TLSFetchResult) -> [String] {
        var connection = "\(result.peerAddress): \(result.versionName), \(result.cipherSuiteName)"
        if let alpn = result.alpnProtocol { connection += ", ALPN \(alpn)" }
        if result.helloRetryRequested { connection += ", after HelloRetryRequest" }
        connection += ", \(result.certificates.count) certificate\(result.certificates.count == 1 ? "" : "s")"
        if let staple = result.stapledOCSPResponse { connection += ", OCSP response stapled (\(staple.count) bytes)" }
        var lines = [connection]
        for (index, der) in result.certificates.enumerated() {
            do {
                let certificate = try Certificate(derEncoded: der)
                lines.append("\(index + 1): subject=\(certificate.subject.openSSLDescription); issuer=\(certificate.issuer.openSSLDescription); key=\(KeyDescription.describe(certificate.publicKey)); expires=\(Instant.utcString(certificate.notAfter))")
            } catch {
                lines.append("\(index + 1): unparsable certificate (\(der.count) bytes): \(error)")
            }
        }
        return lines
    }
}

enum TextFile {
    /// Writes `text` to `path`; returns the reason on failure.
    static func write(_ text: String, to path: String) -> String? {
        write(bytes: Array(text.utf8), to: path)
    }

    /// Writes `bytes` as they are (DER) to `path`; returns the reason on failure.
    static func write(bytes: [UInt8], to path: String) -> String? {
        guard let file = fopen(path, "w") else { return String(cString: strerror(errno)) }
        let written = bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        let closed = fclose(file)
        if written != bytes.count || closed != 0 { return String(cString: strerror(errno)) }
        return nil
    }
}

enum OutputDirectory {
    /// Creates `path` and its missing parents, as `mkdir -p` does; nil when it is a directory afterwards,
    /// else the reason.
    static func create(_ path: String) -> String? {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o777) != 0 && errno != EEXIST { return String(cString: strerror(errno)) }
            prefix += "/"
        }
        var info = stat()
        guard stat(path, &info) == 0 else { return String(cString: strerror(errno)) }
        guard info.st_mode & S_IFMT == S_IFDIR else { return String(cString: strerror(ENOTDIR)) }
        return nil
    }
}
