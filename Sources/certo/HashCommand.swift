// `certo hash`: sha256sum-style digests of files or standard input, streamed in fixed-size chunks.
// Each unreadable input (missing, permission denied, a directory) costs one line on stderr and
// makes the exit status 1; the other inputs are still hashed, as coreutils does.
import ArgumentParser
import CertoHash
#if canImport(Glibc)
import Glibc
#endif

struct HashCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Print SHA-1/SHA-2 digests in sha256sum format."
    )

    enum Algorithm: String, EnumerableFlag {
        case sha1, sha224, sha256, sha384, sha512
        var hash: HashAlgorithm {
            switch self {
            case .sha1: return .sha1
            case .sha224: return .sha224
            case .sha256: return .sha256
            case .sha384: return .sha384
            case .sha512: return .sha512
            }
        }
    }

    @Flag(help: "The hash to compute (default: --sha256).")
    var algorithm: Algorithm = .sha256

    @Argument(help: "Files to hash; '-' or none reads standard input.")
    var files: [String] = []

    func run() throws {
        let inputs = files.isEmpty ? ["-"] : files
        var failed = false
        for name in inputs {
            do {
                let digest = try digestOfFile(name, algorithm.hash)
                print(checksumLine(digest, name))
            } catch let error as FileReadError {
                printError("certo hash: \(error)")
                failed = true
            }
        }
        if failed { throw ExitCode(1) }
    }
}

/// One line as `sha256sum` prints it: a name holding a backslash, newline or carriage return is
/// escaped and the line starts with a backslash, so every line stays one line.
func checksumLine(_ digest: [UInt8], _ name: String) -> String {
    let needsEscape = name.utf8.contains { $0 == UInt8(ascii: "\\") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
    guard needsEscape else { return "\(hexString(digest))  \(name)" }
    var escaped = ""
    for scalar in name.unicodeScalars {
        switch scalar {
        case "\\": escaped += "\\\\"
        case "\n": escaped += "\\n"
        case "\r": escaped += "\\r"
        default: escaped.unicodeScalars.append(scalar)
        }
    }
    return "\\\(hexString(digest))  \(escaped)"
}

/// Streams a file (or stdin for "-") through the hash in 64 KiB chunks, without Foundation.
func digestOfFile(_ path: String, _ algorithm: HashAlgorithm) throws -> [UInt8] {
    switch algorithm {
    case .sha1: return try streamFile(path, into: Insecure.SHA1()).bytes
    case .sha224: return try streamFile(path, into: SHA224()).bytes
    case .sha256: return try streamFile(path, into: SHA256()).bytes
    case .sha384: return try streamFile(path, into: SHA384()).bytes
    case .sha512: return try streamFile(path, into: SHA512()).bytes
    }
}

private func streamFile<H: HashFunction>(_ path: String, into hasher: H) throws -> H.Digest {
    var hasher = hasher
    try readChunks(path) { hasher.update(bufferPointer: $0) }
    return hasher.finalize()
}
