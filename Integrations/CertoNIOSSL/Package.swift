// swift-tools-version:6.1
// CertoNIOSSL: Certo as the certificate verifier of swift-nio-ssl connections, in a package of its own
// so that the root package's build never compiles BoringSSL (ARCHITECTURE.md: integrations that need
// a peer's TLS stack live under Integrations/). BoringSSL does the TLS; Certo decides every peer.
//   CertoNIOSSL          the library: CertoTLSClient / CertoTLSServer and the per-connection verdict
//   MQTTPackets          the few MQTT 3.1.1 packets a device sends (CONNECT, PUBLISH, DISCONNECT) and CONNACK
//   certo-mqtt-example   connect, verify, print the chain, CONNECT, PUBLISH one message, DISCONNECT
import PackageDescription

let package = Package(
    name: "CertoNIOSSL",
    products: [
        .library(name: "CertoNIOSSL", targets: ["CertoNIOSSL"]),
        .executable(name: "certo-mqtt-example", targets: ["certo-mqtt-example"]),
    ],
    dependencies: [
        .package(name: "Certo", path: "../.."),
        .package(url: "https://github.com/apple/swift-nio.git", exact: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", exact: "2.37.6"),
    ],
    targets: [
        .target(
            name: "CertoNIOSSL",
            dependencies: [
                .product(name: "Certo", package: "Certo"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .target(name: "MQTTPackets"),
        .executableTarget(
            name: "certo-mqtt-example",
            dependencies: [
                "CertoNIOSSL", "MQTTPackets",
                .product(name: "Certo", package: "Certo"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        .testTarget(
            name: "CertoNIOSSLTests",
            dependencies: [
                "CertoNIOSSL", "MQTTPackets",
                .product(name: "Certo", package: "Certo"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOTLS", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
