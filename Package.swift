// swift-tools-version:6.1
// Certo: X.509 chain verification with its own cryptography.
// Layers (each imports only those below it): CertoGMP → CertoBigInt, CertoHash → CertoSignature,
// CertoX509 → Certo → CertoTLS, CertoSignatureRequests → certo. No OpenSSL, BoringSSL or swift-crypto
// in any product target.
import PackageDescription

let package = Package(
    name: "Certo",
    products: [
        .library(name: "Certo", targets: ["Certo"]),
        .library(name: "CertoX509", targets: ["CertoX509"]),
        .library(name: "CertoSignature", targets: ["CertoSignature"]),
        .library(name: "CertoHash", targets: ["CertoHash"]),
        .library(name: "CertoBigInt", targets: ["CertoBigInt"]),
        .library(name: "CertoTLS", targets: ["CertoTLS"]),
        .library(name: "CertoSignatureRequests", targets: ["CertoSignatureRequests"]),
        .executable(name: "certo", targets: ["certo"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-asn1.git", exact: "1.7.4"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", exact: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CertoGMP",
            pkgConfig: "gmp",
            providers: [.apt(["libgmp-dev"])]
        ),
        .target(name: "CertoBigInt", dependencies: ["CertoGMP"]),
        .target(name: "CertoHash"),
        .target(
            name: "CertoSignature",
            dependencies: ["CertoBigInt", "CertoHash", .product(name: "SwiftASN1", package: "swift-asn1")]
        ),
        .target(
            name: "CertoX509",
            dependencies: ["CertoHash", .product(name: "SwiftASN1", package: "swift-asn1")]
        ),
        .target(
            name: "Certo",
            dependencies: ["CertoX509", "CertoSignature", "CertoHash", "CertoBigInt"]
        ),
        .target(name: "CertoTLS", dependencies: ["Certo", "CertoHash"]),
        // The `certo sigverify --jsonl` request protocol, shared by the CLI and its fuzz target.
        .target(name: "CertoSignatureRequests", dependencies: ["Certo", "CertoHash"]),
        .executableTarget(
            name: "certo",
            dependencies: ["Certo", "CertoTLS", "CertoSignatureRequests", "CertoX509", "CertoSignature", "CertoHash",
                           .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // Test-only helper: locates downloaded vector files and fails loudly when one is missing.
        .target(name: "CertoTestSupport", path: "Tests/CertoTestSupport"),
        .testTarget(name: "CertoHashTests", dependencies: ["CertoHash", "CertoTestSupport"]),
        .testTarget(name: "CertoBigIntTests", dependencies: ["CertoBigInt", "CertoTestSupport"]),
        .testTarget(name: "CertoSignatureTests", dependencies: ["CertoSignature", "CertoBigInt", "CertoTestSupport"]),
        .testTarget(name: "CertoX509Tests", dependencies: ["CertoX509", "CertoTestSupport"]),
        .testTarget(name: "CertoTests", dependencies: ["Certo", "CertoTestSupport"]),
        .testTarget(name: "CertoLimboTests", dependencies: ["Certo", "CertoTestSupport"],
                    exclude: ["limbo-expectations.txt"]),
        .testTarget(name: "CertoTLSTests", dependencies: ["CertoTLS", "CertoTestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
