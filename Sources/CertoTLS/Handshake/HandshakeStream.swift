// Turns the server's byte stream into handshake messages: TLS records read with bounded lengths
// (RFC 8446 §5.1/§5.2), optional TLS 1.3 record decryption, alerts decoded by name, and handshake
// messages reassembled across records with a cap on their total size. It reads only what the
// server sends up to its Certificate message (TLS 1.2: and the CertificateStatus after it, when
// negotiated) and never buffers more than one record ahead.
// Caps: a record 2^14 + 256 bytes, a handshake message and all handshake messages together 256 KiB,
// and every record byte received (tiny records, ChangeCipherSpec, TLS 1.3 padding included) 1 MiB.

struct HandshakeMessage {
    let type: UInt8
    let body: [UInt8]
    /// Header and body, as hashed into the transcript.
    var raw: [UInt8] {
        [type, UInt8((body.count >> 16) & 0xff), UInt8((body.count >> 8) & 0xff), UInt8(body.count & 0xff)] + body
    }
}

final class HandshakeStream {
    /// RFC 8446 §5.2: a TLSCiphertext fragment may exceed 2^14 by at most 256 bytes.
    static let maximumRecordLength = (1 << 14) + 256
    /// RFC 8446 §5.1: plaintext fragments (and decrypted inner plaintext) are at most 2^14 bytes.
    static let maximumPlaintextLength = 1 << 14
    /// Total handshake bytes accepted up to the Certificate (and CertificateStatus) message; real
    /// chains are under 20 KiB, stapled OCSP responses under 10 KiB.
    static let maximumHandshakeBytes = 256 * 1024
    /// Total record bytes (headers included) accepted up to the same point: handshake bytes
    /// alone do not bound records that carry none (ChangeCipherSpec) or mostly padding. A 20 KiB chain
    /// sent in 1-byte records is about 120 KiB.
    static let maximumReceivedBytes = 1 << 20

    private let connection: TCPConnection
    private let deadline: Deadline
    private var received: [UInt8] = []
    private var sawRecord = false
    private var pendingHandshake: [UInt8] = []
    private var totalHandshakeBytes = 0
    private var totalRecordBytes = 0
    private var warningAlertsIgnored = 0
    static let maximumWarningAlerts = 4
    /// Set once TLS 1.3 handshake keys exist; from then on handshake data must arrive encrypted.
    var serverProtection: TLS13RecordProtection?
    /// TLS 1.3 only: ChangeCipherSpec records are dropped for middlebox compatibility (RFC 8446 §5).
    var ignoresChangeCipherSpec = false

    init(connection: TCPConnection, deadline: Deadline) {
        self.connection = connection
        self.deadline = deadline
    }

    /// True when no partial handshake message is waiting (keys may only change on a message boundary).
    var isAtMessageBoundary: Bool { pendingHandshake.isEmpty }

    /// The next complete handshake message; `stage` names what is awaited, for timeout and close errors.
    func nextMessage(stage: String) throws -> HandshakeMessage {
        while true {
            if pendingHandshake.count >= 4 {
                let length = Int(pendingHandshake[1]) << 16 | Int(pendingHandshake[2]) << 8 | Int(pendingHandshake[3])
                guard length <= HandshakeStream.maximumHandshakeBytes else {
                    throw TLSError.handshakeTooLarge(limit: HandshakeStream.maximumHandshakeBytes)
                }
                if pendingHandshake.count >= 4 + length {
                    let message = HandshakeMessage(type: pendingHandshake[0], body: Array(pendingHandshake[4..<(4 + length)]))
                    pendingHandshake.removeFirst(4 + length)
                    return message
                }
            }
            try readHandshakeData(stage: stage)
        }
    }

    /// Reads records until some handshake bytes arrive; alerts and illegal records end the handshake.
    private func readHandshakeData(stage: String) throws {
        while true {
            let (header, body) = try readRecord(stage: stage)
            var contentType = header[0]
            var content = body
            if contentType == 23 {
                guard serverProtection != nil else {
                    throw TLSError.unexpectedMessage(expected: stage, received: "application data before the handshake")
                }
                guard let opened = serverProtection!.open(header: header, body: body) else {
                    throw TLSError.decryptionFailed(stage: stage)
                }
                guard opened.content.count <= HandshakeStream.maximumPlaintextLength else {
                    throw TLSError.recordOverflow(length: opened.content.count, limit: HandshakeStream.maximumPlaintextLength)
                }
                contentType = opened.contentType
                content = opened.content
            } else if serverProtection != nil && contentType != 20 && contentType != 21 {
                throw TLSError.unexpectedMessage(expected: "encrypted \(stage)", received: "a plaintext \(contentTypeName(contentType)) record")
            } else if body.count > HandshakeStream.maximumPlaintextLength {
                throw TLSError.recordOverflow(length: body.count, limit: HandshakeStream.maximumPlaintextLength)
            }
            switch contentType {
            case 22:
                guard !content.isEmpty else { throw TLSError.malformedRecord(reason: "empty handshake record") }
                totalHandshakeBytes += content.count
                guard totalHandshakeBytes <= HandshakeStream.maximumHandshakeBytes else {
                    throw TLSError.handshakeTooLarge(limit: HandshakeStream.maximumHandshakeBytes)
                }
                pendingHandshake += content
                return
            case 21:
                guard content.count == 2 else {
                    throw TLSError.malformedRecord(reason: "alert record of \(content.count) bytes (expected 2)")
                }
                let alert = TLSAlert(level: content[0], code: content[1])
                // RFC 5246 §7.2: a warning is not fatal. TLS 1.2 servers send unrecognized_name (112) as a
                // warning and go on; a few are tolerated before encryption starts (TLS 1.3 treats all as fatal).
                if alert.level == 1, alert.code != TLSAlert.closeNotifyCode, serverProtection == nil,
                   warningAlertsIgnored < HandshakeStream.maximumWarningAlerts {
                    warningAlertsIgnored += 1
                    continue
                }
                throw TLSError.alert(alert, stage: stage)
            case 20:
                guard ignoresChangeCipherSpec, content == [1] else {
                    throw TLSError.unexpectedMessage(expected: stage, received: "ChangeCipherSpec")
                }
                continue
            default:
                throw TLSError.unexpectedMessage(expected: stage, received: "a \(contentTypeName(contentType)) record")
            }
        }
    }

    /// One record: the 5-byte header and the fragment. The very first bytes decide whether the peer
    /// speaks TLS at all.
    private func readRecord(stage: String) throws -> (header: [UInt8], body: [UInt8]) {
        try fill(5, stage: stage)
        let header = Array(received[0..<5])
        let length = Int(header[3]) << 8 | Int(header[4])
        guard length <= HandshakeStream.maximumRecordLength else {
            throw TLSError.recordOverflow(length: length, limit: HandshakeStream.maximumRecordLength)
        }
        guard length > 0 || header[0] == 23 else {
            throw TLSError.malformedRecord(reason: "empty \(contentTypeName(header[0])) record")
        }
        totalRecordBytes += 5 + length
        guard totalRecordBytes <= HandshakeStream.maximumReceivedBytes else {
            throw TLSError.tooMuchData(limit: HandshakeStream.maximumReceivedBytes)
        }
        try fill(5 + length, stage: stage)
        let body = Array(received[5..<(5 + length)])
        received.removeFirst(5 + length)
        sawRecord = true
        return (header, body)
    }

    /// Reads until `count` bytes are buffered, checking each record header as soon as it is visible.
    private func fill(_ count: Int, stage: String) throws {
        while received.count < count {
            try checkHeaderPrefix()
            let chunk = try connection.receive(maximum: max(count - received.count, 5), deadline: deadline, stage: stage)
            if chunk.isEmpty {
                if received.isEmpty { throw TLSError.connectionClosed(stage: stage) }
                throw TLSError.malformedRecord(reason: "connection closed inside a record (\(received.count) of \(count) bytes)")
            }
            received += chunk
        }
        try checkHeaderPrefix()
    }

    /// A record starts with a known content type and a 3.x version; before the first record anything
    /// else means the peer is not a TLS server (an HTTP or SSH banner, say).
    private func checkHeaderPrefix() throws {
        guard !received.isEmpty else { return }
        let typeOK = received[0] >= 20 && received[0] <= 23
        let versionOK = received.count < 2 || received[1] == 3
        if typeOK && versionOK { return }
        if !sawRecord { throw TLSError.notTLS(firstBytes: received) }
        throw TLSError.malformedRecord(reason: typeOK
            ? "record version \(received[1]).\(received.count > 2 ? received[2] : 0) is not TLS"
            : "unknown record content type \(received[0])")
    }

    private func contentTypeName(_ type: UInt8) -> String {
        switch type {
        case 20: return "ChangeCipherSpec"
        case 21: return "alert"
        case 22: return "handshake"
        case 23: return "application data"
        default: return "type \(type)"
        }
    }
}
