// The other programs these tests drive: openssl, mosquitto and the `certo` CLI, found on PATH (or, for
// certo, through CERTO_BIN), run to completion or kept running in the background with their output in
// a file. Output goes to files, not pipes, so a chatty program can never block on a full pipe.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct ProgramOutput: Sendable {
    let status: Int32
    let stdout: String
    let stderr: String
}

struct ProgramNotFound: Error, CustomStringConvertible {
    let description: String
}

enum Programs {
    static let openssl = find("openssl") ?? "/usr/bin/openssl"

    /// `name` on PATH, then in the sbin directories (Debian puts mosquitto in /usr/sbin).
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let directories = path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/local/sbin"]
        return directories.map { $0 + "/" + name }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func require(_ name: String) throws -> String {
        guard let path = find(name) else {
            throw ProgramNotFound(description: "\(name) is not installed (.ci/run installs it: apt-get install -y \(name))")
        }
        return path
    }

    /// The root package's `certo`: CERTO_BIN (set by .ci/run), else the root's default debug build.
    static func certo() throws -> String {
        if let path = ProcessInfo.processInfo.environment["CERTO_BIN"], FileManager.default.isExecutableFile(atPath: path) {
            return path
        }
        let built = packageDirectory + "/../../.build/debug/certo"
        if FileManager.default.isExecutableFile(atPath: built) { return built }
        throw ProgramNotFound(description: "no certo binary: set CERTO_BIN or run `swift build --product certo` in the root package")
    }

    /// This package's example executable, which `swift test` builds beside the test bundle.
    static func example() throws -> String {
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = directory.appendingPathComponent("certo-mqtt-example").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            directory.deleteLastPathComponent()
        }
        throw ProgramNotFound(description: "certo-mqtt-example was not built beside the tests (\(CommandLine.arguments[0]))")
    }

    /// Integrations/CertoNIOSSL, from this file's place in it.
    static let packageDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path

    /// Runs `executable` to completion with an empty standard input (for the test PKI's openssl calls).
    static func runBlocking(_ executable: String, _ arguments: [String]) throws -> ProgramOutput {
        let process = try BackgroundProcess(executable, arguments)
        process.closeInput()
        process.waitUntilExit()
        return ProgramOutput(status: process.status, stdout: process.stdout(), stderr: process.stderr())
    }

    /// As `runBlocking`, polling for the exit instead of blocking a thread of the test's executor;
    /// killed after `seconds`.
    static func run(_ executable: String, _ arguments: [String], seconds: Double = 60) async throws -> ProgramOutput {
        let process = try BackgroundProcess(executable, arguments)
        process.closeInput()
        if !(await eventually(within: seconds) { !process.isRunning }) { process.stop() }
        process.waitUntilExit()
        return ProgramOutput(status: process.status, stdout: process.stdout(), stderr: process.stderr())
    }
}

/// A child process whose stdout and stderr go to files of its own; stdin is a pipe kept open until
/// `closeInput` (s_server and s_client read commands or data from it). `stop` kills it (SIGKILL: a
/// child of the test runner may inherit a mask that blocks SIGTERM) and is safe to call twice.
final class BackgroundProcess: @unchecked Sendable {
    private let process = Process()
    private let input = Pipe()
    let stdoutPath: String
    let stderrPath: String

    init(_ executable: String, _ arguments: [String], directory: String? = nil) throws {
        let stem = NSTemporaryDirectory() + "certo-niossl-process-\(UUID().uuidString)"
        stdoutPath = stem + ".out"
        stderrPath = stem + ".err"
        _ = FileManager.default.createFile(atPath: stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: stderrPath))
        try process.run()
    }

    var isRunning: Bool { process.isRunning }
    var status: Int32 { process.terminationStatus }

    func send(_ text: String) { try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8)) }
    func closeInput() { try? input.fileHandleForWriting.close() }

    func stdout() -> String { Self.read(stdoutPath) }
    func stderr() -> String { Self.read(stderrPath) }

    static func read(_ path: String) -> String {
        FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    func waitUntilExit() {
        process.waitUntilExit()
        closeInput()
    }

    /// Waits up to `seconds` for the process to end; true if it did.
    func waitForExit(seconds: Double) async -> Bool {
        await eventually(within: seconds) { !process.isRunning }
    }

    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        closeInput()
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(atPath: stdoutPath)
        try? FileManager.default.removeItem(atPath: stderrPath)
    }
}

/// Polls `condition` every 20 ms for up to `seconds`; true as soon as it holds. Sleeps, so a test
/// waiting here leaves its executor's thread to the others.
func eventually(within seconds: Double, _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .milliseconds(Int(seconds * 1000))
    while ContinuousClock.now < deadline {
        if condition() { return true }
        try? await Task.sleep(for: .milliseconds(20))
    }
    return condition()
}

enum LoopbackPorts {
    /// A port on 127.0.0.1 nothing is bound to right now, from 20000-31999 (below the kernel's
    /// ephemeral range, where client sockets get their ports).
    static func free() -> UInt16? {
        for _ in 0..<200 {
            let port = UInt16.random(in: 20000...31999)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if bound == 0 { return port }
        }
        return nil
    }
}
