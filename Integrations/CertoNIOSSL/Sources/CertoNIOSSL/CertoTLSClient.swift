// The client side: one value per server a program talks to. One host string drives both the SNI the
// handshake sends (left out for an IP address, as RFC 6066 §3 requires) and the identity Certo checks
// the server's certificate against; the purpose is always server. The NIOSSLContext is built once
// from the locked configuration, and the only handlers this type makes carry Certo's callback.
import Certo
import NIOCore
import NIOSSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

public struct CertoTLSClient: Sendable {
    /// The server's name or IP address, as given (brackets of "[::1]" removed).
    public let host: String
    /// The SNI the handshake sends: `host`, or nil when `host` is an IP address.
    public let serverName: String?
    /// Certo's verifier for this server: the caller's policy with `host` and purpose `.server`.
    public let verifier: Verifier
    /// What the NIOSSLContext was built from: the caller's settings with verification locked to
    /// Certo. Used on its own (a plain NIOSSLClientHandler), it refuses every server.
    public let configuration: TLSConfiguration
    let context: NIOSSLContext

    /// - Parameters:
    ///   - host: the DNS name or IP address the server must prove; sent as SNI when it is a name.
    ///   - trustStore: the anchors Certo builds paths to (for AWS IoT: Amazon Root CA 1 and 3).
    ///   - policy: time, profile, revocation and the rest; its `host` and `purpose` are replaced.
    ///   - configuration: a device's own certificate and key, ALPN, versions, ciphers. Its verification
    ///     settings are replaced (see `LockedConfiguration`), whatever they were.
    public init(host: String, trustStore: TrustStore, policy: Policy = Policy(),
                configuration: TLSConfiguration = .makeClientConfiguration()) throws {
        try self.init(host: host, verifier: Verifier(trustStore: trustStore, policy: policy), configuration: configuration)
    }

    /// As `init(host:trustStore:policy:configuration:)` with a Verifier of the caller's (its caches,
    /// CRLs, OCSP responses or revocation fetcher); its policy's host and purpose are replaced.
    public init(host: String, verifier: Verifier, configuration: TLSConfiguration = .makeClientConfiguration()) throws {
        let name = HostName(host)
        guard name.isValid else { throw CertoTLSSetupError.invalidHost(host) }
        self.host = name.text
        serverName = name.isIPAddress ? nil : name.text
        var verifier = verifier
        verifier.policy.host = name.text
        verifier.policy.purpose = .server
        self.verifier = verifier
        self.configuration = LockedConfiguration.lock(configuration)
        precondition(LockedConfiguration.isLocked(self.configuration), "CertoTLSClient: verification settings not locked")
        context = try NIOSSLContext(configuration: self.configuration)
    }

    /// NIO's TLS handler with Certo's callback, and the verdict handler it reports to, for one new
    /// connection. Add them in this order, next to the network; `ChannelPipeline.SynchronousOperations
    /// .addCertoTLSClientHandlers(_:)` does.
    public func makeHandlers(on eventLoop: any EventLoop) throws -> (tls: NIOSSLClientHandler, verdict: CertoVerdictHandler) {
        let verdict = CertoVerdictHandler(eventLoop: eventLoop)
        let tls = try NIOSSLClientHandler(
            context: context, serverHostname: serverName,
            customVerificationCallbackWithMetadata: PeerVerification(verifier: verifier).callback(reportingTo: verdict))
        return (tls, verdict)
    }
}

/// A host as the caller wrote it, classified: IP literals get no SNI (RFC 6066 §3).
struct HostName {
    let text: String
    let isIPAddress: Bool

    init(_ host: String) {
        var text = host
        if text.hasPrefix("[") && text.hasSuffix("]") && text.count >= 2 { text = String(text.dropFirst().dropLast()) }
        self.text = text
        isIPAddress = HostName.isIPAddress(text)
    }

    var isValid: Bool {
        !text.isEmpty && text.utf8.count <= 253 && !text.utf8.contains(0)
    }

    static func isIPAddress(_ text: String) -> Bool {
        var v4 = in_addr()
        var v6 = in6_addr()
        return text.withCString { inet_pton(AF_INET, $0, &v4) == 1 || inet_pton(AF_INET6, $0, &v6) == 1 }
    }
}
