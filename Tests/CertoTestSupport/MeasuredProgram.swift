// Runs a program on hostile input and measures it: its own peak resident memory, whether it had to
// be killed at a deadline (so a test of a hang fails instead of hanging), and what it printed (to
// files: outputs may be large when a test fails). The peak comes from GNU time (`/usr/bin/time -f
// %M`), which forks before it execs the program: a child spawned straight from the test process
// would start with the test process's own peak (Linux keeps the high-water mark of the memory a
// process had before exec, and posix_spawn shares the parent's), so its rusage says nothing. Without
// /usr/bin/time the peak is sampled from /proc/PID/status (VmHWM) while the program runs. Standard input is nothing, a file, or N zero bytes streamed by
// `head -c N /dev/zero` through a pipe, so no test holds its hostile input in memory.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

public struct MeasuredResult: Sendable {
    /// The exit status, or 128 + the signal that ended the program.
    public let status: Int32
    /// Killed at the deadline.
    public let timedOut: Bool
    public let maxRSSBytes: Int
    public let stdout: String
    public let stdoutByteCount: Int
    public let stderr: String

    public var maxRSSMiB: Int { maxRSSBytes >> 20 }
}

public enum MeasuredProgram {
    public enum Input: Sendable {
        case none
        case file(String)
        case zeros(Int)
    }

    public struct SpawnFailure: Error, CustomStringConvertible {
        public let description: String
        public init(description: String) { self.description = description }
    }

    public static func run(_ executable: String, _ arguments: [String], input: Input = .none,
                           timeout: Double = 30) throws -> MeasuredResult {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("certo-measured-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let outPath = scratch.appendingPathComponent("stdout").path
        let errPath = scratch.appendingPathComponent("stderr").path

        var feeder: pid_t = 0
        var stdinFD: Int32
        switch input {
        case .none:
            stdinFD = open("/dev/null", O_RDONLY | O_CLOEXEC)
        case .file(let path):
            stdinFD = open(path, O_RDONLY | O_CLOEXEC)
        case .zeros(let count):
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw SpawnFailure(description: "pipe: \(errno)") }
            // Close-on-exec, so no other child of the test process keeps the pipe open.
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            feeder = try spawn("/usr/bin/head", ["-c", String(count), "/dev/zero"], stdin: -1, stdout: ends[1], stderr: -1)
            close(ends[1])
            stdinFD = ends[0]
        }
        guard stdinFD >= 0 else { throw SpawnFailure(description: "cannot open the input: \(String(cString: strerror(errno)))") }
        let outFD = open(outPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let errFD = open(errPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        let rssPath = scratch.appendingPathComponent("maxrss").path
        let timed = FileManager.default.isExecutableFile(atPath: "/usr/bin/time")
        let child: pid_t
        do {
            child = timed ? try spawn("/usr/bin/time", ["-f", "%M", "-o", rssPath, executable] + arguments,
                                      stdin: stdinFD, stdout: outFD, stderr: errFD)
                          : try spawn(executable, arguments, stdin: stdinFD, stdout: outFD, stderr: errFD)
        } catch {
            close(stdinFD); close(outFD); close(errFD)
            throw error
        }
        close(stdinFD); close(outFD); close(errFD)

        var status: Int32 = 0
        var timedOut = false
        var sampledPeak = 0
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if !timed { sampledPeak = max(sampledPeak, highWaterMark(of: child)) }
            let done = waitpid(child, &status, WNOHANG)
            if done == child { break }
            if done < 0 && errno != EINTR { throw SpawnFailure(description: "waitpid: \(errno)") }
            if Date() > deadline {
                kill(-child, SIGKILL)  // its process group: time and the program it runs
                timedOut = true
                while waitpid(child, &status, 0) < 0 && errno == EINTR {}
                break
            }
            usleep(10_000)
        }
        var peak = sampledPeak
        if timed, let text = try? String(contentsOfFile: rssPath, encoding: .utf8),
           let last = text.split(separator: "\n").last, let kib = Int(last) {
            peak = kib * 1024
        }
        if feeder != 0 {
            // The feeder ends on SIGPIPE once its reader is gone, or at its count.
            kill(feeder, SIGKILL)
            var feederStatus: Int32 = 0
            while waitpid(feeder, &feederStatus, 0) < 0 && errno == EINTR {}
        }
        let exited = status & 0x7f == 0
        let code = exited ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let out = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        let err = (try? Data(contentsOf: URL(fileURLWithPath: errPath))) ?? Data()
        return MeasuredResult(status: code, timedOut: timedOut, maxRSSBytes: peak,
                              stdout: String(decoding: out.prefix(1 << 20), as: UTF8.self), stdoutByteCount: out.count,
                              stderr: String(decoding: err.prefix(1 << 20), as: UTF8.self))
    }

    /// VmHWM of a running process, in bytes (0 once it is gone).
    private static func highWaterMark(of pid: pid_t) -> Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kib = Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return 0 }
        return kib * 1024
    }

    /// posix_spawn in a process group of its own, with the three standard descriptors replaced (-1: inherit).
    private static func spawn(_ executable: String, _ arguments: [String], stdin: Int32, stdout: Int32, stderr: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for (fd, target) in [(stdin, Int32(0)), (stdout, Int32(1)), (stderr, Int32(2))] where fd >= 0 {
            posix_spawn_file_actions_adddup2(&actions, fd, target)
        }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard result == 0 else { throw SpawnFailure(description: "posix_spawn \(executable): \(String(cString: strerror(result)))") }
        return pid
    }
}
