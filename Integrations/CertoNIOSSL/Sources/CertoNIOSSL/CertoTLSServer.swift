// The server side: TLS with a required client certificate, judged by Certo for purpose client
// (extKeyUsage clientAuth, and the web profile's client rules unless the policy says rfc5280). There is
// no host to check: a client has no name the server dialled. A client that sends no certificate fails
// the handshake (SSL_VERIFY_FAIL_IF_NO_PEER_CERT), so "optional client certificates" cannot happen here.
import Certo
import NIOCore
import NIOSSL

public struct CertoTLSServer: Sendable {
    /// Certo's verifier for clients: the caller's policy with no host and purpose `.client`.
    public let verifier: Verifier
    /// What the NIOSSLContext was built from: the caller's settings with verification locked to Certo.
    public let configuration: TLSConfiguration
    let context: NIOSSLContext

    /// - Parameters:
    ///   - certificateChain, privateKey: the server's own identity.
    ///   - clientTrustStore: the anchors client certificates must chain to.
    ///   - policy: time, profile, revocation; its `host` and `purpose` are replaced.
    public init(certificateChain: [NIOSSLCertificateSource], privateKey: NIOSSLPrivateKeySource,
                clientTrustStore: TrustStore, policy: Policy = Policy()) throws {
        try self.init(configuration: .makeServerConfiguration(certificateChain: certificateChain, privateKey: privateKey),
                      verifier: Verifier(trustStore: clientTrustStore, policy: policy))
    }

    /// From a server TLSConfiguration of the caller's (its chain, key, ALPN, versions) and a Verifier;
    /// the configuration's verification settings and the policy's host and purpose are replaced.
    public init(configuration: TLSConfiguration, verifier: Verifier) throws {
        var verifier = verifier
        verifier.policy.host = nil
        verifier.policy.purpose = .client
        self.verifier = verifier
        self.configuration = LockedConfiguration.lock(configuration)
        precondition(LockedConfiguration.isLocked(self.configuration), "CertoTLSServer: verification settings not locked")
        context = try NIOSSLContext(configuration: self.configuration)
    }

    /// NIO's TLS handler with Certo's callback, and the verdict handler it reports to, for one accepted
    /// connection. Add them in this order, next to the network; `ChannelPipeline.SynchronousOperations
    /// .addCertoTLSServerHandlers(_:)` does.
    public func makeHandlers(on eventLoop: any EventLoop) -> (tls: NIOSSLServerHandler, verdict: CertoVerdictHandler) {
        let verdict = CertoVerdictHandler(eventLoop: eventLoop)
        let tls = NIOSSLServerHandler(
            context: context,
            customVerificationCallbackWithMetadata: PeerVerification(verifier: verifier).callback(reportingTo: verdict))
        return (tls, verdict)
    }
}
