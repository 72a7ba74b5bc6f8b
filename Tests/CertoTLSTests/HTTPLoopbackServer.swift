// A one-connection HTTP peer on 127.0.0.1 for the HTTPFetcher tests (on LoopbackServers.swift's
// OneConnectionListener): it reads the request (head, then a Content-Length body), keeps it for the
// test to inspect, and then answers with fixed bytes, a byte at a time, or never.
import Foundation
#if canImport(Glibc)
import Glibc
#endif

final class HTTPLoopbackServer: @unchecked Sendable {
    enum Behaviour: Sendable {
        case respond([UInt8])                      // answer, then close
        case respondAndHold([UInt8])               // answer, keep the connection open until stop()
        case trickle(prefix: [UInt8], [UInt8], microseconds: UInt32)  // the prefix at once, then a byte per interval, then close
        case hang                                  // read the request, never answer
        case closeWithoutAnswer
    }

    private var listener: OneConnectionListener?
    private let lock = NSLock()
    private var received: [UInt8] = []
    private let requestRead = DispatchSemaphore(value: 0)

    init(_ behaviour: Behaviour) throws {
        listener = try OneConnectionListener { [weak self] client in self?.serve(behaviour, client) }
    }

    var port: UInt16 { listener!.port }
    var url: String { "http://127.0.0.1:\(port)" }

    /// The request bytes the server read, once it has read them (nil after 10 s).
    func request() -> [UInt8]? {
        guard requestRead.wait(timeout: .now() + 10) == .success else { return nil }
        requestRead.signal()
        lock.lock()
        defer { lock.unlock() }
        return received
    }

    private func serve(_ behaviour: Behaviour, _ client: Int32) {
        let request = readRequest(client)
        lock.lock()
        received = request
        lock.unlock()
        requestRead.signal()
        switch behaviour {
        case .respond(let bytes):
            sendAll(client, bytes)
            shutdown(client, Int32(SHUT_RDWR))
        case .respondAndHold(let bytes):
            sendAll(client, bytes)
            drain(client)
        case .trickle(let prefix, let bytes, let interval):
            sendAll(client, prefix)
            for byte in bytes {
                guard sendAll(client, [byte]) else { break }
                usleep(interval)
            }
            shutdown(client, Int32(SHUT_RDWR))
        case .hang:
            drain(client)
        case .closeWithoutAnswer:
            shutdown(client, Int32(SHUT_RDWR))
        }
    }

    /// The head up to its blank line and as many body bytes as Content-Length says (at most 1 MiB).
    private func readRequest(_ client: Int32) -> [UInt8] {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while bytes.count < 1 << 20 {
            if let end = headEnd(bytes) {
                let head = String(decoding: bytes[..<end], as: UTF8.self).lowercased()
                var length = 0
                for line in head.split(separator: "\r\n") where line.hasPrefix("content-length:") {
                    length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
                }
                if bytes.count >= end + 4 + length { break }
            }
            let count = recv(client, &buffer, buffer.count, 0)
            if count <= 0 { break }
            bytes += buffer[..<count]
        }
        return bytes
    }

    private func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first { bytes[$0] == 13 && bytes[$0 + 1] == 10 && bytes[$0 + 2] == 13 && bytes[$0 + 3] == 10 }
    }

    @discardableResult
    private func sendAll(_ client: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(client, $0.baseAddress! + offset, bytes.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    private func drain(_ client: Int32) {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while recv(client, &buffer, buffer.count, 0) > 0 {}
    }

    func stop() { listener?.stop() }

    deinit { stop() }
}
