// `certo bench`: in-process throughput of Certo's hot operations, as ops/s (and bytes/s for hashes).
// Each area registers its cases in its own Bench*.swift file; this file only runs and prints them.
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
    static var all: [BenchCase] { hashCases + rsaCases + ecdsaCases + x509Cases + chainCases }
}

struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure Certo's operations per second."
    )

    @Flag(help: "Print a JSON array of {name, ops_per_sec[, bytes_per_sec]}.")
    var json = false

    @Option(help: "Seconds to run each benchmark.")
    var seconds: Double = 1.0

    @Argument(help: "Benchmark names (default: all).")
    var names: [String] = []

    func validate() throws {
        guard seconds > 0, seconds <= 600 else { throw ValidationError("--seconds must be in (0, 600]") }
        let known = Set(BenchRegistry.all.map(\.name))
        for name in names where !known.contains(name) {
            throw ValidationError("unknown benchmark '\(name)'; known: \(BenchRegistry.all.map(\.name).joined(separator: ", "))")
        }
    }

    func run() throws {
        let selected = names.isEmpty ? BenchRegistry.all : BenchRegistry.all.filter { names.contains($0.name) }
        var rows: [String] = []
        for bench in selected {
            let op = try bench.prepare()
            let opsPerSecond = measure(op, seconds: seconds)
            if json {
                var row = "{\"name\": \"\(bench.name)\", \"ops_per_sec\": \(formatted(opsPerSecond))"
                if let bytes = bench.bytesPerOp {
                    row += ", \"bytes_per_sec\": \(formatted(opsPerSecond * Double(bytes)))"
                }
                rows.append(row + "}")
            } else {
                var line = "\(padded(bench.name, 16)) \(formatted(opsPerSecond)) ops/s"
                if let bytes = bench.bytesPerOp {
                    line += "  \(formatted(opsPerSecond * Double(bytes) / 1e6)) MB/s"
                }
                print(line)
            }
        }
        if json { print("[" + rows.joined(separator: ",\n ") + "]") }
    }
}

private func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
}

/// Runs `op` in growing batches until `seconds` have passed; returns operations per second.
private func measure(_ op: () -> Void, seconds: Double) -> Double {
    op()  // warm up
    var batch = 1
    var total = 0
    let start = now()
    var elapsed = 0.0
    while elapsed < seconds {
        for _ in 0..<batch { op() }
        total += batch
        elapsed = now() - start
        if elapsed < seconds / 20 { batch *= 2 }
    }
    return Double(total) / elapsed
}

private func formatted(_ value: Double) -> String {
    let rounded = (value * 10).rounded() / 10
    return String(rounded)
}

private func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}
