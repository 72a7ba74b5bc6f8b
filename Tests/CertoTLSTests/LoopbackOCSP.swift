// An OCSP response for the loopback leaf, made once per run by `openssl ocsp` acting as its own
// responder: the intermediate signs "good" for serial 3 from an index file, valid for a day. The
// s_server tests staple it with -status_file; CertoTLS must hand it back byte for byte.
import Foundation

struct LoopbackOCSP: Sendable {
    let responsePath: String
    let responseDER: [UInt8]

    static let shared: Result<LoopbackOCSP, OpenSSLToolError> = {
        do throws(OpenSSLToolError) { return .success(try LoopbackOCSP.make()) } catch { return .failure(error) }
    }()

    static func make() throws(OpenSSLToolError) -> LoopbackOCSP {
        let pki: LoopbackPKI
        switch LoopbackPKI.shared {
        case .success(let made): pki = made
        case .failure(let error): throw error
        }
        let directory = pki.directory
        // index.txt (openssl ca's database): status, expiry, revocation date (none), serial, file, subject.
        let index = "V\t391231235959Z\t\t03\tunknown\t/CN=localhost\n"
        guard FileManager.default.createFile(atPath: directory + "/index.txt", contents: Data(index.utf8)) else {
            throw OpenSSLToolError(command: "write \(directory)/index.txt", output: "failed")
        }
        try OpenSSLTool.run(["ocsp", "-index", "index.txt", "-rsigner", "int.pem", "-rkey", "int.key", "-CA", "int.pem",
                             "-issuer", "int.pem", "-cert", "leaf.pem", "-respout", "ocsp.der", "-ndays", "1"], in: directory)
        let path = directory + "/ocsp.der"
        guard let data = FileManager.default.contents(atPath: path), !data.isEmpty else {
            throw OpenSSLToolError(command: "read \(path)", output: "missing or empty")
        }
        return LoopbackOCSP(responsePath: path, responseDER: [UInt8](data))
    }
}
