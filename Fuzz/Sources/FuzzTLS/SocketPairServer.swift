// A "server" that has already sent everything: the fuzzed bytes are written into one end of a Unix
// socketpair and that end is shut for writing, so the handshake code reads them through its real
// socket calls and then sees the connection close. Nothing ever waits: every read finds data or EOF.
@testable import CertoTLS
import Glibc

struct SocketPairServer {
    /// The client's side, as the handshake code holds it.
    let connection: TCPConnection
    private let serverDescriptor: Int32

    /// Fails only when the process is out of descriptors. Bytes beyond the socket buffer are dropped
    /// (the server end is non-blocking); run.sh keeps inputs well below it.
    init?(sending bytes: [UInt8]) {
        var descriptors: [Int32] = [-1, -1]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &descriptors) == 0 else { return nil }
        let server = descriptors[0]
        _ = fcntl(server, F_SETFL, fcntl(server, F_GETFL) | O_NONBLOCK)
        // The client side is non-blocking too, as TCPConnection.connect leaves its sockets.
        _ = fcntl(descriptors[1], F_SETFL, fcntl(descriptors[1], F_GETFL) | O_NONBLOCK)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { send(server, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if written <= 0 { break }
            offset += written
        }
        shutdown(server, Int32(SHUT_WR))
        serverDescriptor = server
        connection = TCPConnection(descriptor: descriptors[1], peerAddress: "fuzz")
    }

    /// Closes both ends (TCPConnection's own close is idempotent).
    func close() {
        connection.close()
        Glibc.close(serverDescriptor)
    }
}
