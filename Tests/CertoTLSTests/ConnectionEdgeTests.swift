// Connection-level cases on loopback that need special set-up: a connect that cannot complete
// (a listener whose accept queue is full drops new SYNs, so connect times out), IPv6 [::1], and
// the checks done before any socket is opened (SNI names, ALPN lengths, timeouts).
import Foundation
import Testing
@testable import CertoTLS
#if canImport(Glibc)
import Glibc
#endif

@Suite("TLS fetch: connection edge cases")
struct ConnectionEdgeTests {
    @Test("a listener with a full accept queue: connect times out within the deadline")
    func connectTimeout() throws {
        let (listener, port) = try #require(LoopbackSockets.listen(backlog: 0))
        defer { close(listener) }
        // Fill the accept queue (never accepted) with non-blocking connects.
        var fillers: [Int32] = []
        defer { for fd in fillers { close(fd) } }
        for _ in 0..<4 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_NONBLOCK.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            _ = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            fillers.append(fd)
        }
        usleep(100_000)
        do {
            let result = try TLSCertificateFetcher.fetch(TLSFetchRequest(host: "127.0.0.1", port: port, timeout: 1))
            Issue.record("fetched \(result.certificates.count) certificates from a listener that never accepts")
        } catch {
            // The kernel either drops the SYN (connect timeout) or completes the handshake into a
            // queue nobody accepts from (then the ServerHello read times out). Both end in time.
            #expect(error == .connectTimeout(address: "127.0.0.1:\(port)", seconds: 1)
                || error == .readTimeout(stage: "ServerHello", seconds: 1))
        }
    }

    static let ipv6Available: Bool = {
        let fd = socket(AF_INET6, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_addr = in6addr_loopback
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) }
        } == 0
    }()

    @Test("IPv6 loopback [::1]: refused names the bracketed address", .enabled(if: ipv6Available, "no IPv6 loopback here"))
    func ipv6Refused() throws {
        let port = try #require(LoopbackSockets.freePort())
        do {
            _ = try TLSCertificateFetcher.fetch(TLSFetchRequest(host: "::1", port: port, timeout: 15))
            Issue.record("connected to a port nothing listens on")
        } catch {
            #expect(error == .connectionRefused(address: "[::1]:\(port)"))
        }
    }

    @Test("IPv6 loopback [::1]: openssl s_server chain", .enabled(if: ipv6Available, "no IPv6 loopback here"))
    func ipv6Server() throws {
        let pki = try LoopbackPKI.shared.get()
        let server = try OpenSSLServer(pki: pki, extraArguments: ["-tls1_2"], acceptHost: "[::1]")
        defer { server.stop() }
        let result = try TLSCertificateFetcher.fetch(TLSFetchRequest(host: "::1", port: server.port, timeout: 15))
        #expect(result.peerAddress == "[::1]:\(server.port)")
        #expect(result.certificates == [pki.leafDER, pki.intermediateDER, pki.rootDER])
        #expect(result.serverName == nil)  // no SNI for an IP literal (RFC 6066 §3)
    }

    struct BadRequest: Sendable, CustomStringConvertible {
        let name: String
        let request: TLSFetchRequest
        let expected: TLSError
        var description: String { name }
    }

    static let badRequests: [BadRequest] = [
        BadRequest(name: "empty host", request: TLSFetchRequest(host: "", port: 443, timeout: 1), expected: .invalidHost("")),
        BadRequest(name: "SNI with a space", request: TLSFetchRequest(host: "127.0.0.1", serverName: "a b", timeout: 1),
                   expected: .invalidHost("SNI name \"a b\" is not an ASCII DNS name")),
        BadRequest(name: "SNI that is an IP literal", request: TLSFetchRequest(host: "127.0.0.1", serverName: "127.0.0.1", timeout: 1),
                   expected: .invalidHost("SNI name \"127.0.0.1\" is not an ASCII DNS name")),
        BadRequest(name: "empty ALPN protocol", request: TLSFetchRequest(host: "127.0.0.1", alpnProtocols: [""], timeout: 1),
                   expected: .invalidHost("ALPN protocol \"\" must be 1 to 255 bytes")),
        BadRequest(name: "zero timeout", request: TLSFetchRequest(host: "127.0.0.1", timeout: 0),
                   expected: .invalidHost("timeout must be a positive number of seconds")),
    ]

    @Test("requests refused before any socket is opened", arguments: badRequests)
    func badRequest(_ bad: BadRequest) {
        do {
            _ = try TLSCertificateFetcher.fetch(bad.request)
            Issue.record("accepted \(bad.name)")
        } catch {
            #expect(error == bad.expected)
        }
    }
}
