// `certo hash`-style streaming agrees with coreutils (sha1sum, sha224sum, sha256sum, sha384sum,
// sha512sum) on a multi-megabyte file. The system tools are oracles here only; the file is read
// back in 64 KiB chunks, as the CLI does. When the certo binary sits next to the test bundle
// (a plain `swift build` / `swift test` tree), its output is compared as well.
import CertoHash
import CertoTestSupport
import Foundation
import Testing

@Suite(.serialized) struct SystemToolTests {
    /// 5 MiB + 12345 bytes of seeded random data, so the tail is not block-aligned.
    static let file = Result<URL, any Error> {
        var rng = SplitMix64(seed: 0x5EED)
        var bytes = [UInt8](repeating: 0, count: 5 * 1_048_576 + 12_345)
        for i in stride(from: 0, to: bytes.count, by: 8) {
            var word = rng.next()
            for j in i..<min(i + 8, bytes.count) {
                bytes[j] = UInt8(truncatingIfNeeded: word)
                word >>= 8
            }
        }
        let url = fileURL()
        try Data(bytes).write(to: url)
        // Several tests read the file, so it goes when the process exits.
        atexit { try? FileManager.default.removeItem(at: SystemToolTests.fileURL()) }
        return url
    }

    static func fileURL() -> URL {
        FileManager.default.temporaryDirectory
            .appendingPathComponent("certo-hash-\(ProcessInfo.processInfo.processIdentifier).bin")
    }

    @Test(arguments: HashAlgorithm.allCases)
    func agreesWithCoreutils(_ algorithm: HashAlgorithm) throws {
        let path = try Self.file.get().path
        let tool = "\(algorithm.rawValue)sum"
        let oracle = try run("/usr/bin/env", [tool, path])
        let expected = String(oracle.split(separator: " ").first ?? "")
        #expect(expected.count == algorithm.digestByteCount * 2, "\(tool) printed '\(oracle)'")

        let streamed = try streamFile(path, algorithm)
        #expect(hexString(streamed) == expected, "\(algorithm) streaming vs \(tool)")

        if let certo = certoBinary() {
            let output = try run(certo.path, ["hash", "--\(algorithm.rawValue)", path])
            #expect(output == "\(expected)  \(path)\n", "certo hash --\(algorithm.rawValue)")
        } else {
            print("certo binary not built next to the tests; compared the library's streaming digest only")
        }
    }
}

extension SystemToolTests {
    /// Bad inputs to `certo hash`: one stderr line each, exit status 1, the good file still hashed.
    @Test func certoHashReportsUnreadableInputs() throws {
        guard let certo = certoBinary() else {
            print("certo binary not built next to the tests; CLI error handling not exercised")
            return
        }
        let good = try Self.file.get().path
        let directory = FileManager.default.temporaryDirectory.path
        let missing = directory + "/certo-no-such-file-\(ProcessInfo.processInfo.processIdentifier)"
        let result = try runCapturing(certo.path, ["hash", "--sha256", directory, missing, good])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors == ["certo hash: \(directory): Is a directory", "certo hash: \(missing): No such file or directory"])
        #expect(result.stdout.hasSuffix("  \(good)\n") && result.stdout.split(separator: "\n").count == 1)
    }
}

/// Reads the file in 64 KiB chunks into the hash, like `certo hash`.
private func streamFile(_ path: String, _ algorithm: HashAlgorithm) throws -> [UInt8] {
    guard let handle = FileHandle(forReadingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
    defer { try? handle.close() }
    switch algorithm {
    case .sha1: return try feed(handle, Insecure.SHA1()).bytes
    case .sha224: return try feed(handle, SHA224()).bytes
    case .sha256: return try feed(handle, SHA256()).bytes
    case .sha384: return try feed(handle, SHA384()).bytes
    case .sha512: return try feed(handle, SHA512()).bytes
    }
}

private func feed<H: HashFunction>(_ handle: FileHandle, _ start: H) throws -> H.Digest {
    var hasher = start
    while let chunk = try handle.read(upToCount: 65_536), !chunk.isEmpty {
        chunk.withUnsafeBytes { hasher.update(bufferPointer: $0) }
    }
    return hasher.finalize()
}

/// Runs a program and returns its standard output; a non-zero exit is an error.
private func run(_ executable: String, _ arguments: [String]) throws -> String {
    let result = try ExternalProgram.run(executable, arguments)
    guard result.status == 0 else {
        throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "\(executable) \(arguments) exited \(result.status)"])
    }
    return result.stdout
}

private func runCapturing(_ executable: String, _ arguments: [String]) throws -> ProgramResult {
    try ExternalProgram.run(executable, arguments)
}

private func certoBinary() -> URL? { ExternalProgram.builtCerto }
