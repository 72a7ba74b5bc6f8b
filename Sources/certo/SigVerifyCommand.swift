// `certo sigverify`: one signature from files (`--key pub.pem --sig sig.bin --alg ALG [MSG|-]`, like
// `openssl dgst -verify`: "Verified OK" exit 0, "Verification failure" exit 2, usage/input errors exit 1)
// or a JSON-lines batch (`--jsonl FILE|-`: one answer line per request, in order; a bad request gets an
// error answer and the batch goes on). Arguments are parsed here so usage errors exit 1, not 64.
// What is read is bounded (InputLimits): key and signature files whole, the message and the batch
// streamed, and an error answer repeats only a prefix of the value it complains about.
import ArgumentParser
import Certo
import CertoHash
import CertoSignatureRequests
#if canImport(Glibc)
import Glibc
#endif

struct SigVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sigverify",
        abstract: "Verify one signature, or a JSON-lines batch.",
        discussion: SigVerifyOptions.usage
    )

    @Argument(parsing: .captureForPassthrough, help: "Options and the message file (see below).")
    var arguments: [String] = []

    func run() throws {
        guard let options = try SigVerifyOptions.parse(arguments, command: "sigverify") else { return }
        if let batch = options.jsonl {
            throw ExitCode(runBatch(batch))
        }
        throw ExitCode(runSingle(options))
    }

    /// One signature from files. Exit 0 valid, 2 invalid, 1 for anything that stops us checking.
    /// The key and signature are read whole (each at most `InputLimits.keyOrSignatureFileBytes`); the
    /// message is hashed as it streams in, so it may be of any length, as with `openssl dgst`.
    private func runSingle(_ options: SigVerifyOptions) -> Int32 {
        do {
            guard let algorithmName = options.algorithm, let keyPath = options.keyPath, let sigPath = options.signaturePath else {
                throw SigVerifyError(message: "--key, --sig and --alg are required (or --jsonl)")
            }
            var algorithm = try SignatureRequestAlgorithm(name: algorithmName)
            try algorithm.apply(salt: options.salt, mgf1: options.mgf1)
            let keyBytes = try readSmallInput(keyPath)
            let signature = try readSmallInput(sigPath)
            let verifier = try algorithm.verifier(keyFile: keyBytes)
            let digest: [UInt8]
            do {
                digest = try digestOfFile(options.messagePath ?? "-", algorithm.hash)
            } catch {
                throw SigVerifyError(message: "\(error)")
            }
            if verifier.verify(signature: signature, digest: digest) {
                print("Verified OK")
                return 0
            }
            print("Verification failure")
            return 2
        } catch let error as SigVerifyError {
            printError("certo sigverify: \(error.message)")
            return 1
        } catch let error as SignatureRequestError {
            printError("certo sigverify: \(error.message)")
            return 1
        } catch {
            printError("certo sigverify: \(error)")
            return 1
        }
    }

    /// JSON lines: answers in order, flushed per line so a driver can talk to us request by request.
    /// Lines are streamed (one held at a time, at most `InputLimits.requestLineBytes`); an over-long
    /// line is answered with an error like any malformed one. Empty input has no requests and gets no
    /// answers, from a file and from standard input alike. Exit 1 when the input cannot be read to its
    /// end (a read error, or a line with no newline within `InputLimits.overlongLineSkipBytes`), after
    /// the answers to the lines before.
    private func runBatch(_ source: String) -> Int32 {
        let fd: Int32 = source == "-" ? 0 : open(source, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            printError("certo sigverify: \(source): \(String(cString: strerror(errno)))")
            return 1
        }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            printError("certo sigverify: \(source): \(String(cString: strerror(errno)))")
            return 1
        }
        if info.st_mode & S_IFMT == S_IFDIR {
            printError("certo sigverify: \(source): is a directory")
            return 1
        }
        var reader = LineReader(descriptor: fd, maximumLineBytes: InputLimits.requestLineBytes,
                                maximumSkipBytes: InputLimits.overlongLineSkipBytes)
        var lineNumber = 0
        while true {
            lineNumber += 1
            let line: LineReader.Line?
            do {
                line = try reader.next()
            } catch {
                switch error {
                case .read(let reason):
                    printError("certo sigverify: \(source): line \(lineNumber): \(reason)")
                case .unterminated(let limit):
                    printError("certo sigverify: \(source): line \(lineNumber): no end of line within \(limit) bytes; batch stopped")
                }
                return 1
            }
            switch line {
            case nil:
                return 0
            case .text(let bytes)?:
                answer(String(decoding: bytes, as: UTF8.self))
            case .tooLong(let count)?:
                answer(error: "request line of \(count) bytes is longer than the limit of \(InputLimits.requestLineBytes) bytes")
            }
        }
    }

    private func answer(_ line: String) {
        let trimmed = line.hasSuffix("\r") ? String(line.dropLast()) : line
        switch SignatureRequest.evaluate(trimmed) {
        case .success(true): print("{\"valid\": true}")
        case .success(false): print("{\"valid\": false, \"error\": \"signature verification failed\"}")
        case .failure(let error): answer(error: error.message)
        }
        fflush(nil)  // all output streams: answers go out as each request is read
    }

    /// An error answer; the text is bounded, whatever value it quotes.
    private func answer(error message: String) {
        print("{\"valid\": false, \"error\": \(JSONString.quoted(echoed(message, limit: InputLimits.answerErrorBytes)))}")
        fflush(nil)
    }
}

/// A usage or input error of `certo sigverify` itself (request errors are `SignatureRequestError`).
struct SigVerifyError: UsageProblem {
    let message: String
}

/// A key or signature file, or standard input for "-", refused past `InputLimits.keyOrSignatureFileBytes`.
private func readSmallInput(_ path: String) throws(SigVerifyError) -> [UInt8] {
    let limit = InputLimits.keyOrSignatureFileBytes
    switch path == "-" ? FileBytes.readStandardInput(limit: limit) : FileBytes.read(path, limit: limit) {
    case .success(let bytes): return bytes
    case .failure(let error): throw SigVerifyError(message: error.description)
    }
}


/// The parsed command line of `certo sigverify`.
struct SigVerifyOptions: RawCommandOptions {
    static let synopsis = "certo sigverify --key FILE --sig FILE --alg ALG [--salt N] [--mgf1 HASH] [MSG|-]  |  certo sigverify --jsonl FILE|-"
    static let usage = """
        ALG: rsa-pkcs1-sha1|sha224|sha256|sha384|sha512, rsa-pss-sha256|sha384|sha512,
             ecdsa-p256-sha256|sha384|sha512, ecdsa-p384-sha256|sha384|sha512 (add -p1363 for a raw r||s signature).
        PSS: the salt defaults to the digest length and MGF1 to the message hash.
        The key is PEM (PUBLIC KEY, or RSA PUBLIC KEY) or DER SubjectPublicKeyInfo; the signature is raw bytes.
        Exit 0: Verified OK. Exit 2: Verification failure. Exit 1: usage or input error.
        --jsonl: one request per line, {"alg", "key" (hex DER SubjectPublicKeyInfo), "msg" (hex), "sig" (hex)
        [, "salt": N] [, "mgf1": "sha256"]}; one answer per line, in order: {"valid": true} or
        {"valid": false, "error": "..."}. A request line is at most \(InputLimits.requestLineBytes) bytes (a longer one is
        answered with an error); empty input gets no answers. --key and --sig files are at most
        \(InputLimits.keyOrSignatureFileBytes) bytes; the message is streamed, of any length.
        """

    var keyPath: String?
    var signaturePath: String?
    var algorithm: String?
    var jsonl: String?
    var salt: Int?
    var mgf1: String?
    var messagePath: String?
    var help = false

    init(parsing arguments: [String]) throws(SigVerifyError) {
        var index = 0
        func value(_ name: String, inline: String?) throws(SigVerifyError) -> String {
            if let inline { return inline }
            index += 1
            guard index < arguments.count else { throw SigVerifyError(message: "\(name) needs a value") }
            return arguments[index]
        }
        while index < arguments.count {
            let argument = arguments[index]
            var name = argument
            var inline: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inline = String(argument[argument.index(after: equals)...])
            }
            switch name {
            case "--key", "-key": keyPath = try value(name, inline: inline)
            case "--sig", "-signature": signaturePath = try value(name, inline: inline)
            case "--alg": algorithm = try value(name, inline: inline)
            case "--jsonl": jsonl = try value(name, inline: inline)
            case "--mgf1": mgf1 = try value(name, inline: inline)
            case "--salt":
                let text = try value(name, inline: inline)
                guard let number = Int(text), number >= 0 else { throw SigVerifyError(message: "--salt: '\(text)' is not a byte count") }
                salt = number
            case "-h", "--help": help = true
            case "-" where messagePath == nil: messagePath = "-"
            default:
                guard !argument.hasPrefix("-"), messagePath == nil else {
                    throw SigVerifyError(message: messagePath == nil ? "unknown option '\(argument)'" : "more than one message file")
                }
                messagePath = argument
            }
            index += 1
        }
        if jsonl != nil, keyPath != nil || signaturePath != nil || algorithm != nil || messagePath != nil {
            throw SigVerifyError(message: "--jsonl takes no other options")
        }
    }
}
