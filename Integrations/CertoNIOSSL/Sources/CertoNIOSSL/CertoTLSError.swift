// What a connection learns about its peer: the verdict event fired down the pipeline and the errors
// that fail a connection's verdict future. A refusal carries Certo's VerificationError unchanged, so
// the application sees the same depth, subject and reason case as `certo verify` would print.
import Certo
import NIOSSL

/// Why a connection set up by CertoNIOSSL did not end in a verified handshake.
public enum CertoTLSError: Error, Sendable, CustomStringConvertible {
    /// Certo refused the chain the peer presented: the handshake was aborted with an alert and no
    /// application data was sent.
    case refused(VerificationError)
    /// The peer presented no certificate, or one BoringSSL could not hand over as DER: there was
    /// nothing for Certo to verify, so the handshake was aborted.
    case noPeerCertificate
    /// The handshake completed without Certo having judged the chain it used (a resumed session or a
    /// pre-shared key, where no certificate is presented): the connection is closed, never used.
    case completedWithoutVerification
    /// The TLS handshake failed for a reason of its own after (or without) Certo's verdict: the
    /// peer's alert, a protocol error, a signature over the handshake that does not verify.
    case handshakeFailed(any Error)
    /// The channel closed before the handshake completed, with no error reported.
    case closedBeforeHandshake

    /// Certo's error when Certo refused the chain; nil for every other failure.
    public var verificationError: VerificationError? {
        if case .refused(let error) = self { return error }
        return nil
    }

    public var description: String {
        switch self {
        case .refused(let error): return "Certo refused the peer's certificate chain: \(error)"
        case .noPeerCertificate: return "the peer presented no certificate to verify"
        case .completedWithoutVerification: return "the handshake completed without a certificate chain verified by Certo"
        case .handshakeFailed(let error): return "TLS handshake failed: \(error)"
        case .closedBeforeHandshake: return "the connection closed before the TLS handshake completed"
        }
    }
}

/// Fired down the pipeline (`userInboundEventTriggered`) by CertoVerdictHandler, once per connection:
/// `.verified` just before NIO's `TLSUserEvent.handshakeCompleted`, `.refused` when the handshake is
/// given up (before the error is passed on).
public enum CertoVerificationEvent: Sendable {
    case verified(VerifiedChain)
    case refused(CertoTLSError)
}

/// A CertoTLSClient or CertoTLSServer that cannot be built as asked.
public enum CertoTLSSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The host is empty, has a NUL byte or is longer than 253 bytes (a DNS name's limit).
    case invalidHost(String)

    public var description: String {
        switch self {
        case .invalidHost(let host): return "invalid host \"\(host)\": expected a DNS name or an IP address"
        }
    }
}
