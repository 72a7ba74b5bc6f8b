// A throwaway root → intermediate → leaf chain made with the openssl CLI in a temporary directory,
// for the loopback servers. The leaf names localhost, 127.0.0.1 and ::1. Made once per test run.
import Foundation

struct LoopbackPKI: Sendable {
    let directory: String
    let rootPEM: String
    let leafDER: [UInt8]
    let intermediateDER: [UInt8]
    let rootDER: [UInt8]
    /// The files s_server needs.
    var leafCertificatePath: String { directory + "/leaf.pem" }
    var leafKeyPath: String { directory + "/leaf.key" }
    var chainPath: String { directory + "/chain.pem" }
    var rootPath: String { directory + "/root.pem" }

    static let shared: Result<LoopbackPKI, OpenSSLToolError> = {
        do throws(OpenSSLToolError) { return .success(try LoopbackPKI.make()) } catch { return .failure(error) }
    }()

    static func make() throws(OpenSSLToolError) -> LoopbackPKI {
        let directory = NSTemporaryDirectory() + "certo-tls-\(getpid())-\(UInt32.random(in: 0 ... .max))"
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw OpenSSLToolError(command: "mkdir \(directory)", output: "\(error)")
        }
        let run = { (arguments: [String]) throws(OpenSSLToolError) in try OpenSSLTool.run(arguments, in: directory) }
        try writeFile(directory + "/ca.ext", "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n")
        try writeFile(directory + "/leaf.ext", "basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n")
        try run(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "root.key",
                 "-out", "root.pem", "-days", "30", "-subj", "/CN=Certo Loopback Root", "-addext", "basicConstraints=critical,CA:TRUE",
                 "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        try run(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "int.key", "-out", "int.csr",
                 "-subj", "/CN=Certo Loopback Intermediate"])
        try run(["x509", "-req", "-in", "int.csr", "-CA", "root.pem", "-CAkey", "root.key", "-set_serial", "2", "-days", "30",
                 "-extfile", "ca.ext", "-out", "int.pem"])
        try run(["req", "-newkey", "rsa:2048", "-nodes", "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=localhost"])
        try run(["x509", "-req", "-in", "leaf.csr", "-CA", "int.pem", "-CAkey", "int.key", "-set_serial", "3", "-days", "30",
                 "-extfile", "leaf.ext", "-out", "leaf.pem"])
        try run(["x509", "-in", "leaf.pem", "-outform", "DER", "-out", "leaf.der"])
        try run(["x509", "-in", "int.pem", "-outform", "DER", "-out", "int.der"])
        try run(["x509", "-in", "root.pem", "-outform", "DER", "-out", "root.der"])
        // The servers read these files until the last test, so they go when the process exits.
        atexit {
            if case .success(let pki) = LoopbackPKI.shared { try? FileManager.default.removeItem(atPath: pki.directory) }
        }
        let intermediatePEM = try readFile(directory + "/int.pem")
        let rootPEM = try readFile(directory + "/root.pem")
        try writeFile(directory + "/chain.pem", intermediatePEM + rootPEM)
        return LoopbackPKI(
            directory: directory, rootPEM: rootPEM,
            leafDER: try readBytes(directory + "/leaf.der"), intermediateDER: try readBytes(directory + "/int.der"),
            rootDER: try readBytes(directory + "/root.der"))
    }

    private static func writeFile(_ path: String, _ text: String) throws(OpenSSLToolError) {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw OpenSSLToolError(command: "write \(path)", output: "\(error)")
        }
    }

    private static func readFile(_ path: String) throws(OpenSSLToolError) -> String {
        do { return try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw OpenSSLToolError(command: "read \(path)", output: "\(error)")
        }
    }

    private static func readBytes(_ path: String) throws(OpenSSLToolError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw OpenSSLToolError(command: "read \(path)", output: "missing")
        }
        return [UInt8](data)
    }
}

struct OpenSSLToolError: Error, CustomStringConvertible {
    let command: String
    let output: String
    var description: String { "\(command) failed: \(output)" }
}

enum OpenSSLTool {
    static let path = "/usr/bin/openssl"

    static func run(_ arguments: [String], in directory: String) throws(OpenSSLToolError) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch {
            throw OpenSSLToolError(command: "openssl " + arguments.joined(separator: " "), output: "\(error)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw OpenSSLToolError(command: "openssl " + arguments.joined(separator: " "), output: String(decoding: data, as: UTF8.self))
        }
    }
}
