// swift-tools-version:6.1
// Certo's benchmarks beside its peers, in the same process and run. A separate package so that the
// product's own build never compiles a peer (swift-crypto, swift-certificates, attaswift/BigInt).
// Run: cd Benchmarks && swift package benchmark   (or ./compare.sh for the table with ratios)
import PackageDescription

/// One benchmark target: Certo's own products it measures, plus the peers beside them.
func benchmarkTarget(_ name: String, certo: [String], peers: [Target.Dependency] = []) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + certo.map { .product(name: $0, package: "Certo") } + peers,
        path: "Benchmarks/\(name)",
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}

let package = Package(
    name: "CertoBenchmarks",
    dependencies: [
        .package(name: "Certo", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark.git", exact: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-crypto.git", exact: "3.12.3"),
        .package(url: "https://github.com/apple/swift-certificates.git", exact: "1.21.1"),
        .package(url: "https://github.com/attaswift/BigInt.git", exact: "6.0.1"),
    ],
    targets: [
        benchmarkTarget("HashBenchmarks", certo: ["CertoHash"], peers: [.product(name: "Crypto", package: "swift-crypto")]),
        benchmarkTarget("BigIntBenchmarks", certo: ["CertoBigInt"], peers: [.product(name: "BigInt", package: "BigInt"), "CertoGMPPeer"]),
        benchmarkTarget("RSABenchmarks", certo: ["CertoSignature", "CertoHash"], peers: [
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        benchmarkTarget("ECDSABenchmarks", certo: ["CertoSignature", "CertoHash"], peers: [.product(name: "Crypto", package: "swift-crypto")]),
        benchmarkTarget("X509Benchmarks", certo: ["CertoX509"], peers: [.product(name: "X509", package: "swift-certificates")]),
        benchmarkTarget("ChainBenchmarks", certo: ["Certo"], peers: [
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        // GMP called directly (mpz_powm), the floor that Certo's wrapper is measured against.
        .systemLibrary(name: "CertoGMPPeer", path: "Sources/CertoGMPPeer", pkgConfig: "gmp"),
    ],
    swiftLanguageModes: [.v6]
)
