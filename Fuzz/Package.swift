// swift-tools-version:6.1
// Certo's libFuzzer targets, one executable per entry point that takes bytes from outside. A package of
// its own so that the root package, its products and `swift test` never see the sanitizer flags; build
// and run them with run.sh, which passes -sanitize=fuzzer,address and -enable-testing (the targets use
// @testable import to reach internal parsers and both ECDSA multiplication paths).
import PackageDescription

/// Each fuzz target and the Certo libraries it calls.
let fuzzers: [(name: String, libraries: [String])] = [
    ("FuzzPEM", ["CertoDER", "CertoX509", "CertoSignature"]),
    ("FuzzCertificate", ["Certo", "CertoX509", "CertoSignature"]),
    ("FuzzPublicKey", ["CertoX509", "CertoSignature", "CertoBigInt", "CertoHash"]),
    ("FuzzECDSA", ["CertoSignature", "CertoHash"]),
    ("FuzzRSA", ["CertoSignature", "CertoHash"]),
    ("FuzzExtensions", ["CertoX509", "CertoDER"]),
    ("FuzzPathBuilding", ["Certo", "CertoX509"]),
    ("FuzzTLS", ["CertoTLS", "CertoHash"]),
    ("FuzzSigVerify", ["CertoSignatureRequests"]),
    ("FuzzCRL", ["Certo", "CertoX509"]),
    ("FuzzOCSP", ["CertoX509", "CertoDER"]),
]

let package = Package(
    name: "CertoFuzz",
    dependencies: [
        .package(name: "Certo", path: ".."),
        // The independent DER reader the extensions target checks CertoDER's scanner against.
        .package(url: "https://github.com/apple/swift-asn1.git", exact: "1.7.4"),
    ],
    targets: [
        .target(name: "CLibFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CLibFuzzer", .product(name: "CertoX509", package: "Certo")]),
    ] + fuzzers.map { fuzzer in
        .executableTarget(
            name: fuzzer.name,
            dependencies: ["FuzzSupport"] + fuzzer.libraries.map { .product(name: $0, package: "Certo") }
                + (fuzzer.name == "FuzzExtensions" ? [.product(name: "SwiftASN1", package: "swift-asn1")] : []))
    },
    swiftLanguageModes: [.v6]
)
