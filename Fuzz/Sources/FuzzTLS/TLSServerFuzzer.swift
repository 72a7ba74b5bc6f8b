// Fuzz target: what a TLS server sends `certo fetch` / `certo check`. Input: a mode byte, a flags byte,
// then the server's side:
// - mode 0: one message body for the parser the flags pick (ServerHello, EncryptedExtensions,
//   Certificate in its TLS 1.2 and 1.3 forms);
// - mode 1: raw bytes through the record layer alone (HandshakeStream), every message handed to its parser;
// - mode 2: raw bytes as the server's whole answer to a full client handshake (HandshakeSession);
// - mode 3: a full handshake against ScriptedServer.swift, which encrypts what follows ServerHello.
// The client's randomness is fixed (FixedClient.swift) and the bytes travel over a socketpair
// (SocketPairServer.swift), so nothing touches the network and nothing waits.
@testable import CertoTLS
import FuzzSupport

@_cdecl("LLVMFuzzerTestOneInput")
public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    var input = FuzzInput(data, size)
    let mode = input.byte() % 4
    let flags = input.byte()
    switch mode {
    case 0:
        parse(type: [2, 8, 11, 11][Int(flags % 4)], body: input.rest(), tls13: flags % 4 == 3)
    case 1:
        guard let server = SocketPairServer(sending: input.rest()) else { return 0 }
        defer { server.close() }
        let stream = HandshakeStream(connection: server.connection, deadline: Deadline(secondsFromNow: 1))
        stream.ignoresChangeCipherSpec = flags & 1 != 0
        for _ in 0..<16 {
            guard let message = try? stream.nextMessage(stage: "fuzz") else { break }
            parse(type: message.type, body: message.body, tls13: flags & 2 != 0)
        }
    default:
        let request = FixedClient.request(flags: flags)
        let bytes = mode == 2 ? input.rest() : ScriptedServer.stream(&input, clientHello: FixedClient.hello(request).encoded())
        guard let server = SocketPairServer(sending: bytes) else { return 0 }
        defer { server.close() }
        var session = FixedClient.session(server.connection, request)
        do {
            let result = try session.run()
            invariant(!result.certificates.isEmpty, "a handshake succeeded without certificates")
            _ = result.versionName + result.cipherSuiteName
        } catch let error as TLSError {
            _ = error.description
        } catch {
            invariant(false, "the handshake threw something other than TLSError: \(error)")
        }
    }
    return 0
}

/// Hands a message body to the parser for its type.
private func parse(type: UInt8, body: [UInt8], tls13: Bool) {
    switch type {
    case 2: _ = try? ServerHello(body: body)
    case 8: _ = try? EncryptedExtensions.parse(body: body)
    case 11:
        _ = tls13 ? try? CertificateMessage.parseTLS13(body: body) : try? CertificateMessage.parseTLS12(body: body)
    default: break
    }
}

@main enum TLSServerFuzzer {
    static func main() { LibFuzzerDriver.run(testOneInput) }
}
