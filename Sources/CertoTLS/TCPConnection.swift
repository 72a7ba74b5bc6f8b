// A blocking-style TCP client over Glibc sockets with deadlines: getaddrinfo (IPv4 and IPv6, tried
// in the resolver's order), non-blocking connect finished by poll, and reads and writes that poll
// until a monotonic deadline. Name resolution itself is not bounded by the deadline (getaddrinfo
// has no timeout); everything after it is.
#if canImport(Glibc)
import Glibc
#endif

/// A point on the monotonic clock after which waiting stops.
struct Deadline {
    let seconds: Double
    let end: Double

    init(secondsFromNow seconds: Double) {
        self.seconds = seconds
        end = Deadline.now() + seconds
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Milliseconds left for poll, 0 once the deadline has passed.
    var remainingMilliseconds: Int32 {
        let left = (end - Deadline.now()) * 1000
        if left <= 0 { return 0 }
        return Int32(min(left.rounded(.up), Double(Int32.max)))
    }
}

final class TCPConnection {
    private var descriptor: Int32
    /// "127.0.0.1:443" or "[::1]:443".
    let peerAddress: String

    /// Wraps a connected stream socket. Internal, not private: the fuzz harness (Fuzz/) hands the
    /// handshake one end of a socketpair holding the server's bytes.
    init(descriptor: Int32, peerAddress: String) {
        self.descriptor = descriptor
        self.peerAddress = peerAddress
    }

    deinit { close() }

    /// Resolves `host` and connects to the first address that accepts within `timeout` seconds in total.
    static func connect(host: String, port: UInt16, timeout: Double) throws -> TCPConnection {
        guard !host.isEmpty, !host.utf8.contains(0) else { throw TLSError.invalidHost(host) }
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        hints.ai_flags = AI_NUMERICSERV
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, String(port), &hints, &list)
        guard status == 0, let first = list else {
            let reason = status == EAI_SYSTEM ? String(cString: strerror(errno)) : String(cString: gai_strerror(status))
            throw TLSError.dnsFailure(host: host, reason: reason)
        }
        defer { freeaddrinfo(list) }
        let deadline = Deadline(secondsFromNow: timeout)
        var lastError = TLSError.dnsFailure(host: host, reason: "no usable address")
        var entry: UnsafeMutablePointer<addrinfo>? = first
        while let current = entry {
            entry = current.pointee.ai_next
            let family = current.pointee.ai_family
            guard family == AF_INET || family == AF_INET6, let address = current.pointee.ai_addr else { continue }
            let text = describe(address: address, family: family, port: port)
            do {
                let fd = try connectOne(current.pointee, text: text, deadline: deadline)
                return TCPConnection(descriptor: fd, peerAddress: text)
            } catch let error as TLSError {
                lastError = error
                if case .connectTimeout = error { break }
            }
        }
        throw lastError
    }

    private static func connectOne(_ info: addrinfo, text: String, deadline: Deadline) throws -> Int32 {
        let fd = socket(info.ai_family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), info.ai_protocol)
        guard fd >= 0 else {
            throw TLSError.socketError(call: "socket", errno: errno, reason: String(cString: strerror(errno)))
        }
        var keep = false
        defer { if !keep { Glibc.close(fd) } }
        let flags = fcntl(fd, F_GETFL, 0)
        guard flags >= 0, fcntl(fd, F_SETFL, flags | O_NONBLOCK) == 0 else {
            throw TLSError.socketError(call: "fcntl", errno: errno, reason: String(cString: strerror(errno)))
        }
        var result = Glibc.connect(fd, info.ai_addr, info.ai_addrlen)
        var code = result == 0 ? 0 : errno
        if result != 0 && (code == EINPROGRESS || code == EINTR) {
            var pollDescriptor = pollfd(fd: fd, events: Int16(POLLOUT), revents: 0)
            repeat {
                result = poll(&pollDescriptor, 1, deadline.remainingMilliseconds)
            } while result < 0 && errno == EINTR
            if result == 0 { throw TLSError.connectTimeout(address: text, seconds: deadline.seconds) }
            var socketError: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &socketError, &length)
            code = socketError
        }
        switch code {
        case 0:
            keep = true
            return fd
        case ECONNREFUSED:
            throw TLSError.connectionRefused(address: text)
        case ENETUNREACH, EHOSTUNREACH, EADDRNOTAVAIL, ENETDOWN:
            throw TLSError.unreachable(address: text, reason: String(cString: strerror(code)))
        case ETIMEDOUT:
            throw TLSError.connectTimeout(address: text, seconds: deadline.seconds)
        default:
            throw TLSError.socketError(call: "connect to \(text)", errno: code, reason: String(cString: strerror(code)))
        }
    }

    private static func describe(address: UnsafeMutablePointer<sockaddr>, family: Int32, port: UInt16) -> String {
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        if family == AF_INET {
            address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { sin in
                var addr = sin.pointee.sin_addr
                _ = inet_ntop(AF_INET, &addr, &buffer, socklen_t(buffer.count))
            }
            return "\(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)):\(port)"
        }
        address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { sin6 in
            var addr = sin6.pointee.sin6_addr
            _ = inet_ntop(AF_INET6, &addr, &buffer, socklen_t(buffer.count))
        }
        return "[\(String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))]:\(port)"
    }

    /// Writes all of `bytes` before the deadline (MSG_NOSIGNAL: a closed peer is an error, not SIGPIPE).
    func send(_ bytes: [UInt8], deadline: Deadline, stage: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
            }
            if written > 0 {
                offset += written
                continue
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                try waitFor(Int16(POLLOUT), deadline: deadline, stage: stage)
                continue
            }
            if code == EPIPE || code == ECONNRESET { throw TLSError.connectionClosed(stage: stage) }
            throw TLSError.socketError(call: "send", errno: code, reason: String(cString: strerror(code)))
        }
    }

    /// Reads up to `maximum` bytes; an empty result means the peer closed the connection.
    func receive(maximum: Int, deadline: Deadline, stage: String) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: maximum)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.recv(descriptor, $0.baseAddress, maximum, 0) }
            if count >= 0 {
                buffer.removeSubrange(count...)
                return buffer
            }
            let code = errno
            if code == EINTR { continue }
            if code == EAGAIN || code == EWOULDBLOCK {
                try waitFor(Int16(POLLIN), deadline: deadline, stage: stage)
                continue
            }
            if code == ECONNRESET { throw TLSError.connectionClosed(stage: stage) }
            throw TLSError.socketError(call: "recv", errno: code, reason: String(cString: strerror(code)))
        }
    }

    private func waitFor(_ events: Int16, deadline: Deadline, stage: String) throws {
        var pollDescriptor = pollfd(fd: descriptor, events: events, revents: 0)
        while true {
            let ready = poll(&pollDescriptor, 1, deadline.remainingMilliseconds)
            if ready > 0 { return }
            if ready == 0 { throw TLSError.readTimeout(stage: stage, seconds: deadline.seconds) }
            if errno != EINTR {
                throw TLSError.socketError(call: "poll", errno: errno, reason: String(cString: strerror(errno)))
            }
        }
    }

    /// Half-closes for writing, then closes; safe to call twice.
    func close() {
        guard descriptor >= 0 else { return }
        shutdown(descriptor, Int32(SHUT_WR))
        Glibc.close(descriptor)
        descriptor = -1
    }
}
