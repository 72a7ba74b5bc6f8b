// Peers on 127.0.0.1 for the fetch tests: `openssl s_server` run as a child process (killed in every
// path by `stop`), and a scripted Swift server on a background thread that answers a ClientHello
// with fixed bytes: garbage, nothing, an immediate close, or a hand-built TLS 1.2 flight. The
// one-connection listener under it is shared with the HTTP tests' server.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

enum LoopbackSockets {
    /// A TCP listener on 127.0.0.1 with an ephemeral port; returns (descriptor, port).
    static func listen(backlog: Int32 = 8) -> (Int32, UInt16)? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return nil }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, Glibc.listen(fd, backlog) == 0 else { close(fd); return nil }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    /// A port nothing listens on right now (bound, then released), from 20000-31999: below the kernel's
    /// ephemeral range (32768 and up), where `listen()` above and every client socket get their ports.
    /// A port handed to s_server could otherwise go to a scripted server's listen() before s_server
    /// binds it, and s_server's readiness probe would take that server's one connection.
    static func freePort() -> UInt16? {
        for _ in 0..<200 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { return nil }
            defer { close(fd) }
            let port = UInt16.random(in: 20000...31999)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            if bound == 0 { return port }
        }
        return nil
    }

    /// True once a TCP connect to 127.0.0.1:port succeeds.
    static func canConnect(port: UInt16, ipv6: Bool = false) -> Bool {
        let fd = socket(ipv6 ? AF_INET6 : AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        if ipv6 {
            var address6 = sockaddr_in6()
            address6.sin6_family = sa_family_t(AF_INET6)
            address6.sin6_port = port.bigEndian
            address6.sin6_addr = in6addr_loopback
            return withUnsafePointer(to: &address6) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
            } == 0
        }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}

struct ServerStartError: Error, CustomStringConvertible {
    let description: String
}

/// `openssl s_server` on 127.0.0.1 with the loopback chain.
final class OpenSSLServer: @unchecked Sendable {
    let process = Process()
    let port: UInt16
    private let input = Pipe()

    init(pki: LoopbackPKI, extraArguments: [String], acceptHost: String = "127.0.0.1") throws {
        guard let port = LoopbackSockets.freePort() else { throw ServerStartError(description: "no free port") }
        self.port = port
        process.executableURL = URL(fileURLWithPath: OpenSSLTool.path)
        process.arguments = ["s_server", "-accept", "\(acceptHost):\(port)", "-cert", pki.leafCertificatePath, "-key", pki.leafKeyPath,
                             "-cert_chain", pki.chainPath, "-quiet"] + extraArguments
        process.standardInput = input  // kept open: s_server reads commands from stdin
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Readiness: poll connect for up to 30 s on a loaded machine (s_server drops the probe connection).
        for _ in 0..<600 {
            // Still running after the probe: the listener is this s_server, not someone else's (a failed bind exits).
            if LoopbackSockets.canConnect(port: port, ipv6: acceptHost != "127.0.0.1") && process.isRunning { return }
            if !process.isRunning { break }
            usleep(50_000)
        }
        stop()
        throw ServerStartError(description: "openssl s_server did not start on port \(port)")
    }

    /// SIGKILL, not terminate(): a child spawned from the test runner can inherit a mask that blocks SIGTERM.
    func stop() {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? input.fileHandleForWriting.close()
    }

    deinit { stop() }
}

/// One connection accepted and served on a background thread. The thread owns both descriptors and
/// closes them itself; stop() only shuts them down (which wakes a blocked accept, recv or send), so a
/// descriptor number is never handed to another test's socket while this thread still uses it.
final class OneConnectionListener: @unchecked Sendable {
    let port: UInt16
    private let listener: Int32
    private let lock = NSLock()
    private var listenerOpen = true
    private var connection: Int32 = -1
    private var stopped = false

    init(serve: @escaping @Sendable (Int32) -> Void) throws {
        guard let (fd, port) = LoopbackSockets.listen() else { throw ServerStartError(description: "cannot listen") }
        listener = fd
        self.port = port
        Thread { [self] in self.run(serve) }.start()
    }

    private func run(_ serve: (Int32) -> Void) {
        let client = accept(listener, nil, nil)
        lock.lock()
        close(listener)
        listenerOpen = false
        let proceed = client >= 0 && !stopped
        if proceed { connection = client } else if client >= 0 { close(client) }
        lock.unlock()
        guard proceed else { return }
        serve(client)
        lock.lock()
        close(client)
        connection = -1
        lock.unlock()
    }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        guard !stopped else { return }
        stopped = true
        if listenerOpen { shutdown(listener, Int32(SHUT_RDWR)) }
        if connection >= 0 { shutdown(connection, Int32(SHUT_RDWR)) }
    }
}

/// A one-connection server that reads the ClientHello and then follows a script.
final class ScriptedServer: @unchecked Sendable {
    enum Behaviour: Sendable {
        case closeImmediately           // accept, then close without reading
        case silent                     // accept, read, never answer
        case reply([UInt8])             // read the ClientHello, send these bytes, keep the connection open
        case replyAndClose([UInt8])     // ... then close
    }

    private let listener: OneConnectionListener
    var port: UInt16 { listener.port }

    init(_ behaviour: Behaviour) throws {
        listener = try OneConnectionListener { client in ScriptedServer.serve(behaviour, client) }
    }

    private static func serve(_ behaviour: Behaviour, _ client: Int32) {
        switch behaviour {
        case .closeImmediately:
            shutdown(client, Int32(SHUT_RDWR))
        case .silent:
            var buffer = [UInt8](repeating: 0, count: 4096)
            while recv(client, &buffer, buffer.count, 0) > 0 {}
        case .reply(let bytes), .replyAndClose(let bytes):
            var buffer = [UInt8](repeating: 0, count: 65536)
            _ = recv(client, &buffer, buffer.count, 0)
            var offset = 0
            while offset < bytes.count {
                let sent = bytes.withUnsafeBytes { send(client, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
                if sent <= 0 { break }
                offset += sent
            }
            if case .replyAndClose = behaviour {
                shutdown(client, Int32(SHUT_RDWR))
            } else {
                while recv(client, &buffer, buffer.count, 0) > 0 {}
            }
        }
    }

    func stop() { listener.stop() }

    deinit { stop() }
}

/// Hand-built TLS 1.2 server messages for the scripted server.
enum TLS12Script {
    static func record(_ type: UInt8, _ fragment: [UInt8]) -> [UInt8] {
        [type, 3, 3, UInt8(fragment.count >> 8), UInt8(fragment.count & 0xff)] + fragment
    }

    static func handshake(_ type: UInt8, _ body: [UInt8]) -> [UInt8] {
        [type, UInt8(body.count >> 16), UInt8((body.count >> 8) & 0xff), UInt8(body.count & 0xff)] + body
    }

    /// ServerHello: TLS 1.2, empty session id, TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, no extensions.
    static var serverHello: [UInt8] {
        handshake(2, [3, 3] + [UInt8](repeating: 0x42, count: 32) + [0, 0xc0, 0x2f, 0])
    }

    static func certificate(_ certificates: [[UInt8]]) -> [UInt8] {
        var list: [UInt8] = []
        for der in certificates {
            list += [UInt8(der.count >> 16), UInt8((der.count >> 8) & 0xff), UInt8(der.count & 0xff)] + der
        }
        return handshake(11, [UInt8(list.count >> 16), UInt8((list.count >> 8) & 0xff), UInt8(list.count & 0xff)] + list)
    }

    /// `bytes` cut into handshake records of at most `size` bytes.
    static func fragmented(_ bytes: [UInt8], size: Int) -> [UInt8] {
        var out: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(offset + size, bytes.count)
            out += record(22, Array(bytes[offset..<end]))
            offset = end
        }
        return out
    }
}
