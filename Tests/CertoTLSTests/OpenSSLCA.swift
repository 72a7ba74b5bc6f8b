// An openssl CA made at test time, kept as `openssl ca` keeps one: a self-signed P-256 CA with its
// database (index.txt), serial and crlnumber files in a temporary directory of its own, so every test
// has its own CA and tests running in parallel share nothing. It issues leaves (into index.txt, or
// around it for "unknown"), revokes them, signs CRLs with `openssl ca -gencrl` and OCSP responses with
// `openssl ocsp -index`. Every revocation answer is openssl's; Certo only reads what it made.
import CertoTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

struct IssuedCertificate: Sendable {
    let name: String
    /// The dNSName of its subjectAltName (and its commonName).
    let host: String
    let certificatePath: String
    let keyPath: String
}

/// A CRL file `openssl ca -gencrl` wrote, with the cRLNumber it carries.
struct IssuedCRL: Sendable {
    let path: String
    let number: Int
}

struct OpenSSLCA: Sendable {
    let directory: String
    let commonName: String
    var certificatePath: String { directory + "/ca.pem" }
    var keyPath: String { directory + "/ca.key" }
    var indexPath: String { directory + "/index.txt" }

    /// How long `openssl ocsp` makes a response valid for (its -ndays or -nmin).
    enum OCSPValidity: Sendable {
        case days(Int)
        case minutes(Int)

        var arguments: [String] {
            switch self {
            case .days(let days): return ["-ndays", String(days)]
            case .minutes(let minutes): return ["-nmin", String(minutes)]
            }
        }
    }

    /// A new CA whose first CRL will carry cRLNumber `firstCRLNumber` (openssl keeps it as hex).
    static func make(commonName: String = "Certo Revocation Test CA", firstCRLNumber: Int = 4096) throws(OpenSSLToolError) -> OpenSSLCA {
        let directory = NSTemporaryDirectory() + "certo-revocation-\(getpid())-\(UUID().uuidString)"
        do {
            try FileManager.default.createDirectory(atPath: directory + "/newcerts", withIntermediateDirectories: true)
        } catch {
            throw OpenSSLToolError(command: "mkdir \(directory)", output: "\(error)")
        }
        let ca = OpenSSLCA(directory: directory, commonName: commonName)
        try ca.write("index.txt", "")
        try ca.write("crlnumber", String(firstCRLNumber, radix: 16, uppercase: true) + "\n")
        // rand_serial: 159-bit random serials, as the web profile expects; unique_subject = no lets a
        // test issue two certificates for one name.
        try ca.write("ca.cnf", """
            [ ca ]
            default_ca = certo_ca
            [ certo_ca ]
            dir = \(directory)
            database = $dir/index.txt
            new_certs_dir = $dir/newcerts
            certificate = $dir/ca.pem
            private_key = $dir/ca.key
            crlnumber = $dir/crlnumber
            rand_serial = yes
            unique_subject = no
            default_md = sha256
            default_days = 30
            default_crl_days = 7
            policy = any_name
            copy_extensions = none
            [ any_name ]
            commonName = supplied

            """)
        try ca.openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", "ca.key",
                        "-out", "ca.pem", "-days", "30", "-subj", "/CN=\(commonName)",
                        "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        return ca
    }

    func remove() { try? FileManager.default.removeItem(atPath: directory) }

    func openssl(_ arguments: [String]) throws(OpenSSLToolError) { try OpenSSLTool.run(arguments, in: directory) }

    func path(_ name: String) -> String { directory + "/" + name }

    func write(_ name: String, _ text: String) throws(OpenSSLToolError) {
        do { try text.write(toFile: path(name), atomically: true, encoding: .utf8) } catch {
            throw OpenSSLToolError(command: "write \(path(name))", output: "\(error)")
        }
    }

    func read(_ name: String) throws(OpenSSLToolError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path(name)) else {
            throw OpenSSLToolError(command: "read \(path(name))", output: "missing")
        }
        return [UInt8](data)
    }

    // MARK: Certificates

    /// A TLS server leaf for `<name>.revocation.test` that meets the web profile, with `extensions`
    /// (openssl extension lines: authorityInfoAccess, crlDistributionPoints) added. `inDatabase`:
    /// issued by `openssl ca`, so index.txt knows it; otherwise signed by `openssl x509 -req` with a
    /// random serial the CA's database (and so its OCSP responder) has never seen.
    func issueLeaf(_ name: String, extensions: [String] = [], inDatabase: Bool = true) throws(OpenSSLToolError) -> IssuedCertificate {
        let host = "\(name).revocation.test"
        let lines = ["basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature", "extendedKeyUsage=serverAuth",
                     "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid", "subjectAltName=DNS:\(host)"] + extensions
        return try issue(name, commonName: host, extensionLines: lines, inDatabase: inDatabase)
    }

    /// A delegated OCSP responder certificate (RFC 6960 §4.2.2.2), with id-kp-OCSPSigning or, to be
    /// refused, with serverAuth in its place. Its files are `<name>-responder.*`.
    func issueResponder(_ name: String, ocspSigning: Bool) throws(OpenSSLToolError) -> IssuedCertificate {
        let lines = ["basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature",
                     "extendedKeyUsage=\(ocspSigning ? "OCSPSigning" : "serverAuth")",
                     "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid"]
        return try issue(name + "-responder", commonName: "Certo \(name) responder", extensionLines: lines, inDatabase: true)
    }

    /// This CA's own certificate and key as the signer of another CA's responses (an impostor).
    var asSigner: IssuedCertificate {
        IssuedCertificate(name: "ca", host: commonName, certificatePath: certificatePath, keyPath: keyPath)
    }

    private func issue(_ name: String, commonName: String, extensionLines: [String], inDatabase: Bool) throws(OpenSSLToolError) -> IssuedCertificate {
        try write(name + ".ext", extensionLines.joined(separator: "\n") + "\n")
        try openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout", name + ".key",
                     "-out", name + ".csr", "-subj", "/CN=\(commonName)"])
        if inDatabase {
            try openssl(["ca", "-batch", "-config", "ca.cnf", "-notext", "-extfile", name + ".ext", "-in", name + ".csr", "-out", name + ".pem"])
        } else {
            let serial = "0x" + TestHex.encode((0..<16).map { index in UInt8.random(in: index == 0 ? 0x01...0x7f : 0...0xff) })
            try openssl(["x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-set_serial", serial,
                         "-days", "30", "-extfile", name + ".ext", "-out", name + ".pem"])
        }
        return IssuedCertificate(name: name, host: commonName, certificatePath: path(name + ".pem"), keyPath: path(name + ".key"))
    }

    /// Marks `certificate` revoked in index.txt with an RFC 5280 §5.3.1 reason in openssl's spelling
    /// (keyCompromise, superseded, ...). A certificate another CA issued is added to this database as
    /// revoked, which is how a test makes a forged CRL list it.
    func revoke(_ certificate: IssuedCertificate, reason: String = "keyCompromise") throws(OpenSSLToolError) {
        try openssl(["ca", "-config", "ca.cnf", "-revoke", certificate.certificatePath, "-crl_reason", reason])
    }

    // MARK: CRLs

    /// A CRL of every revocation in index.txt, numbered by the crlnumber file. `lastUpdate` and
    /// `nextUpdate` (Unix seconds) replace openssl's now and now + 7 days. `deltaOf`: a delta CRL
    /// (RFC 5280 §5.2.4) for the base CRL with that number, through a raw deltaCRLIndicator extension.
    func makeCRL(_ name: String, lastUpdate: Int? = nil, nextUpdate: Int? = nil, deltaOf base: Int? = nil) throws(OpenSSLToolError) -> IssuedCRL {
        let numberText = String(decoding: try read("crlnumber"), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let number = Int(numberText, radix: 16) else {
            throw OpenSSLToolError(command: "read \(path("crlnumber"))", output: "not a hex number: \(numberText)")
        }
        var arguments = ["ca", "-config", "ca.cnf", "-gencrl", "-out", name]
        if let lastUpdate { arguments += ["-crl_lastupdate", Self.generalizedTime(lastUpdate)] }
        if let nextUpdate { arguments += ["-crl_nextupdate", Self.generalizedTime(nextUpdate)] }
        if let base {
            // openssl ca has no delta CRLs of its own: the extension section is appended to the config.
            let section = "delta_of_\(base)"
            let config = String(decoding: try read("ca.cnf"), as: UTF8.self)
            try write("ca.cnf", config + "[ \(section) ]\n2.5.29.27 = critical,DER:\(Self.derInteger(base))\n")
            arguments += ["-crlexts", section]
        }
        try openssl(arguments)
        return IssuedCRL(path: path(name), number: number)
    }

    /// The DER of INTEGER `value` (non-negative) as openssl's DER: syntax wants it, "02:02:10:00".
    static func derInteger(_ value: Int) -> String {
        var content: [UInt8] = []
        var rest = value
        repeat {
            content.insert(UInt8(rest & 0xff), at: 0)
            rest >>= 8
        } while rest > 0
        if content[0] & 0x80 != 0 { content.insert(0, at: 0) }
        return ([0x02, UInt8(content.count)] + content).map { TestHex.encode([$0]).uppercased() }.joined(separator: ":")
    }

    /// YYYYMMDDHHMMSSZ, the form openssl's -crl_lastupdate and -crl_nextupdate take.
    static func generalizedTime(_ seconds: Int) -> String {
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return String(format: "%04d%02d%02d%02d%02d%02dZ", parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday,
                      parts.tm_hour, parts.tm_min, parts.tm_sec)
    }

    // MARK: OCSP

    /// `openssl ocsp` as its own responder for one certificate: the status index.txt gives it, signed
    /// by the CA or by `signer` (a delegated or an unrelated responder). `issuer`: the certificate
    /// whose name and key the request's CertID hashes (default this CA's). `extraArguments`: more
    /// openssl ocsp options (-resp_no_certs).
    func ocspResponse(_ name: String, for certificate: IssuedCertificate, signer: IssuedCertificate? = nil,
                      issuer: String? = nil, validity: OCSPValidity = .days(1), extraArguments: [String] = []) throws(OpenSSLToolError) -> String {
        try openssl(["ocsp", "-index", "index.txt", "-CA", "ca.pem", "-issuer", issuer ?? "ca.pem", "-cert", certificate.certificatePath,
                     "-respout", name] + signerArguments(signer) + validity.arguments + extraArguments)
        return path(name)
    }

    /// The response `openssl ocsp -index` gives to a DER OCSPRequest, signed by the CA: what the
    /// loopback responder hands back for each POST.
    func respond(toOCSPRequest request: [UInt8]) throws(OpenSSLToolError) -> [UInt8] {
        let stem = "request-\(UUID().uuidString)"
        do { try Data(request).write(to: URL(fileURLWithPath: path(stem + ".der"))) } catch {
            throw OpenSSLToolError(command: "write \(path(stem + ".der"))", output: "\(error)")
        }
        try openssl(["ocsp", "-index", "index.txt", "-CA", "ca.pem", "-reqin", stem + ".der", "-respout", stem + ".resp"]
                    + signerArguments(nil) + OCSPValidity.days(1).arguments)
        return try read(stem + ".resp")
    }

    private func signerArguments(_ signer: IssuedCertificate?) -> [String] {
        ["-rsigner", signer?.certificatePath ?? certificatePath, "-rkey", signer?.keyPath ?? keyPath]
    }

    // MARK: TLS

    /// The files OCSPStapleTests' OpenSSLServer serves, for `leaf`: LoopbackPKI's layout (leaf.pem,
    /// leaf.key, chain.pem) in a directory of their own. There is no intermediate: this CA signs its
    /// leaves itself, so chain.pem is the CA alone and intermediateDER is empty.
    func serverFiles(for leaf: IssuedCertificate) throws(OpenSSLToolError) -> LoopbackPKI {
        let served = "served-\(leaf.name)"
        do {
            try FileManager.default.createDirectory(atPath: path(served), withIntermediateDirectories: true)
            for (from, to) in [(leaf.certificatePath, "leaf.pem"), (leaf.keyPath, "leaf.key"), (certificatePath, "chain.pem")] {
                try FileManager.default.copyItem(atPath: from, toPath: path(served + "/" + to))
            }
        } catch {
            throw OpenSSLToolError(command: "copy the server files to \(path(served))", output: "\(error)")
        }
        try openssl(["x509", "-in", leaf.certificatePath, "-outform", "DER", "-out", served + "/leaf.der"])
        try openssl(["x509", "-in", "ca.pem", "-outform", "DER", "-out", served + "/ca.der"])
        let rootPEM = String(decoding: try read("ca.pem"), as: UTF8.self)
        return LoopbackPKI(directory: path(served), rootPEM: rootPEM, leafDER: try read(served + "/leaf.der"),
                           intermediateDER: [], rootDER: try read(served + "/ca.der"))
    }
}
