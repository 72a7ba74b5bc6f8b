// Takes the caller's TLSConfiguration (certificates, keys, ALPN, ciphers, versions) and overwrites every
// field that decides whether a peer is trusted, so no setting the caller left in it can open the
// connection: a peer certificate is required (which is also what makes swift-nio-ssl call the custom
// verification callback: it skips the callback only under `.none`), BoringSSL's own trust roots are
// empty (used without Certo's callback, the configuration refuses every peer instead of trusting the
// system store), and the paths that bypass certificates are closed.
import NIOSSL

enum LockedConfiguration {
    static func lock(_ base: TLSConfiguration) -> TLSConfiguration {
        var configuration = base
        // SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT on both sides. Not `.fullVerification`:
        // NIO's own host-name check would run beside Certo's and could disagree with it.
        configuration.certificateVerification = .noHostnameVerification
        configuration.trustRoots = .certificates([])
        configuration.additionalTrustRoots = []
        configuration.sendCANameList = false
        // Pre-shared keys authenticate without certificates, so Certo would never be asked.
        configuration.pskClientProvider = nil
        configuration.pskServerProvider = nil
        configuration.pskHint = nil
        // swift-nio-ssl keeps the first verdict of a connection for the rest of it: a renegotiation
        // could present another certificate and be let through on the first one's verdict.
        configuration.renegotiationSupport = .none
        switch configuration.minimumTLSVersion {
        case .tlsv1, .tlsv11: configuration.minimumTLSVersion = .tlsv12
        case .tlsv12, .tlsv13: break
        }
        return configuration
    }

    /// True when `configuration` is as `lock` leaves it (checked again before each connection's handler
    /// is made, so a later change to this file cannot slip through unnoticed).
    static func isLocked(_ configuration: TLSConfiguration) -> Bool {
        guard case .noHostnameVerification = configuration.certificateVerification,
              configuration.trustRoots == .certificates([]), configuration.additionalTrustRoots.isEmpty,
              configuration.pskClientProvider == nil, configuration.pskServerProvider == nil,
              case .none = configuration.renegotiationSupport else { return false }
        return true
    }
}
