// Seeded random and mutated inputs for every parser that sees server bytes: each must return or throw
// a TLSError, never trap or run away. Mutations start from valid messages so the parsers get deep.
import CertoTestSupport
import Testing
@testable import CertoTLS

@Suite("TLS parsers on random input")
struct RandomInputTests {
    static func mutate(_ bytes: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var out = bytes
        switch rng.next() % 4 {
        case 0 where !out.isEmpty:
            out[Int(rng.next() % UInt64(out.count))] = UInt8(truncatingIfNeeded: rng.next())
        case 1 where !out.isEmpty:
            out.removeLast(Int(rng.next() % UInt64(out.count)))
        case 2:
            out += (0..<Int(rng.next() % 8)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        default:
            out = (0..<Int(rng.next() % 120)).map { _ in UInt8(truncatingIfNeeded: rng.next()) }
        }
        return out
    }

    @Test("CertificateStatus and TLS 1.3 Certificate entries with a staple: 3,000 seeded inputs each")
    func statusParsers() {
        var rng = SplitMix64(state: 0x6f63_7370)
        let status: [UInt8] = [1, 0, 0, 3, 0x30, 0x01, 0x00]
        let entries: [UInt8] = [0, 0, 0, 18, 0, 0, 2, 0xaa, 0xbb, 0, 11, 0, 5, 0, 7] + status
        var outcomes = [0, 0]
        for _ in 0..<3000 {
            let results: [Result<Void, TLSError>] = [
                Result { () throws(TLSError) in
                    do { _ = try CertificateStatus.parse(body: Self.mutate(status, &rng), message: "CertificateStatus") }
                    catch let e as TLSError { throw e } catch { throw .notImplemented("\(error)") }
                },
                Result { () throws(TLSError) in
                    do { _ = try CertificateMessage.parseTLS13Entries(body: Self.mutate(entries, &rng)) }
                    catch let e as TLSError { throw e } catch { throw .notImplemented("\(error)") }
                },
            ]
            for result in results {
                switch result {
                case .success: outcomes[0] += 1
                case .failure(let error):
                    if case .notImplemented = error { Issue.record("a parser threw a non-TLSError: \(error)") }
                    outcomes[1] += 1
                }
            }
        }
        #expect(outcomes[0] > 100 && outcomes[1] > 1000, "parsed \(outcomes[0]), refused \(outcomes[1])")
    }

    @Test("ServerHello, EncryptedExtensions and Certificate parsers: 3,000 seeded inputs each")
    func parsers() {
        var rng = SplitMix64(state: 0x6365_7274_6f)
        let serverHello = MessageParsingTests.serverHelloBody(
            extensions: [0, 43, 0, 2, 3, 4, 0, 51, 0, 36, 0, 0x1d, 0, 32] + [UInt8](repeating: 5, count: 32) + [0, 16, 0, 5, 0, 3, 2, 0x68, 0x32])
        let extensions: [UInt8] = [0, 9, 0, 16, 0, 5, 0, 3, 2, 0x68, 0x32]
        let tls12Certificate: [UInt8] = [0, 0, 10, 0, 0, 2, 0xaa, 0xbb, 0, 0, 2, 0xcc, 0xdd]
        let tls13Certificate: [UInt8] = [0, 0, 0, 7, 0, 0, 2, 0xaa, 0xbb, 0, 0]
        var outcomes = [0, 0]  // parsed, refused with TLSError
        for _ in 0..<3000 {
            let inputs = [
                Self.mutate(serverHello, &rng), Self.mutate(extensions, &rng),
                Self.mutate(tls12Certificate, &rng), Self.mutate(tls13Certificate, &rng),
            ]
            let results: [Result<Void, TLSError>] = [
                Result { () throws(TLSError) in do { _ = try ServerHello(body: inputs[0]) } catch let e as TLSError { throw e } catch { throw .notImplemented("\(error)") } },
                Result { () throws(TLSError) in do { _ = try EncryptedExtensions.parse(body: inputs[1]) } catch let e as TLSError { throw e } catch { throw .notImplemented("\(error)") } },
                Result { () throws(TLSError) in do { _ = try CertificateMessage.parseTLS12(body: inputs[2]) } catch let e as TLSError { throw e } catch { throw .notImplemented("\(error)") } },
                Result { () throws(TLSError) in do { _ = try CertificateMessage.parseTLS13(body: inputs[3]) } catch let e as TLSError { throw e } catch { throw .notImplemented("\(error)") } },
            ]
            for result in results {
                switch result {
                case .success: outcomes[0] += 1
                case .failure(let error):
                    if case .notImplemented = error { Issue.record("a parser threw a non-TLSError: \(error)") }
                    outcomes[1] += 1
                }
            }
        }
        // Both outcomes must occur, or the mutations are not reaching the interesting paths.
        #expect(outcomes[0] > 100 && outcomes[1] > 1000, "parsed \(outcomes[0]), refused \(outcomes[1])")
    }

    @Test("TLS 1.3 record opening: 2,000 mutated records are refused, never trap")
    func records() throws {
        let key = [UInt8](repeating: 7, count: 16)
        let iv = [UInt8](repeating: 9, count: 12)
        var sealer = try #require(TLS13RecordProtection(cipherSuite: CipherSuite.aes128GCMSHA256, key: key, iv: iv))
        let record = sealer.seal(contentType: 22, content: [8, 0, 0, 2, 0, 0])
        var rng = SplitMix64(state: 42)
        var refused = 0
        for _ in 0..<2000 {
            let mutated = Self.mutate(record, &rng)
            guard mutated != record, mutated.count >= 5 else { continue }
            var opener = try #require(TLS13RecordProtection(cipherSuite: CipherSuite.aes128GCMSHA256, key: key, iv: iv))
            let opened = opener.open(header: Array(mutated[..<5]), body: Array(mutated[5...]))
            #expect(opened == nil)
            refused += 1
        }
        #expect(refused > 1000)
    }
}
