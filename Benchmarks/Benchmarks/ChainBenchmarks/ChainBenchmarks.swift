// Placeholder: this area's benchmarks land with its issue.
import Benchmark

let benchmarks: @Sendable () -> Void = {}
