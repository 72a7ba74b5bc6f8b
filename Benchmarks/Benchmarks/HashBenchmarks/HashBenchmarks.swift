// SHA-1/SHA-2 throughput: Certo beside swift-crypto, same process, same inputs. Names follow
// "<implementation> <op>" so Benchmarks/compare.sh can pair them and print the ratio.
import Benchmark
import CertoHash
import Crypto

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.throughput, .wallClock], maxDuration: .seconds(2))
    for (size, label) in [(1024, "1k"), (16384, "16k")] {
        let input = [UInt8](repeating: 0x5a, count: size)
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
    // 16 KiB only: SHA-512 shares SHA-384's engine; SHA-1 matters only for legacy certificates.
    let input = [UInt8](repeating: 0x5a, count: 16384)
    Benchmark("certo sha512-16k") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(CertoHash.SHA512.hash(data: input)) }
    }
    Benchmark("swift-crypto sha512-16k") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Crypto.SHA512.hash(data: input)) }
    }
    Benchmark("certo sha1-16k") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(CertoHash.Insecure.SHA1.hash(data: input)) }
    }
    Benchmark("swift-crypto sha1-16k") { benchmark in
        for _ in benchmark.scaledIterations { blackHole(Crypto.Insecure.SHA1.hash(data: input)) }
    }
}
