// `certo verify`: the CLI contract of ARCHITECTURE.md (OpenSSL's spellings accepted as aliases),
// `--explain` narration and `--json`. Arguments are captured raw and parsed here, so that OpenSSL's
// single-dash long options work and usage errors exit 1 as the contract says (ArgumentParser's own
// usage errors exit 64). Printing only: building and judging the chain is the Certo library's job.
// Rendering lives in Certo's VerifyReport. No Foundation: files are read with the C library.
import ArgumentParser
import Certo

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Verify certificate chains.",
        discussion: VerifyOptions.usage
    )

    @Argument(parsing: .captureForPassthrough, help: "Options and certificate files (see below).")
    var arguments: [String] = []

    func run() throws {
        let options: VerifyOptions
        do {
            options = try VerifyOptions(parsing: arguments)
        } catch {
            printError("certo verify: \(error.message)")
            printError("usage: \(VerifyOptions.synopsis)")
            throw ExitCode(1)
        }
        if options.help {
            print("usage: \(VerifyOptions.synopsis)\n\n\(VerifyOptions.usage)")
            return
        }
        throw ExitCode(VerifyRun(options: options).run())
    }
}

struct VerifyUsageError: Error {
    let message: String
}

/// The parsed command line of `certo verify`.
struct VerifyOptions {
    var caFiles: [String] = []
    var caPaths: [String] = []
    var untrusted: [String] = []
    var time: Instant?
    var host: String?
    var purpose: Purpose = .server
    var maxDepth: Int?
    var partialChain = false
    var allowSHA1 = false
    var allowWeakRSA = false
    var showChain = false
    var explain = false
    var json = false
    var help = false
    var certificates: [String] = []

    static let synopsis = "certo verify [--ca FILE]... [--ca-path DIR] [--untrusted FILE]... [--at TIME] [--host NAME|IP] [--purpose server|client|any] [--max-depth N] [--partial-chain] [--allow-sha1] [--explain] [--json] CERT..."

    static let usage = """
        --ca FILE          trusted certificates (PEM or DER); alias -CAfile. Repeatable.
        --ca-path DIR      a directory of trusted certificates; alias -CApath.
                           Without --ca/--ca-path the system store is used.
        --untrusted FILE   intermediates to build the chain from; alias -untrusted. Repeatable.
        --at TIME          validation time: Unix seconds or ISO 8601 UTC (2025-05-20T00:00:01Z,
                           2024-04-01T00:00:00.005Z); alias -attime. Default: now.
        --host NAME|IP     peer name or IP to match the leaf's subjectAltName; aliases
                           -verify_hostname, -verify_ip.
        --purpose P        server (default), client or any; -purpose sslserver|sslclient|any.
        --max-depth N      at most N intermediates between leaf and anchor; alias -verify_depth.
        --partial-chain    a trusted leaf that is not self-signed ends the chain; alias -partial_chain.
        --allow-sha1       accept SHA-1 signatures.   --allow-weak-rsa  accept RSA keys < 2048 bits.
        --show-chain       print the verified chain; alias -show_chain.
        --explain          narrate every link, every check, and on failure every path tried.
        --json             one JSON object per CERT with the same facts as --explain.
        Exit status: 0 every CERT verified, 2 a verification failed, 1 usage or input error.
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
            case "--max-depth", "-verify_depth":
                let text = try value(name, inline: inline)
                guard let depth = Int(text), depth >= 0, depth <= 100 else {
                    throw VerifyUsageError(message: "\(name): '\(text)' is not a depth in 0...100")
                }
                maxDepth = depth
            case "--partial-chain", "-partial_chain": partialChain = true
            case "--allow-sha1": allowSHA1 = true
            case "--allow-weak-rsa": allowWeakRSA = true
            case "--show-chain", "-show_chain": showChain = true
            case "--explain": explain = true
            case "--json": json = true
            case "--help", "-h", "-help": help = true
            default: throw VerifyUsageError(message: "unknown option '\(argument)'")
            }
            if inline != nil, ["--partial-chain", "--allow-sha1", "--allow-weak-rsa", "--show-chain", "--explain", "--json", "--help"].contains(name) {
                throw VerifyUsageError(message: "\(name) takes no value")
            }
        }
        if certificates.isEmpty && !help { throw VerifyUsageError(message: "no certificate file given") }
    }
}

/// One run of `certo verify` over parsed options; returns the exit status.
struct VerifyRun {
    let options: VerifyOptions

    func run() -> Int32 {
        let store: TrustStore
        var pool: [Certificate] = []
        do {
            if options.caFiles.isEmpty && options.caPaths.isEmpty {
                store = try TrustStore.system()
            } else {
                store = try TrustStore.load(files: options.caFiles, directories: options.caPaths)
            }
            for path in options.untrusted { pool += try TrustStore.certificates(inFile: path) }
        } catch {
            printError("certo verify: \(error)")
            return 1
        }
        var policy = Policy(purpose: options.purpose, host: options.host, validationTime: options.time ?? Instant.now(),
                            allowSHA1: options.allowSHA1, allowWeakRSA: options.allowWeakRSA,
                            partialChain: options.partialChain)
        if let depth = options.maxDepth { policy.maxDepth = depth }
        let verifier = Verifier(trustStore: store, policy: policy)

        var status: Int32 = 0
        for file in options.certificates {
            let certificates: [Certificate]
            do {
                certificates = try TrustStore.certificates(inFile: file)
            } catch {
                printError("certo verify: \(error)")
                status = 1
                continue
            }
            // The first certificate is the leaf; any others in the same file join the pool.
            let leaf = certificates[0]
            let filePool = pool + certificates.dropFirst()
            let detailed = options.explain || options.json
            do {
                let chain = try verifier.verify(leaf: leaf, intermediates: filePool, explain: detailed)
                if options.json {
                    print(VerifyReport.json(file: file, policy: policy, chain: chain, error: nil, hints: []))
                } else {
                    if options.explain { print(VerifyReport.explain(file: file, policy: policy, chain: chain)) }
                    if options.showChain { print(VerifyReport.showChain(chain)) }
                    print("\(file): OK")
                }
            } catch {
                let hints = detailed ? verifier.diagnose(error, leaf: leaf, intermediates: filePool) : []
                if options.json {
                    print(VerifyReport.json(file: file, policy: policy, chain: nil, error: error, hints: hints))
                } else {
                    let (code, text) = error.reason.openSSLCode
                    print("\(error.subject.openSSLDescription)")
                    print("error \(code) at \(error.depth) depth lookup: \(text)")
                    if options.explain { print(VerifyReport.explainFailure(file: file, policy: policy, error: error, hints: hints)) }
                    print("\(file): verification failed")
                }
                if status == 0 { status = 2 }
            }
        }
        return status
    }
}
