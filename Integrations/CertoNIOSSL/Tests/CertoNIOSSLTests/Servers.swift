// The TLS peers of these tests, each on 127.0.0.1 only and started per test: Mosquitto (Debian's
// mosquitto, a generated mosquitto.conf with a TLS listener and `log_type all` to a file, so a test can
// read which clients sent CONNECT) and `openssl s_server` (one connection, printing what it receives).
import Foundation

struct ServerStartFailure: Error, CustomStringConvertible {
    let description: String
}

final class MosquittoBroker: @unchecked Sendable {
    let port: UInt16
    let logPath: String
    private let process: BackgroundProcess
    private let directory: String

    private init(port: UInt16, logPath: String, process: BackgroundProcess, directory: String) {
        self.port = port
        self.logPath = logPath
        self.process = process
        self.directory = directory
    }

    /// A broker serving `identity`: anonymous clients allowed, no client certificate asked for.
    static func start(serving identity: ServedIdentity, pki: TestPKI) async throws -> MosquittoBroker {
        let executable = try Programs.require("mosquitto")
        let directory = NSTemporaryDirectory() + "certo-mosquitto-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let logPath = directory + "/mosquitto.log"
        var lastFailure = ""
        for _ in 0..<3 {
            guard let port = LoopbackPorts.free() else { throw ServerStartFailure(description: "no free port") }
            // `user root`: mosquitto started as root otherwise switches to the mosquitto user, which
            // cannot read the test's keys.
            let config = """
                listener \(port) 127.0.0.1
                cafile \(pki.rootPath)
                certfile \(identity.chainPath)
                keyfile \(identity.keyPath)
                require_certificate false
                allow_anonymous true
                persistence false
                log_dest file \(logPath)
                log_type all
                log_timestamp false
                user root

                """
            let configPath = directory + "/mosquitto-\(port).conf"
            try config.write(toFile: configPath, atomically: true, encoding: .utf8)
            let candidate = try BackgroundProcess(executable, ["-c", configPath])
            let ready = await eventually(within: 20) { !candidate.isRunning || BackgroundProcess.read(logPath).contains("running") }
            if ready && candidate.isRunning {
                return MosquittoBroker(port: port, logPath: logPath, process: candidate, directory: directory)
            }
            candidate.stop()
            lastFailure = BackgroundProcess.read(logPath) + candidate.stderr()
        }
        throw ServerStartFailure(description: "mosquitto did not start: \(lastFailure)")
    }

    var log: String { BackgroundProcess.read(logPath) }

    /// The log lines that mention `text`.
    func logLines(containing text: String) -> [String] {
        log.split(separator: "\n").map(String.init).filter { $0.contains(text) }
    }

    func stop() {
        process.stop()
        try? FileManager.default.removeItem(atPath: directory)
    }

    deinit { stop() }
}

/// `openssl s_server` for one connection (-naccept 1) at one TLS version, in its default mode: it
/// prints every byte of application data it receives, so its output shows whether a client sent any.
final class OpenSSLServer: @unchecked Sendable {
    let port: UInt16
    private let process: BackgroundProcess

    private init(port: UInt16, process: BackgroundProcess) {
        self.port = port
        self.process = process
    }

    static func start(serving identity: ServedIdentity, tlsVersionFlag: String, extraArguments: [String] = []) async throws -> OpenSSLServer {
        var lastFailure = ""
        for _ in 0..<3 {
            guard let port = LoopbackPorts.free() else { throw ServerStartFailure(description: "no free port") }
            let candidate = try BackgroundProcess(Programs.openssl, [
                "s_server", "-accept", "127.0.0.1:\(port)", "-naccept", "1", tlsVersionFlag,
                "-cert", identity.leafPath, "-key", identity.keyPath, "-cert_chain", identity.issuersPath,
            ] + extraArguments)
            // s_server prints ACCEPT once it listens; a probe connection would use up -naccept 1.
            let ready = await eventually(within: 20) { !candidate.isRunning || candidate.stdout().contains("ACCEPT") }
            if ready && candidate.isRunning { return OpenSSLServer(port: port, process: candidate) }
            candidate.stop()
            lastFailure = candidate.stdout() + candidate.stderr()
        }
        throw ServerStartFailure(description: "openssl s_server did not start: \(lastFailure)")
    }

    /// Everything s_server printed (stdout and stderr).
    var output: String { process.stdout() + process.stderr() }

    /// True once s_server has finished its one connection (it exits after it, with -naccept 1).
    func waitForConnectionEnd(seconds: Double) async -> Bool { await process.waitForExit(seconds: seconds) }

    func stop() { process.stop() }

    deinit { stop() }
}
