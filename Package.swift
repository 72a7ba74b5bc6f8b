// swift-tools-version:6.1
// Certo: X.509 chain verification with its own cryptography. No OpenSSL, BoringSSL or swift-crypto in
// any product target. Layers, as ../shared/ARCHITECTURE.md's table (a module imports only modules below it,
// and each target below declares exactly the modules its files import: Scripts/check-module-graph.py):
//   1 CertoGMP (libgmp)   2 CertoBigInt, CertoHash, CertoDER (the one DER reader, PEM)
//   3 CertoSignature      4 CertoX509      5 Certo      6 CertoTLS (needs only CertoHash: it hands out DER)
//   7 certo (the CLI), with CertoSignatureRequests (the sigverify request protocol, on Certo) beside it.
import PackageDescription

let package = Package(
    name: "Certo",
    products: [
        .library(name: "Certo", targets: ["Certo"]),
        .library(name: "CertoX509", targets: ["CertoX509"]),
        .library(name: "CertoSignature", targets: ["CertoSignature"]),
        .library(name: "CertoHash", targets: ["CertoHash"]),
        .library(name: "CertoDER", targets: ["CertoDER"]),
        .library(name: "CertoBigInt", targets: ["CertoBigInt"]),
        .library(name: "CertoTLS", targets: ["CertoTLS"]),
        .library(name: "CertoSignatureRequests", targets: ["CertoSignatureRequests"]),
        .executable(name: "certo", targets: ["certo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
        // `swift package generate-documentation --target Certo`: the DocC catalog in Sources/Certo/Certo.docc.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", exact: "1.5.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CertoGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"])]
        ),
        .target(name: "CertoBigInt", dependencies: ["CertoGMP"]),
        .target(name: "CertoHash"),
        .target(name: "CertoDER"),
        .target(
            name: "CertoSignature",
            dependencies: ["CertoBigInt", "CertoDER", "CertoHash"]
        ),
        .target(
            name: "CertoX509",
            dependencies: ["CertoDER", "CertoHash"]
        ),
        .target(
            name: "Certo",
            dependencies: ["CertoDER", "CertoX509", "CertoSignature", "CertoHash", "CertoBigInt"]
        ),
        .target(name: "CertoTLS", dependencies: ["CertoHash"]),
        // The `certo sigverify --jsonl` request protocol, shared by the CLI and its fuzz target.
        .target(name: "CertoSignatureRequests", dependencies: ["Certo", "CertoHash"]),
        .executableTarget(
            name: "certo",
            dependencies: ["Certo", "CertoTLS", "CertoSignatureRequests", "CertoX509", "CertoSignature", "CertoHash", "CertoDER",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Test-only helper: locates downloaded vector files and fails loudly when one is missing.
        .target(name: "CertoTestSupport", path: "Tests/CertoTestSupport"),
        .testTarget(name: "CertoDERTests", dependencies: ["CertoDER"]),
        .testTarget(name: "CertoHashTests", dependencies: ["CertoHash", "CertoTestSupport"]),
        .testTarget(name: "CertoBigIntTests", dependencies: ["CertoBigInt", "CertoTestSupport"]),
        .testTarget(name: "CertoSignatureTests", dependencies: ["CertoSignature", "CertoBigInt", "CertoHash", "CertoTestSupport"]),
        .testTarget(name: "CertoX509Tests", dependencies: ["CertoX509", "CertoHash", "CertoTestSupport"],
                    exclude: ["ocsp-oracle-deviations.txt"]),
        .testTarget(name: "CertoTests", dependencies: ["Certo", "CertoX509", "CertoTestSupport"],
                    exclude: ["show-openssl-deviations.txt"]),
        .testTarget(name: "CertoLimboTests", dependencies: ["Certo", "CertoTestSupport"],
                    exclude: ["limbo-expectations.txt"]),
        .testTarget(name: "CertoTLSTests", dependencies: ["CertoTLS", "Certo", "CertoHash", "CertoTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
