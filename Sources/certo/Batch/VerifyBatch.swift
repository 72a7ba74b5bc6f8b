// `certo verify --jsonl FILE|-`: one chain request per line, one answer per line in input order, on
// `--jobs` threads sharing one Verifier (its trust store and caches). Lines are read and answered a
// window at a time, so memory stays bounded whatever the input's length; a malformed or overlong
// line is answered with an error and the batch goes on. Exit 0 when every line was read (whatever
// the verdicts), 1 when the input could not be read to its end.
import Certo
import CertoSignatureRequests
import Dispatch
#if canImport(Glibc)
import Glibc
#endif

struct VerifyBatch {
    let verifier: Verifier
    let jobs: Int

    /// Requests answered per window: enough to keep every thread busy, few enough to bound memory.
    var windowSize: Int { max(64, jobs * 64) }

    func run(source: String) -> Int32 {
        let fd: Int32 = source == "-" ? 0 : open(source, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            printError("certo verify: \(source): \(String(cString: strerror(errno)))")
            return 1
        }
        defer { if fd != 0 { close(fd) } }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT != S_IFDIR else {
            printError("certo verify: \(source): is a directory or cannot be read")
            return 1
        }
        var reader = LineReader(descriptor: fd, maximumLineBytes: InputLimits.chainRequestLineBytes,
                                maximumSkipBytes: InputLimits.overlongLineSkipBytes)
        var lineNumber = 0
        var window: [(number: Int, line: LineReader.Line)] = []
        window.reserveCapacity(windowSize)
        while true {
            let line: LineReader.Line?
            do {
                line = try reader.next()
            } catch {
                answer(window)
                switch error {
                case .read(let reason): printError("certo verify: \(source): line \(lineNumber + 1): \(reason)")
                case .unterminated(let limit):
                    printError("certo verify: \(source): line \(lineNumber + 1): no end of line within \(limit) bytes; batch stopped")
                }
                return 1
            }
            guard let line else {
                answer(window)
                return 0
            }
            lineNumber += 1
            window.append((lineNumber, line))
            if window.count == windowSize {
                answer(window)
                window.removeAll(keepingCapacity: true)
            }
        }
    }

    /// Answers a window on `jobs` threads and prints the answers in order.
    private func answer(_ window: [(number: Int, line: LineReader.Line)]) {
        guard !window.isEmpty else { return }
        let answers = AnswerSlots(count: window.count)
        let verifier = self.verifier
        let perThread = (window.count + jobs - 1) / jobs
        DispatchQueue.concurrentPerform(iterations: min(jobs, window.count)) { thread in
            let start = thread * perThread
            for index in start..<min(start + perThread, window.count) {
                answers.set(index, Self.answer(window[index].line, number: window[index].number, verifier: verifier))
            }
        }
        for index in 0..<window.count { print(answers.get(index)) }
        fflush(nil)
    }

    static func answer(_ line: LineReader.Line, number: Int, verifier: Verifier) -> String {
        let text: String
        switch line {
        case .tooLong(let count):
            return malformed(number, "request line of \(count) bytes is longer than the limit of \(InputLimits.chainRequestLineBytes) bytes")
        case .text(let bytes):
            text = String(decoding: bytes.last == 13 ? bytes.dropLast() : bytes[...], as: UTF8.self)
        }
        let request: ChainBatchRequest
        do {
            request = try ChainBatchRequest(parsing: text)
        } catch {
            return malformed(number, error.message)
        }
        var configured = verifier
        if let profile = request.profile { configured.policy.profile = profile }
        do {
            let chain = try configured.verify(presentedChain: request.chain, host: request.host, time: request.time,
                                              purpose: request.purpose)
            let subjects = chain.links.map { JSONString.quoted($0.certificate.subject.openSSLDescription) }
            return "{\"line\": \(number), \"ok\": true, \"chain\": [\(subjects.joined(separator: ", "))], "
                + "\"validation_time\": \(JSONString.quoted(chain.validationTime.description))}"
        } catch {
            let (code, _) = error.reason.openSSLCode
            return "{\"line\": \(number), \"ok\": false, \"error\": {\"depth\": \(error.depth), "
                + "\"subject\": \(JSONString.quoted(error.subject.openSSLDescription)), "
                + "\"reason\": \(JSONString.quoted(error.reason.name)), \"message\": \(JSONString.quoted(error.reason.message)), "
                + "\"openssl_code\": \(code)}}"
        }
    }

    static func malformed(_ number: Int, _ message: String) -> String {
        "{\"line\": \(number), \"ok\": false, \"error\": {\"reason\": \"malformedRequest\", "
            + "\"message\": \(JSONString.quoted(echoed(message, limit: InputLimits.answerErrorBytes)))}}"
    }
}

/// One answer slot per request of a window, written by the worker threads (each slot by exactly one
/// thread) and read after they have all ended: raw storage, so no two threads touch one array value.
final class AnswerSlots: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<String>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: "", count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: String) { slots[index] = value }
    func get(_ index: Int) -> String { slots[index] }
}
