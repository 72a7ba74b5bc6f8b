// SHA-256/384 throughput: Certo beside swift-crypto, same process, same inputs.
import Benchmark
import CertoHash
import Crypto

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.throughput, .wallClock], maxDuration: .seconds(2))
    for size in [1024, 16384] {
        let input = [UInt8](repeating: 0x5a, count: size)
        let label = size == 1024 ? "1k" : "16k"
        Benchmark("certo sha256-\(label)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(CertoHash.SHA256.hash(data: input)) }
        }
        Benchmark("swift-crypto sha256-\(label)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(Crypto.SHA256.hash(data: input)) }
        }
        Benchmark("certo sha384-\(label)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(CertoHash.SHA384.hash(data: input)) }
        }
        Benchmark("swift-crypto sha384-\(label)") { benchmark in
            for _ in benchmark.scaledIterations { blackHole(Crypto.SHA384.hash(data: input)) }
        }
    }
}
