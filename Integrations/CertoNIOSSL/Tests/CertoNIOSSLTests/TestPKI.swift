// The certificates these tests serve, made once per test run with the openssl CLI (`openssl ca`, for
// fixed validity dates) in a temporary directory: a chain shaped like AWS IoT Core's (RSA-2048 root,
// intermediate and a wildcard leaf for *.iot.us-east-1.certo.test, SHA-256) and the broken variants a
// device must refuse: a leaf for another region's name, an expired leaf, and a look-alike chain under
// a root nobody trusts; plus device (client) certificates for the server tests. TestVectors/chains has
// the same shape but no private keys (make-chains.sh deletes them), and a server needs its key.
import Certo
import Foundation
import Synchronization

struct ServedIdentity: Sendable {
    /// Leaf first, then the intermediate (and, for the untrusted chain, its root), as a server sends it.
    let chainPath: String
    let keyPath: String
    let leafPath: String
    /// The chain without the leaf (s_server's -cert_chain, s_client's -cert_chain).
    let issuersPath: String
}

struct TestPKI: Sendable {
    let directory: String
    /// The one trusted root: "Certo Test Root CA 1".
    var rootPath: String { directory + "/root.pem" }
    var rogueRootPath: String { directory + "/rogue-root.pem" }

    /// The validation time of every Certo verification in these tests (no wall clock); the good
    /// certificates are valid from 2025 to 2045, the expired leaf until 2026-01-01.
    static let validationTime = Instant(parsing: "2026-06-01T00:00:00Z")!
    /// An AWS IoT ATS endpoint under the leaf's wildcard.
    static let brokerHost = "a1b2c3d4e5f6g7-ats.iot.us-east-1.certo.test"

    let good: ServedIdentity
    let wrongHost: ServedIdentity
    let expired: ServedIdentity
    let untrustedRoot: ServedIdentity
    /// A device certificate (clientAuth) under the trusted intermediate, and one under the rogue chain.
    let device: ServedIdentity
    let rogueDevice: ServedIdentity

    /// Made on first use, shared by every test of the run.
    static let shared: Result<TestPKI, OpenSSLFailure> = Result { () throws(OpenSSLFailure) in try TestPKI.make() }

    static func get() throws -> TestPKI { try shared.get() }

    func trustStore() throws -> TrustStore { try TrustStore.load(files: [rootPath]) }

    static func make() throws(OpenSSLFailure) -> TestPKI {
        let directory = NSTemporaryDirectory() + "certo-niossl-\(getpid())-\(UUID().uuidString)"
        let ca = CAWorkspace(directory: directory)
        try ca.prepare()
        // Removed when the test process exits (keys included): nothing of a run stays in /tmp.
        madeDirectory.withLock { $0 = directory }
        atexit {
            if let directory = madeDirectory.withLock({ $0 }) { try? FileManager.default.removeItem(atPath: directory) }
        }

        let rootExtensions = ["basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign", "subjectKeyIdentifier=hash"]
        let intermediateExtensions = ["basicConstraints=critical,CA:TRUE,pathlen:0", "keyUsage=critical,digitalSignature,keyCertSign,cRLSign",
                                      "extendedKeyUsage=serverAuth,clientAuth", "subjectKeyIdentifier=hash",
                                      "authorityKeyIdentifier=keyid:always"]
        func serverLeafExtensions(_ names: [String]) -> [String] {
            ["basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature,keyEncipherment",
             "extendedKeyUsage=serverAuth", "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid:always",
             "subjectAltName=" + names.map { "DNS:" + $0 }.joined(separator: ",")]
        }
        let deviceExtensions = ["basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature",
                                "extendedKeyUsage=clientAuth", "subjectKeyIdentifier=hash", "authorityKeyIdentifier=keyid:always"]
        let organisation = "/C=US/O=Certo Test"

        // The trusted chain, shaped like AWS IoT Core's.
        try ca.issue("root", subject: "\(organisation)/CN=Certo Test Root CA 1", issuer: nil, extensions: rootExtensions)
        try ca.issue("int", subject: "\(organisation)/OU=Server CA 1B/CN=Certo Test RSA 2048 M01", issuer: "root",
                     extensions: intermediateExtensions)
        try ca.issue("leaf", subject: "/CN=*.iot.us-east-1.certo.test", issuer: "int",
                     extensions: serverLeafExtensions(["*.iot.us-east-1.certo.test", "iot.us-east-1.certo.test"]))
        try ca.issue("leaf-eu", subject: "/CN=*.iot.eu-west-1.certo.test", issuer: "int",
                     extensions: serverLeafExtensions(["*.iot.eu-west-1.certo.test", "iot.eu-west-1.certo.test"]))
        try ca.issue("leaf-expired", subject: "/CN=*.iot.us-east-1.certo.test", issuer: "int",
                     extensions: serverLeafExtensions(["*.iot.us-east-1.certo.test", "iot.us-east-1.certo.test"]),
                     start: "20250101000000Z", end: "20260101000000Z")
        try ca.issue("device", subject: "\(organisation)/CN=certo-device-0001", issuer: "int", extensions: deviceExtensions)

        // A look-alike chain with the right host name under a root that is not trusted.
        try ca.issue("rogue-root", subject: "\(organisation)/CN=Certo Rogue Root CA", issuer: nil, extensions: rootExtensions)
        try ca.issue("rogue-int", subject: "\(organisation)/CN=Certo Rogue RSA 2048 CA", issuer: "rogue-root",
                     extensions: intermediateExtensions)
        try ca.issue("rogue-leaf", subject: "/CN=*.iot.us-east-1.certo.test", issuer: "rogue-int",
                     extensions: serverLeafExtensions(["*.iot.us-east-1.certo.test", "iot.us-east-1.certo.test"]))
        try ca.issue("rogue-device", subject: "\(organisation)/CN=certo-device-0001", issuer: "rogue-int", extensions: deviceExtensions)

        func served(_ leaf: String, chain: [String]) throws(OpenSSLFailure) -> ServedIdentity {
            try ca.concatenate([leaf] + chain, into: leaf + "-chain.pem")
            try ca.concatenate(chain, into: leaf + "-issuers.pem")
            return ServedIdentity(chainPath: ca.path(leaf + "-chain.pem"), keyPath: ca.path(leaf + ".key"),
                                  leafPath: ca.path(leaf + ".pem"), issuersPath: ca.path(leaf + "-issuers.pem"))
        }
        return TestPKI(directory: directory,
                       good: try served("leaf", chain: ["int"]),
                       wrongHost: try served("leaf-eu", chain: ["int"]),
                       expired: try served("leaf-expired", chain: ["int"]),
                       untrustedRoot: try served("rogue-leaf", chain: ["rogue-int", "rogue-root"]),
                       device: try served("device", chain: ["int"]),
                       rogueDevice: try served("rogue-device", chain: ["rogue-int", "rogue-root"]))
    }
}

/// The PKI's directory, for the exit handler (a C function pointer, which can capture nothing).
private let madeDirectory = Mutex<String?>(nil)

struct OpenSSLFailure: Error, CustomStringConvertible {
    let description: String
}

/// An `openssl ca` workspace: its config, database and serial file, and the keys and certificates it
/// issues by name (NAME.key, NAME.pem).
struct CAWorkspace {
    let directory: String

    func path(_ name: String) -> String { directory + "/" + name }

    func prepare() throws(OpenSSLFailure) {
        do {
            try FileManager.default.createDirectory(atPath: path("issued"), withIntermediateDirectories: true)
        } catch {
            throw OpenSSLFailure(description: "mkdir \(directory): \(error)")
        }
        try write("index.txt", "")
        try write("serial", "1000\n")
        try write("ca.cnf", """
            [ ca ]
            default_ca = certo_test
            [ certo_test ]
            database = \(path("index.txt"))
            new_certs_dir = \(path("issued"))
            serial = \(path("serial"))
            default_md = sha256
            policy = anything
            unique_subject = no
            copy_extensions = none
            [ anything ]
            countryName = optional
            organizationName = optional
            organizationalUnitName = optional
            commonName = supplied
            [ req ]
            distinguished_name = dn
            prompt = no
            [ dn ]
            CN = unused

            """)
    }

    /// A fresh RSA-2048 key NAME.key and its certificate NAME.pem, signed by `issuer`'s key (nil:
    /// self-signed), valid from `start` to `end` (openssl's YYYYMMDDHHMMSSZ).
    func issue(_ name: String, subject: String, issuer: String?, extensions: [String],
               start: String = "20250101000000Z", end: String = "20450101000000Z") throws(OpenSSLFailure) {
        try run(["genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", path(name + ".key")])
        try write(name + ".ext", "[ v3 ]\n" + extensions.joined(separator: "\n") + "\n")
        try run(["req", "-new", "-config", path("ca.cnf"), "-key", path(name + ".key"), "-subj", subject, "-out", path(name + ".csr")])
        let signer = issuer.map { ["-cert", path($0 + ".pem"), "-keyfile", path($0 + ".key")] }
            ?? ["-selfsign", "-keyfile", path(name + ".key")]
        try run(["ca", "-batch", "-config", path("ca.cnf"), "-in", path(name + ".csr")] + signer
                + ["-startdate", start, "-enddate", end, "-rand_serial", "-preserveDN", "-notext",
                   "-extfile", path(name + ".ext"), "-extensions", "v3", "-out", path(name + ".pem")])
    }

    func concatenate(_ names: [String], into file: String) throws(OpenSSLFailure) {
        var text = ""
        for name in names {
            guard let data = FileManager.default.contents(atPath: path(name + ".pem")) else {
                throw OpenSSLFailure(description: "missing \(path(name + ".pem"))")
            }
            text += String(decoding: data, as: UTF8.self)
        }
        try write(file, text)
    }

    func write(_ name: String, _ text: String) throws(OpenSSLFailure) {
        do { try text.write(toFile: path(name), atomically: true, encoding: .utf8) } catch {
            throw OpenSSLFailure(description: "write \(path(name)): \(error)")
        }
    }

    func run(_ arguments: [String]) throws(OpenSSLFailure) {
        let result: ProgramOutput
        do {
            result = try Programs.runBlocking(Programs.openssl, arguments)
        } catch {
            throw OpenSSLFailure(description: "openssl \(arguments.joined(separator: " ")): \(error)")
        }
        guard result.status == 0 else {
            throw OpenSSLFailure(description: "openssl \(arguments.joined(separator: " ")) exited \(result.status): \(result.stderr)")
        }
    }
}
