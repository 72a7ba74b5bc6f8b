// OCSP stapling (RFC 6066 §8, RFC 8446 §4.4.2.1) in full handshakes: scripted TLS 1.2 and 1.3 flights
// over a socketpair for every way a staple can be present, absent, unsolicited or malformed, and each
// TLS version against `openssl s_server -status_file` with a response `openssl ocsp` made at test time.
import Testing
@testable import CertoTLS

@Suite("OCSP stapling")
struct OCSPStapleTests {
    static let response = StapleScript.response

    struct FlightCase: Sendable, CustomStringConvertible {
        let name: String
        let requestStaple: Bool
        let flight: @Sendable (TLSFetchRequest) -> [UInt8]
        /// nil: the handshake must succeed with `staple`.
        let expectedError: TLSError?
        let staple: [UInt8]?
        var description: String { name }
    }

    static let tls12Cases: [FlightCase] = {
        let done = TLS12Script.handshake(14, [])
        let status: @Sendable ([UInt8]) -> [UInt8] = { TLS12Script.handshake(22, $0) }
        let big = [UInt8](repeating: 0x5a, count: CertificateStatus.maximumResponseLength + 1)
        return [
            FlightCase(name: "CertificateStatus after Certificate", requestStaple: true,
                       flight: { _ in StapleScript.tls12Flight(acknowledge: true, after: status(StapleScript.status(response)) + done) },
                       expectedError: nil, staple: response),
            FlightCase(name: "acknowledged, then ServerHelloDone without a status (RFC 6066 allows it)", requestStaple: true,
                       flight: { _ in StapleScript.tls12Flight(acknowledge: true, after: done) }, expectedError: nil, staple: nil),
            FlightCase(name: "acknowledged, then ServerKeyExchange", requestStaple: true,
                       flight: { _ in StapleScript.tls12Flight(acknowledge: true, after: TLS12Script.handshake(12, [3, 0, 0x1d, 0])) },
                       expectedError: nil, staple: nil),
            FlightCase(name: "not acknowledged: nothing after Certificate is read", requestStaple: true,
                       flight: { _ in StapleScript.tls12Flight(acknowledge: false, after: status([9, 9])) }, expectedError: nil, staple: nil),
            FlightCase(name: "a server that ignores the request", requestStaple: true,
                       flight: { _ in TLS12Script.record(22, StapleScript.tls12ServerHello(extensions: nil) + TLS12Script.certificate([StapleScript.leaf])) },
                       expectedError: nil, staple: nil),
            FlightCase(name: "acknowledged but never requested", requestStaple: false,
                       flight: { _ in StapleScript.tls12Flight(acknowledge: true, after: status(StapleScript.status(response))) },
                       expectedError: .illegalParameter("ServerHello acknowledges status_request, which was not offered"), staple: nil),
            FlightCase(name: "acknowledgement with data", requestStaple: true,
                       flight: { _ in TLS12Script.record(22, StapleScript.tls12ServerHello(extensions: [0, 5, 0, 1, 0])) },
                       expectedError: .malformedHandshake(message: "ServerHello extension 5",
                                                          reason: "1 trailing bytes after status_request (a server's must be empty) at byte 0"),
                       staple: nil),
            FlightCase(name: "status_type 2", requestStaple: true,
                       flight: { _ in StapleScript.tls12Flight(acknowledge: true, after: status([2, 0, 0, 1, 0x30])) },
                       expectedError: .malformedHandshake(message: "CertificateStatus", reason: "status_type 2 (only ocsp(1) was requested) at byte 1"),
                       staple: nil),
            FlightCase(name: "empty OCSPResponse", requestStaple: true,
                       flight: { _ in StapleScript.tls12Flight(acknowledge: true, after: status([1, 0, 0, 0])) },
                       expectedError: .malformedHandshake(message: "CertificateStatus", reason: "empty OCSPResponse at byte 4"), staple: nil),
            FlightCase(name: "OCSPResponse length past the message", requestStaple: true,
                       flight: { _ in StapleScript.tls12Flight(acknowledge: true, after: status([1, 0, 0, 9, 0x30])) },
                       expectedError: .malformedHandshake(message: "CertificateStatus",
                                                          reason: "OCSPResponse of 9 bytes overruns its container (1 left) at byte 4"),
                       staple: nil),
            FlightCase(name: "bytes after the OCSPResponse", requestStaple: true,
                       flight: { _ in StapleScript.tls12Flight(acknowledge: true, after: status([1, 0, 0, 1, 0x30, 0])) },
                       expectedError: .malformedHandshake(message: "CertificateStatus", reason: "1 trailing bytes after OCSPResponse at byte 5"),
                       staple: nil),
            FlightCase(name: "OCSPResponse over 64 KiB", requestStaple: true,
                       flight: { _ in StapleScript.tls12Flight(acknowledge: true, after: status(StapleScript.status(big))) },
                       expectedError: .ocspResponseTooLarge(length: big.count, limit: 64 * 1024), staple: nil),
            FlightCase(name: "Finished where CertificateStatus belongs", requestStaple: true,
                       flight: { _ in StapleScript.tls12Flight(acknowledge: true, after: TLS12Script.handshake(20, [0, 0])) },
                       expectedError: .unexpectedMessage(expected: "CertificateStatus or ServerKeyExchange", received: "Finished"), staple: nil),
            FlightCase(name: "acknowledged, then the connection closes", requestStaple: true,
                       flight: { _ in StapleScript.tls12Flight(acknowledge: true, after: []) },
                       expectedError: .connectionClosed(stage: "CertificateStatus"), staple: nil),
        ]
    }()

    static let tls13Cases: [FlightCase] = {
        let leaf = StapleScript.leaf
        let intermediate = StapleScript.intermediate
        let stapled = StapleScript.statusExtension(StapleScript.status(response))
        let sct: [UInt8] = [0, 18, 0, 3, 0, 1, 0xee]
        return [
            FlightCase(name: "status_request in the leaf's entry", requestStaple: true,
                       flight: { StapleScript.tls13Flight($0, entries: [(leaf, stapled), (intermediate, [])]) }, expectedError: nil, staple: response),
            FlightCase(name: "beside an SCT extension", requestStaple: true,
                       flight: { StapleScript.tls13Flight($0, entries: [(leaf, sct + stapled)]) }, expectedError: nil, staple: response),
            FlightCase(name: "no status", requestStaple: true,
                       flight: { StapleScript.tls13Flight($0, entries: [(leaf, []), (intermediate, [])]) }, expectedError: nil, staple: nil),
            FlightCase(name: "a status for the intermediate only: not the leaf's", requestStaple: true,
                       flight: { StapleScript.tls13Flight($0, entries: [(leaf, []), (intermediate, stapled)]) }, expectedError: nil, staple: nil),
            FlightCase(name: "a status that was not requested", requestStaple: false,
                       flight: { StapleScript.tls13Flight($0, entries: [(leaf, stapled)]) },
                       expectedError: .illegalParameter("Certificate carries an OCSP status, which was not requested"), staple: nil),
            FlightCase(name: "an empty status_request entry extension", requestStaple: true,
                       flight: { StapleScript.tls13Flight($0, entries: [(leaf, [0, 5, 0, 0])]) },
                       expectedError: .malformedHandshake(message: "status_request of certificate 1", reason: "truncated status_type at byte 0"),
                       staple: nil),
            FlightCase(name: "status_request twice in one entry", requestStaple: true,
                       flight: { StapleScript.tls13Flight($0, entries: [(leaf, stapled + stapled)]) },
                       expectedError: .malformedHandshake(message: "Certificate", reason: "extension 5 of certificate 1 appears twice at byte \(4 + 3 + leaf.count + 2 + 2 * stapled.count)"),
                       staple: nil),
            FlightCase(name: "status_request in a TLS 1.3 ServerHello", requestStaple: true,
                       flight: { StapleScript.tls13Flight($0, entries: [(leaf, [])], serverHelloExtra: [0, 5, 0, 0]) },
                       expectedError: .illegalParameter("TLS 1.3 ServerHello carries status_request (RFC 8446 §4.4.2.1 puts the status in Certificate)"),
                       staple: nil),
        ]
    }()

    func check(_ flightCase: FlightCase, versions: TLSVersionPolicy) {
        let request = StapleScript.request(staple: flightCase.requestStaple, versions: versions)
        do {
            let result = try StapleScript.run(request, flight: flightCase.flight(request))
            if let expected = flightCase.expectedError {
                Issue.record("expected \(expected), fetched \(result.certificates.count) certificates")
                return
            }
            #expect(result.certificates.first == StapleScript.leaf)
            #expect(result.stapledOCSPResponse == flightCase.staple)
        } catch {
            #expect(flightCase.expectedError != nil && error as? TLSError == flightCase.expectedError, "threw \(error)")
        }
    }

    @Test("TLS 1.2 CertificateStatus", arguments: tls12Cases)
    func tls12(_ flightCase: FlightCase) { check(flightCase, versions: .tls12AndTLS13) }

    @Test("TLS 1.3 CertificateEntry status_request", arguments: tls13Cases)
    func tls13(_ flightCase: FlightCase) { check(flightCase, versions: .tls13Only) }

    @Test("ClientHello: status_request ocsp with empty lists, only when asked")
    func clientHelloExtension() {
        let asked = StapleScript.hello(StapleScript.request(staple: true, versions: .tls12AndTLS13)).encoded()
        let unasked = StapleScript.hello(StapleScript.request(staple: false, versions: .tls12AndTLS13)).encoded()
        let extensionBytes: [UInt8] = [0, 5, 0, 5, 1, 0, 0, 0, 0]
        func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
            (0...(haystack.count - needle.count)).contains { Array(haystack[$0..<($0 + needle.count)]) == needle }
        }
        #expect(contains(asked, extensionBytes))
        #expect(!contains(unasked, extensionBytes))
        #expect(asked.count == unasked.count + extensionBytes.count)
        #expect(TLSFetchRequest(host: "example.com").requestOCSPStaple)
    }

    @Test("CertificateStatus bodies on their own")
    func parser() throws {
        #expect(try CertificateStatus.parse(body: StapleScript.status(Self.response), message: "CertificateStatus") == Self.response)
        let largest = [UInt8](repeating: 1, count: CertificateStatus.maximumResponseLength)
        #expect(try CertificateStatus.parse(body: StapleScript.status(largest), message: "CertificateStatus") == largest)
        #expect(throws: TLSError.malformedHandshake(message: "CertificateStatus", reason: "truncated OCSPResponse length at byte 1")) {
            _ = try CertificateStatus.parse(body: [1, 0], message: "CertificateStatus")
        }
    }

    // MARK: openssl s_server -status_file

    struct ServerCase: Sendable, CustomStringConvertible {
        let name: String
        let arguments: [String]
        let version: UInt16
        var description: String { name }
    }

    static let serverCases = [
        ServerCase(name: "TLS 1.2", arguments: ["-tls1_2"], version: 0x0303),
        ServerCase(name: "TLS 1.3", arguments: ["-tls1_3"], version: 0x0304),
    ]

    @Test("openssl s_server -status_file: the staple is the file's bytes exactly", arguments: serverCases)
    func opensslStaple(_ serverCase: ServerCase) throws {
        let pki = try LoopbackPKI.shared.get()
        let ocsp = try LoopbackOCSP.shared.get()
        let server = try OpenSSLServer(pki: pki, extraArguments: serverCase.arguments + ["-status_file", ocsp.responsePath])
        defer { server.stop() }
        let result = try TLSCertificateFetcher.fetch(TLSFetchRequest(host: "127.0.0.1", port: server.port, serverName: "localhost", timeout: 15))
        #expect(result.version == serverCase.version)
        #expect(result.certificates == [pki.leafDER, pki.intermediateDER, pki.rootDER])
        #expect(result.stapledOCSPResponse == ocsp.responseDER)

        // Not asked for, not sent.
        let unasked = try TLSCertificateFetcher.fetch(TLSFetchRequest(
            host: "127.0.0.1", port: server.port, serverName: "localhost", timeout: 15, requestOCSPStaple: false))
        #expect(unasked.certificates == result.certificates)
        #expect(unasked.stapledOCSPResponse == nil)
    }

    @Test("openssl s_server without -status_file: no staple", arguments: serverCases)
    func opensslNoStaple(_ serverCase: ServerCase) throws {
        let pki = try LoopbackPKI.shared.get()
        let server = try OpenSSLServer(pki: pki, extraArguments: serverCase.arguments)
        defer { server.stop() }
        let result = try TLSCertificateFetcher.fetch(TLSFetchRequest(host: "127.0.0.1", port: server.port, serverName: "localhost", timeout: 15))
        #expect(result.version == serverCase.version)
        #expect(result.certificates == [pki.leafDER, pki.intermediateDER, pki.rootDER])
        #expect(result.stapledOCSPResponse == nil)
    }
}
