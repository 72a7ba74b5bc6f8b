// `certo verify`: the CLI contract of ARCHITECTURE.md (OpenSSL's spellings accepted as aliases),
// `--explain` narration and `--json`. Arguments are captured raw and parsed here, so that OpenSSL's
// single-dash long options work and usage errors exit 1 as the contract says (ArgumentParser's own
// usage errors exit 64). Printing only: building and judging the chain is the Certo library's job.
// Rendering lives in VerifyReport, CheckText and FailureText. No Foundation: files are read with the C library.
// CERT and --untrusted files are only split into DER here, not parsed: the Verifier parses them, so
// that a leaf that fails strict parsing is a verification failure (exit 2, like any other reason the
// chain is refused) and a malformed intermediate is skipped as a candidate and named by --explain and
// --json. Exit 1 is left for what stops the command itself: bad arguments, files that cannot be read,
// and --ca anchors that do not parse (anchors the user chose must be usable).
import ArgumentParser
import Certo
#if canImport(Glibc)
import Glibc
#endif

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify certificate chains.",
        discussion: VerifyOptions.usage
    )

    @Argument(parsing: .captureForPassthrough, help: "Options and certificate files (see below).")
    var arguments: [String] = []

    func run() throws {
        guard let options = try VerifyOptions.parse(arguments, command: "verify") else { return }
        throw ExitCode(VerifyRun(options: options).run())
    }
}

struct VerifyUsageError: UsageProblem {
    let message: String
}

/// The parsed command line of `certo verify`.
struct VerifyOptions: RawCommandOptions {
    var caFiles: [String] = []
    var caPaths: [String] = []
    var untrusted: [String] = []
    var time: Instant?
    var host: String?
    var purpose: Purpose = .server
    var profile: Profile = .webPKI
    var maxDepth: Int?
    var maxSignatureChecks: Int?
    var partialChain = false
    var certificatePolicies = CertificatePolicyInputs()
    var revocation = RevocationOptions()
    /// `--jsonl FILE|-`: chain requests, one per line, instead of CERT files.
    var jsonl: String?
    var jobs = Verifier.processorCount
    var allowSHA1 = false
    var allowWeakRSA = false
    var showChain = false
    var explain = false
    var json = false
    var help = false
    var certificates: [String] = []

    static let synopsis = "certo verify [--ca FILE]... [--ca-path DIR] [--untrusted FILE|DIR]... [--at TIME] [--host NAME|IP] [--purpose server|client|any] [--profile web|rfc5280] [--max-depth N] [--max-signature-checks N] [--partial-chain] [--policy OID]... [--explicit-policy] [--inhibit-policy-mapping] [--inhibit-any] [--crl FILE]... [--ocsp-response FILE]... [--crl-check leaf|all] [--revocation off|given|fetch] [--revocation-required] [--revocation-scope leaf|all] [--fetch-timeout SECONDS] [--allow-sha1] [--explain] [--json] CERT...  |  certo verify [options] --jsonl FILE|- [--jobs N]"

    static let usage = """
        --ca FILE          trusted certificates (PEM or DER); alias -CAfile. Repeatable.
        --ca-path DIR      a directory of trusted certificates; alias -CApath. Only its regular
                           files are read (others are skipped with a note on stderr).
                           Without --ca/--ca-path the system store is used.
        --untrusted FILE|DIR
                           intermediates to build the chain from (a directory: its regular files);
                           alias -untrusted. Repeatable.
        --at TIME          validation time: Unix seconds or ISO 8601 UTC (2025-05-20T00:00:01Z,
                           2024-04-01T00:00:00.005Z); alias -attime. Default: now.
        --host NAME|IP     peer name or IP to match the leaf's subjectAltName; aliases
                           -verify_hostname, -verify_ip.
        --purpose P        server (default), client or any; -purpose sslserver|sslclient|any.
        --profile P        web (default): RFC 5280 plus the CA/B Forum Baseline Requirements §7.1
                           certificate profiles; rfc5280: RFC 5280 alone (private PKIs).
        --max-depth N      at most N (0...255) intermediates between leaf and anchor; alias -verify_depth.
        --max-signature-checks N
                           the path search's budget of signature checks (1...100000, default \(SearchBudget().maxSignatureChecks)).
        --partial-chain    a trusted leaf that is not self-signed ends the chain; alias -partial_chain.
        --policy OID       a certificate policy the path must be valid for (RFC 5280's
                           user-initial-policy-set; default any policy); alias -policy. Repeatable.
        --explicit-policy  require a valid policy for the path (initial-explicit-policy); alias -explicit_policy.
        --inhibit-policy-mapping
                           no policy mapping in the path; alias -inhibit_map.
        --inhibit-any      anyPolicy in a certificate stands for no policy; alias -inhibit_any.
        --crl FILE         CRLs (PEM "X509 CRL" blocks or DER) to check revocation against; alias
                           -CRLfile. Repeatable. Alone: a revoked certificate fails, one no CRL
                           answers for is accepted and noted by --explain (soft-fail).
        --ocsp-response FILE
                           an OCSP response (DER, as openssl ocsp -respout writes it) to check
                           revocation against. Repeatable. Alone: as --crl.
        --crl-check leaf|all
                           every checked certificate (the leaf, or all below the anchor) needs a
                           usable answer that it is not revoked; aliases -crl_check, -crl_check_all.
                           The same as --revocation-required --revocation-scope leaf|all.
        --revocation off|given|fetch
                           off: no check. given (the default with --crl or --ocsp-response): the
                           given files answer. fetch: the files, then OCSP from the certificate's
                           authorityInfoAccess and CRLs from its cRLDistributionPoints over http.
        --revocation-required
                           every checked certificate needs a good answer (hard-fail); without it
                           a certificate nothing answers for is accepted and noted (soft-fail).
        --revocation-scope leaf|all
                           the certificates checked (default all below the anchor).
        --fetch-timeout SECONDS
                           the most one fetch may take (default 5).
        --jsonl FILE|-     chain requests, one JSON object per line, instead of CERT files: {"chain":
                           [PEM or base64 DER strings, leaf first], "leaf": index, "host", "time",
                           "purpose", "profile"} (all but "chain" optional, defaulting to the options
                           given). One answer per line, in input order: {"line", "ok": true, "chain":
                           [subjects], "validation_time"} or {"line", "ok": false, "error": {"depth",
                           "subject", "reason", "message", "openssl_code"}}; a malformed line gets
                           {"reason": "malformedRequest", "message"} and the batch goes on.
        --jobs N           threads for --jsonl (default the number of processors).
        --allow-sha1       accept SHA-1 signatures.   --allow-weak-rsa  accept RSA keys < 2048 bits.
        --show-chain       print the verified chain; alias -show_chain.
        --explain          narrate every link, every check, and on failure every path tried.
        --json             one JSON object per CERT with the same facts as --explain.
        CERT '-' reads standard input. Each file is at most \(InputLimits.certificateFileBytes) bytes, and the
        --ca, --ca-path and --untrusted files with the CERT file being verified at most
        \(InputLimits.certificateInputTotalBytes) bytes together.
        The first certificate of a CERT file is the leaf; the others join the --untrusted pool. A leaf
        that does not parse fails its verification; an intermediate that does not parse is skipped
        (--explain and --json name it, with its 0-based position in its file).
        Exit status: 0 every CERT verified, 2 a verification failed, 1 usage or input error
        (unreadable file, --ca file that does not parse).
        """

    init(parsing arguments: [String]) throws(VerifyUsageError) {
        var index = 0
        var onlyFiles = false
        func value(_ name: String, inline: String?) throws(VerifyUsageError) -> String {
            if let inline { return inline }
            index += 1
            guard index < arguments.count else { throw VerifyUsageError(message: "\(name) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            defer { index += 1 }
            if onlyFiles || !argument.hasPrefix("-") || argument == "-" {
                certificates.append(argument)
                continue
            }
            if argument == "--" { onlyFiles = true; continue }
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            switch name {
            case "--ca", "-CAfile": caFiles.append(try value(name, inline: inline))
            case "--ca-path", "-CApath": caPaths.append(try value(name, inline: inline))
            case "--untrusted", "-untrusted": untrusted.append(try value(name, inline: inline))
            case "--at", "-attime":
                let text = try value(name, inline: inline)
                guard let parsed = Instant(parsing: text) else {
                    throw VerifyUsageError(message: "\(name): '\(text)' is neither Unix seconds nor ISO 8601 UTC (2025-05-20T00:00:01Z)")
                }
                time = parsed
            case "--host", "-verify_hostname", "-verify_ip", "-host": host = try value(name, inline: inline)
            case "--purpose", "-purpose":
                let text = try value(name, inline: inline)
                switch text {
                case "server", "sslserver": purpose = .server
                case "client", "sslclient": purpose = .client
                case "any": purpose = .any
                default: throw VerifyUsageError(message: "\(name): unknown purpose '\(text)' (server, client, any, sslserver, sslclient)")
                }
            case "--profile":
                let text = try value(name, inline: inline)
                guard let parsed = Profile(rawValue: text) else {
                    throw VerifyUsageError(message: "\(name): unknown profile '\(text)' (web, rfc5280)")
                }
                profile = parsed
            case "--max-depth", "-verify_depth":
                maxDepth = try Self.number(name, try value(name, inline: inline), in: 0...255, what: "depth")
            case "--max-signature-checks":
                maxSignatureChecks = try Self.number(name, try value(name, inline: inline), in: 1...100_000, what: "number of signature checks")
            case "--partial-chain", "-partial_chain": partialChain = true
            case "--policy", "-policy":
                let text = try value(name, inline: inline)
                guard let oid = ObjectIdentifierEncoding.encode(text), ObjectIdentifierEncoding.dotted(oid[...]) == text else {
                    throw VerifyUsageError(message: "\(name): '\(text)' is not a dotted object identifier (2.23.140.1.2.1)")
                }
                certificatePolicies.userInitialPolicySet = (certificatePolicies.userInitialPolicySet ?? []).union([text])
            case "--crl", "-CRLfile": revocation.crlFiles.append(try value(name, inline: inline))
            case "--ocsp-response": revocation.ocspFiles.append(try value(name, inline: inline))
            case "--crl-check":
                revocation.scope = try RevocationOptions.scope(name, try value(name, inline: inline))
                revocation.required = true
            case "-crl_check": (revocation.required, revocation.scope) = (true, .leaf)
            case "-crl_check_all": (revocation.required, revocation.scope) = (true, .all)
            case "--revocation":
                revocation.mode = try RevocationOptions.mode(name, try value(name, inline: inline), allowed: [.off, .given, .fetch])
            case "--revocation-required": revocation.required = true
            case "--jsonl": jsonl = try value(name, inline: inline)
            case "--jobs": jobs = try Self.number(name, try value(name, inline: inline), in: 1...256, what: "number of jobs")
            case "--revocation-scope": revocation.scope = try RevocationOptions.scope(name, try value(name, inline: inline))
            case "--fetch-timeout":
                revocation.fetchTimeout = Double(try Self.number(name, try value(name, inline: inline), in: 1...300, what: "number of seconds"))
            case "--explicit-policy", "-explicit_policy": certificatePolicies.requireExplicitPolicy = true
            case "--inhibit-policy-mapping", "-inhibit_map": certificatePolicies.inhibitPolicyMapping = true
            case "--inhibit-any", "-inhibit_any": certificatePolicies.inhibitAnyPolicy = true
            case "--allow-sha1": allowSHA1 = true
            case "--allow-weak-rsa": allowWeakRSA = true
            case "--show-chain", "-show_chain": showChain = true
            case "--explain": explain = true
            case "--json": json = true
            case "--help", "-h", "-help": help = true
            default: throw VerifyUsageError(message: "unknown option '\(argument)'")
            }
            if inline != nil, ["--revocation-required", "--partial-chain", "--explicit-policy", "--inhibit-policy-mapping", "--inhibit-any", "--allow-sha1", "--allow-weak-rsa", "--show-chain", "--explain", "--json", "--help"].contains(name) {
                throw VerifyUsageError(message: "\(name) takes no value")
            }
        }
        if jsonl != nil && !certificates.isEmpty { throw VerifyUsageError(message: "--jsonl takes no CERT files") }
        if certificates.isEmpty && jsonl == nil && !help { throw VerifyUsageError(message: "no certificate file given") }
        if (certificates + revocation.crlFiles + revocation.ocspFiles + (jsonl.map { [$0] } ?? [])).filter({ $0 == "-" }).count > 1 {
            throw VerifyUsageError(message: "standard input ('-') given more than once")
        }
    }

    /// A decimal option value within `range`.
    private static func number(_ name: String, _ text: String, in range: ClosedRange<Int>, what: String) throws(VerifyUsageError) -> Int {
        guard let number = Int(text), range.contains(number) else {
            throw VerifyUsageError(message: "\(name): '\(text)' is not a \(what) in \(range.lowerBound)...\(range.upperBound)")
        }
        return number
    }
}

/// The intermediates of the --untrusted files (and of a CERT file after its leaf), parsed once by the
/// library's IntermediatePool, each remembered with the file and position it came from so that one
/// that does not parse can be named; and the files that held no certificate at all.
struct LocatedPool {
    private(set) var parsed = IntermediatePool()
    private var origins: [(file: String, position: Int)] = []
    /// Whole files that could not be split into certificates, with the pool size when they were met
    /// (to list them in file order among the skipped certificates).
    private var unreadableFiles: [(before: Int, skipped: VerifyReport.Skipped)] = []

    /// Every certificate of an --untrusted file; a file that is not PEM or DER contributes none.
    mutating func add(file: String, bytes: [UInt8]) {
        do throws(CertificateError) {
            add(file: file, encoded: try Certificate.encodedCertificates(bytes)[...], from: 0)
        } catch {
            unreadableFiles.append((parsed.offeredCount, VerifyReport.Skipped(file: file, position: nil, error: error)))
        }
    }

    /// `encoded` as the certificates of `file` starting at position `first`.
    mutating func add(file: String, encoded: ArraySlice<[UInt8]>, from first: Int) {
        parsed.add(encoded: encoded)
        for offset in encoded.indices { origins.append((file, first + offset - encoded.startIndex)) }
    }

    /// Where the Verifier's skipped intermediates came from, with the unusable files, in file order.
    func located(_ skipped: [SkippedCertificate]) -> [VerifyReport.Skipped] {
        var result: [VerifyReport.Skipped] = []
        var files = unreadableFiles[...]
        for entry in skipped {
            while let next = files.first, next.before <= entry.position {
                result.append(next.skipped)
                files = files.dropFirst()
            }
            let origin = origins[entry.position]
            result.append(VerifyReport.Skipped(file: origin.file, position: origin.position, error: entry.error))
        }
        return result + files.map(\.skipped)
    }
}

/// One run of `certo verify` over parsed options; returns the exit status.
struct VerifyRun {
    let options: VerifyOptions

    func run() -> Int32 {
        // Trust-store and --untrusted files stay in memory for the whole run, each CERT file while it
        // is verified: all of it is held to one budget (InputLimits).
        var budget = InputLimits.certificateBudget()
        var skipped: [DirectoryScan.Skipped] = []
        // Directory entries left out are noted on stderr as soon as they are known.
        func noteSkipped() {
            for entry in skipped { printError("certo verify: note: \(entry)") }
            skipped = []
        }
        let store: TrustStore
        do {
            if options.caFiles.isEmpty && options.caPaths.isEmpty {
                store = try TrustStore.system()
            } else {
                store = try TrustStore.load(files: options.caFiles, directories: options.caPaths, budget: &budget, skipped: &skipped)
            }
        } catch {
            noteSkipped()
            printError("certo verify: \(error)")
            return 1
        }
        noteSkipped()
        var pool = LocatedPool()
        for path in options.untrusted {
            let added = addUntrusted(path, to: &pool, budget: &budget, skipped: &skipped)
            noteSkipped()
            guard added else { return 1 }
        }
        var policy = Policy(profile: options.profile, purpose: options.purpose, host: options.host,
                            validationTime: options.time ?? Instant.now(), allowSHA1: options.allowSHA1,
                            allowWeakRSA: options.allowWeakRSA, partialChain: options.partialChain,
                            certificatePolicies: options.certificatePolicies)
        policy.revocation = options.revocation.policy(fallback: nil, defaultScope: .all)
        let loaded = options.revocation.loadSources(command: "verify") { file in
            report(file == "-" ? budget.readStandardInput(keep: true) : budget.read(file, keep: true))
        }
        guard let (crls, responses) = loaded else { return 1 }
        if let depth = options.maxDepth { policy.maxDepth = depth }
        if let checks = options.maxSignatureChecks { policy.budget.maxSignatureChecks = checks }
        var verifier = Verifier(trustStore: store, policy: policy)
        verifier.crls = crls
        verifier.ocspResponses = responses
        verifier.revocationFetcher = options.revocation.fetcher(fallback: nil)
        if let source = options.jsonl {
            return VerifyBatch(verifier: verifier, jobs: options.jobs).run(source: source)
        }

        var status: Int32 = 0
        for file in options.certificates {
            let read = file == "-" ? budget.readStandardInput(keep: false) : budget.read(file, keep: false)
            guard let bytes = report(read) else {
                status = 1
                continue
            }
            let result = verify(file: file, bytes: bytes, pool: pool, verifier: verifier)
            if result != 0 && status == 0 { status = result }
        }
        return status
    }

    /// Verifies one CERT file and prints the verdict; returns 0 or 2.
    private func verify(file: String, bytes: [UInt8], pool: LocatedPool, verifier: Verifier) -> Int32 {
        let policy = verifier.policy
        let detailed = options.explain || options.json
        let encoded: [[UInt8]]
        do {
            encoded = try Certificate.encodedCertificates(bytes)
        } catch {
            // Not PEM or DER at all (or broken PEM): a leaf that cannot be decoded.
            let failure = VerificationError(depth: 0, subject: DistinguishedName.empty, reason: .malformedCertificate(error))
            printFailure(failure, file: file, policy: policy, hints: [], skipped: pool.located([]))
            return 2
        }
        // The first certificate is the leaf; any others in the same file join the pool.
        var filePool = pool
        filePool.add(file: file, encoded: encoded.dropFirst(), from: 1)
        do {
            let chain = try verifier.verify(encodedLeaf: encoded[0], pool: filePool.parsed, explain: detailed)
            let skipped = filePool.located(chain.skippedIntermediates)
            if options.json {
                print(VerifyReport.json(file: file, policy: policy, chain: chain, error: nil, hints: [], skipped: skipped))
            } else {
                if options.explain { print(VerifyReport.explain(file: file, policy: policy, chain: chain, skipped: skipped)) }
                if options.showChain { print(VerifyReport.showChain(chain)) }
                print("\(file): OK")
            }
            return 0
        } catch {
            var hints: [Hint] = []
            if detailed, let leaf = try? Certificate(derEncoded: encoded[0]) {
                hints = verifier.diagnose(error, leaf: leaf, intermediates: filePool.parsed.certificates)
            }
            printFailure(error, file: file, policy: policy, hints: hints, skipped: filePool.located(error.skippedIntermediates))
            return 2
        }
    }

    /// OpenSSL's failure lines (the subject, or for a leaf that does not parse why, then the error
    /// line), the --explain narration, and `FILE: verification failed`; or the --json object.
    private func printFailure(_ error: VerificationError, file: String, policy: Policy, hints: [Hint], skipped: [VerifyReport.Skipped]) {
        if options.json {
            print(VerifyReport.json(file: file, policy: policy, chain: nil, error: error, hints: hints, skipped: skipped))
            return
        }
        if case .malformedCertificate = error.reason {
            print("\(file): \(error.reason.message)")
        } else {
            print("\(error.subject.openSSLDescription)")
        }
        let (code, text) = error.reason.openSSLCode
        print("error \(code) at \(error.depth) depth lookup: \(text)")
        if options.explain {
            print(VerifyReport.explainFailure(file: file, policy: policy, error: error, hints: hints, skipped: skipped))
            if case .searchBudgetExhausted(.signatureChecks, _, _) = error.reason {
                print("  hint: the search may check \(policy.budget.maxSignatureChecks) signature(s); --max-signature-checks N raises that")
            }
        }
        print("\(file): verification failed")
    }

    /// An --untrusted file, or every regular file of an --untrusted directory, into the pool; false
    /// after one line to stderr when one cannot be read.
    private func addUntrusted(_ path: String, to pool: inout LocatedPool, budget: inout InputBudget,
                              skipped: inout [DirectoryScan.Skipped]) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            guard let bytes = report(budget.read(path, keep: true)) else { return false }
            pool.add(file: path, bytes: bytes)
            return true
        }
        let read = DirectoryScan.readRegularFiles(of: path, budget: &budget, skipped: &skipped) { file, bytes in
            pool.add(file: file, bytes: bytes)
        }
        if case .failure(let error) = read {
            printError("certo verify: \(TrustStoreError.unreadable(error))")
            return false
        }
        return true
    }

    /// The bytes read, or nil after one line to stderr saying why there are none.
    private func report(_ read: Result<[UInt8], FileError>) -> [UInt8]? {
        switch read {
        case .success(let bytes): return bytes
        case .failure(let error):
            printError("certo verify: \(TrustStoreError.unreadable(error))")
            return nil
        }
    }
}
