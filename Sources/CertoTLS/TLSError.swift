// Every way reading a server's chain can fail, as one closed enum: the CLI maps each case to one
// line and a non-zero exit. Network failures name the address; protocol failures name the
// handshake stage and, for malformed input, what was wrong and where.

public enum TLSError: Error, Equatable, Sendable, CustomStringConvertible {
    // Name resolution and TCP.
    case invalidHost(String)
    case dnsFailure(host: String, reason: String)
    case connectionRefused(address: String)
    case unreachable(address: String, reason: String)
    case connectTimeout(address: String, seconds: Double)
    case readTimeout(stage: String, seconds: Double)
    case connectionClosed(stage: String)
    case socketError(call: String, errno: Int32, reason: String)

    // The peer is not speaking TLS, or speaks it badly.
    case notTLS(firstBytes: [UInt8])
    case alert(TLSAlert, stage: String)
    case recordOverflow(length: Int, limit: Int)
    case malformedRecord(reason: String)
    case malformedHandshake(message: String, reason: String)
    case unexpectedMessage(expected: String, received: String)
    case handshakeTooLarge(limit: Int)
    /// More record bytes (headers, fragments, alerts, ChangeCipherSpec, padding) than the limit.
    case tooMuchData(limit: Int)
    case unsupportedVersion(String)
    case unsupportedCipherSuite(UInt16)
    case unsupportedGroup(requested: UInt16)
    case illegalParameter(String)
    case decryptionFailed(stage: String)
    case sessionResumed
    case emptyChain
    /// A stapled OCSP response (RFC 6066 CertificateStatus) longer than CertificateStatus.maximumResponseLength.
    case ocspResponseTooLarge(length: Int, limit: Int)
    case notImplemented(String)

    public var description: String {
        switch self {
        case .invalidHost(let host):
            return "invalid host \"\(host)\""
        case .dnsFailure(let host, let reason):
            return "cannot resolve \(host): \(reason)"
        case .connectionRefused(let address):
            return "connection refused by \(address)"
        case .unreachable(let address, let reason):
            return "\(address) unreachable: \(reason)"
        case .connectTimeout(let address, let seconds):
            return "connect to \(address) timed out after \(formatSeconds(seconds)) s"
        case .readTimeout(let stage, let seconds):
            return "timed out after \(formatSeconds(seconds)) s waiting for \(stage)"
        case .connectionClosed(let stage):
            return "server closed the connection while waiting for \(stage)"
        case .socketError(let call, let errno, let reason):
            return "\(call) failed: \(reason) (errno \(errno))"
        case .notTLS(let firstBytes):
            return "server does not speak TLS (first bytes: \(hexPreview(firstBytes)))"
        case .alert(let alert, let stage):
            return "server sent TLS alert \(alert.name) (\(alert.code)) during \(stage)"
        case .recordOverflow(let length, let limit):
            return "TLS record of \(length) bytes exceeds the limit of \(limit)"
        case .malformedRecord(let reason):
            return "malformed TLS record: \(reason)"
        case .malformedHandshake(let message, let reason):
            return "malformed \(message): \(reason)"
        case .unexpectedMessage(let expected, let received):
            return "unexpected handshake message: expected \(expected), received \(received)"
        case .handshakeTooLarge(let limit):
            return "server handshake exceeds \(limit) bytes up to its Certificate and CertificateStatus messages"
        case .tooMuchData(let limit):
            return "server sent more than \(limit) bytes of TLS records up to its Certificate and CertificateStatus messages"
        case .unsupportedVersion(let detail):
            return "unsupported TLS version: \(detail)"
        case .unsupportedCipherSuite(let suite):
            return "server chose cipher suite \(CipherSuite.name(of: suite)), which Certo cannot decrypt"
        case .unsupportedGroup(let group):
            return "server asked for key-exchange group \(NamedGroup.name(of: group)); Certo implements only x25519"
        case .illegalParameter(let detail):
            return "server sent an illegal parameter: \(detail)"
        case .decryptionFailed(let stage):
            return "could not decrypt the server's \(stage) (bad_record_mac)"
        case .sessionResumed:
            return "server resumed a session, so it sent no certificate"
        case .emptyChain:
            return "server sent an empty certificate chain"
        case .ocspResponseTooLarge(let length, let limit):
            return "stapled OCSP response of \(length) bytes exceeds the limit of \(limit)"
        case .notImplemented(let what):
            return "not implemented: \(what)"
        }
    }
}

func formatSeconds(_ seconds: Double) -> String {
    if seconds == seconds.rounded() && abs(seconds) < 1e9 { return String(Int(seconds)) }
    return String(seconds)
}

/// Hex of at most the first 16 bytes, with printable ASCII shown when the peer looks textual (HTTP, SSH banners).
func hexPreview(_ bytes: [UInt8]) -> String {
    let head = bytes.prefix(16)
    var hex = ""
    for byte in head {
        let digits = String(byte, radix: 16)
        hex += digits.count == 1 ? "0" + digits : digits
    }
    let printable = head.allSatisfy { ($0 >= 0x20 && $0 < 0x7f) || $0 == 0x0a || $0 == 0x0d }
    if printable && !head.isEmpty {
        let text = String(decoding: head.filter { $0 >= 0x20 && $0 < 0x7f }, as: UTF8.self)
        return "\(hex) \"\(text)\""
    }
    return hex
}
