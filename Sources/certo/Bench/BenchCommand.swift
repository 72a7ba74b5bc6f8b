// `certo bench`: in-process throughput of Certo's hot operations, as ops/s (and bytes/s for hashes).
// Each area registers its cases in its own Bench*.swift file; this file only runs and prints them.
// Time is the benchmarking thread's CPU time (as `openssl speed` divides by user CPU time), and the
// figure is the median over many short batches, so load from other processes moves it little.
// It is not a statistical study (the Benchmarks package is that).
import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// A named benchmark: `prepare` does the untimed set-up and returns the operation to time.
struct BenchCase {
    let name: String
    /// Bytes processed per operation, for hashes; nil otherwise.
    let bytesPerOp: Int?
    let prepare: () throws -> () -> Void
}

enum BenchRegistry {
    static var all: [BenchCase] { hashCases + rsaCases + ecdsaCases + x509Cases + chainCases + revocationCases + poolCases }
}

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Certo's operations per second."
    )

    @Flag(help: "Print a JSON array of {name, ops_per_sec[, bytes_per_sec]}.")
    var json = false

    @Option(help: "CPU seconds to run each benchmark.")
    var seconds: Double = 1.0

    @Argument(help: "Benchmark names (default: all).")
    var names: [String] = []

    func validate() throws {
        guard seconds.isFinite, seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be in (0, 600]") }
        let known = BenchRegistry.all.map(\.name)
        for name in names where !known.contains(name) {
            throw ValidationError("unknown benchmark '\(name)'; known: \(known.joined(separator: ", "))")
        }
    }

    func run() throws {
        let selected = names.isEmpty ? BenchRegistry.all : BenchRegistry.all.filter { names.contains($0.name) }
        let nameWidth = BenchRegistry.all.map(\.name.count).max() ?? 16
        var rows: [String] = []
        for bench in selected {
            let op: () -> Void
            do {
                op = try bench.prepare()
            } catch {
                printError("certo bench: \(bench.name): set-up failed: \(error)")
                throw ExitCode(1)
            }
            let opsPerSecond = measure(op, seconds: seconds)
            if json {
                var row = "{\"name\": \"\(bench.name)\", \"ops_per_sec\": \(decimal(opsPerSecond))"
                if let bytes = bench.bytesPerOp {
                    row += ", \"bytes_per_sec\": \(decimal(opsPerSecond * Double(bytes)))"
                }
                rows.append(row + "}")
            } else {
                var line = "\(padded(bench.name, nameWidth)) \(padded(decimal(opsPerSecond), 14, left: true)) ops/s"
                if let bytes = bench.bytesPerOp {
                    line += "  \(padded(decimal(opsPerSecond * Double(bytes) / 1e6), 10, left: true)) MB/s"
                }
                print(line)
            }
        }
        if json { print("[" + rows.joined(separator: ",\n ") + "]") }
    }
}

/// CPU seconds used by this thread: time spent waiting for a core under load is not counted.
private func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Operations per second of `op`: a batch size is grown until one batch takes about 1/40 of the
/// budget (at least 2 ms), then batches are timed until `seconds` have passed; the median rate wins.
private func measure(_ op: () -> Void, seconds: Double) -> Double {
    op()  // warm up: first-touch of tables and caches
    let target = max(seconds / 40, 0.002)
    var batch = 1
    while true {
        let start = now()
        for _ in 0..<batch { op() }
        let elapsed = now() - start
        if elapsed >= target || batch >= 1 << 40 { break }
        // Aim straight for the target when the batch is long enough to time, else double.
        batch = elapsed > target / 16 ? Int(Double(batch) * target / elapsed) + 1 : batch * 2
    }
    var rates: [Double] = []
    let deadline = now() + seconds
    repeat {
        let start = now()
        for _ in 0..<batch { op() }
        let elapsed = now() - start
        rates.append(Double(batch) / max(elapsed, 1e-9))
    } while now() < deadline || rates.count < 5
    rates.sort()
    let middle = rates.count / 2
    return rates.count % 2 == 1 ? rates[middle] : (rates[middle - 1] + rates[middle]) / 2
}

/// A plain decimal with one fractional digit (valid JSON; never an exponent).
private func decimal(_ value: Double) -> String {
    guard value.isFinite, value >= 0, value < 1e17 else { return "0.0" }
    let tenths = UInt64((value * 10).rounded())
    return "\(tenths / 10).\(tenths % 10)"
}

private func padded(_ text: String, _ width: Int, left: Bool = false) -> String {
    guard text.count < width else { return text }
    let fill = String(repeating: " ", count: width - text.count)
    return left ? fill + text : text + fill
}
