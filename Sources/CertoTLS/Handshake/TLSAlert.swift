// TLS alert descriptions by their RFC 8446 §6 names (plus the RFC 5246 ones marked _RESERVED there),
// so a refused handshake reports "handshake_failure" rather than a number. Unknown codes keep their
// number: an alert we have never heard of is still reported exactly.

/// One alert received from (or sent to) the peer.
public struct TLSAlert: Equatable, Sendable, CustomStringConvertible {
    /// 1 = warning, 2 = fatal (RFC 5246 §7.2; TLS 1.3 ignores the level for all but close_notify/user_canceled).
    public let level: UInt8
    public let code: UInt8

    public init(level: UInt8, code: UInt8) {
        self.level = level
        self.code = code
    }

    public static let closeNotifyCode: UInt8 = 0
    public static let userCanceledCode: UInt8 = 90

    /// The RFC 8446 §6 name, or "unknown_alert_N".
    public var name: String { TLSAlert.name(of: code) }

    public var description: String {
        let levelName = level == 1 ? "warning" : (level == 2 ? "fatal" : "level \(level)")
        return "\(name) (\(code), \(levelName))"
    }

    public static func name(of code: UInt8) -> String {
        switch code {
        case 0: return "close_notify"
        case 10: return "unexpected_message"
        case 20: return "bad_record_mac"
        case 21: return "decryption_failed"
        case 22: return "record_overflow"
        case 30: return "decompression_failure"
        case 40: return "handshake_failure"
        case 41: return "no_certificate"
        case 42: return "bad_certificate"
        case 43: return "unsupported_certificate"
        case 44: return "certificate_revoked"
        case 45: return "certificate_expired"
        case 46: return "certificate_unknown"
        case 47: return "illegal_parameter"
        case 48: return "unknown_ca"
        case 49: return "access_denied"
        case 50: return "decode_error"
        case 51: return "decrypt_error"
        case 60: return "export_restriction"
        case 70: return "protocol_version"
        case 71: return "insufficient_security"
        case 80: return "internal_error"
        case 86: return "inappropriate_fallback"
        case 90: return "user_canceled"
        case 100: return "no_renegotiation"
        case 109: return "missing_extension"
        case 110: return "unsupported_extension"
        case 111: return "certificate_unobtainable"
        case 112: return "unrecognized_name"
        case 113: return "bad_certificate_status_response"
        case 114: return "bad_certificate_hash_value"
        case 115: return "unknown_psk_identity"
        case 116: return "certificate_required"
        case 120: return "no_application_protocol"
        default: return "unknown_alert_\(code)"
        }
    }
}
