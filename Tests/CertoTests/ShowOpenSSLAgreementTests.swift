// `certo show` against the openssl CLI: every .pem, .der and .crt file of cryptography-vectors' x509/
// tree (recursively, so PKITS_data/certs too) that `openssl x509` reads as a certificate (PEM first,
// then DER) must be shown, and its first certificate's SHA-256 and SHA-1 fingerprints and serial
// number must be openssl's, in --json and in text. show-openssl-deviations.txt lists the files expected
// to differ, each with why; an entry whose file agrees, or that names no file, fails too, as does a
// missing vector directory. Also `certo show`'s display of certificates the strict parser refuses.
import CertoTestSupport
import Foundation
import Testing

@Suite("certo show against openssl x509")
struct ShowOpenSSLAgreementTests {
    /// What `openssl x509` says of one file: nil when it does not read the file as a certificate.
    struct OpenSSLReading {
        let form: String
        let sha256: String
        let sha1: String
        /// Sign and magnitude, lower-case hex without leading zeros ("" for zero).
        let serial: (negative: Bool, magnitude: String)

        init?(_ path: String) throws {
            guard let (form, first) = try ["PEM", "DER"].lazy.compactMap({ form -> (String, String)? in
                let result = try ExternalProgram.run(Self.openssl, ["x509", "-inform", form, "-in", path, "-noout", "-serial", "-fingerprint", "-sha256"])
                return result.status == 0 ? (form, result.stdout) : nil
            }).first else { return nil }
            let second = try ExternalProgram.run(Self.openssl, ["x509", "-inform", form, "-in", path, "-noout", "-fingerprint", "-sha1"])
            guard second.status == 0 else { throw ShowTestFailure(description: "openssl -sha1 failed on \(path): \(second.stderr)") }
            let values = Self.values(first + second.stdout)
            guard let serial = values["serial"], let sha256 = values["sha256 Fingerprint"], let sha1 = values["sha1 Fingerprint"] else {
                throw ShowTestFailure(description: "unexpected openssl output for \(path): \(first)")
            }
            self.form = form
            self.sha256 = sha256.replacingOccurrences(of: ":", with: "").lowercased()
            self.sha1 = sha1.replacingOccurrences(of: ":", with: "").lowercased()
            let negative = serial.hasPrefix("-")
            self.serial = (negative, String(serial.dropFirst(negative ? 1 : 0).lowercased().drop { $0 == "0" }))
        }

        static let openssl = "/usr/bin/openssl"

        private static func values(_ output: String) -> [String: String] {
            var values: [String: String] = [:]
            for line in output.split(separator: "\n") {
                guard let equals = line.firstIndex(of: "=") else { continue }
                values[String(line[..<equals])] = String(line[line.index(after: equals)...])
            }
            return values
        }
    }

    /// `name: why` lines of the committed deviations file ('#' starts a comment); names are paths under x509/.
    static func deviations() throws -> [String: String] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("show-openssl-deviations.txt")
        var table: [String: String] = [:]
        for line in try String(contentsOf: url, encoding: .utf8).split(separator: "\n") where !line.hasPrefix("#") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            table[String(line[..<colon]).trimmingCharacters(in: .whitespaces)] = String(line[line.index(after: colon)...])
        }
        return table
    }

    /// Every .pem, .der and .crt file under x509/, as paths relative to it, sorted.
    static func certificateFiles() throws -> (root: URL, files: [String]) {
        let root = try VectorFiles.url(.cryptography, "x509")
        _ = try VectorFiles.url(.cryptography, "x509/PKITS_data/certs")
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard ["pem", "der", "crt"].contains(url.pathExtension),
                  (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files.append(String(url.path.dropFirst(root.path.count + 1)))
        }
        return (root, files.sorted())
    }

    @Test func everyCertificateFileOpenSSLReadsAgrees() throws {
        let (root, files) = try Self.certificateFiles()
        let deviations = try Self.deviations()
        var readings: [(name: String, path: String, reading: OpenSSLReading)] = []
        var notCertificates = 0
        for name in files {
            let path = root.appendingPathComponent(name).path
            if let reading = try OpenSSLReading(path) { readings.append((name, path, reading)) } else { notCertificates += 1 }
        }
        #expect(readings.count >= 500, "openssl read only \(readings.count) files as certificates")

        // One --json run over every file: a file show cannot read is named on standard error and has no object.
        let json = try runCerto(["show", "--json"] + readings.map(\.path))
        guard let objects = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]] else {
            Issue.record("certo show --json printed no JSON array: \(json.stderr)")
            return
        }
        var firstObject: [String: [String: Any]] = [:]
        for object in objects {
            if let file = object["file"] as? String, firstObject[file] == nil { firstObject[file] = object }
        }
        // And one text run: each file's part starts with a "PATH: N certificate(s)" line.
        let text = try runCerto(["show"] + readings.map(\.path))
        let textParts = Self.splitByFile(text.stdout, paths: readings.map(\.path))

        var agreed = 0, deviated = 0, shownWithProblems = 0, pkits = 0
        for (name, path, reading) in readings {
            if name.hasPrefix("PKITS_data/certs/") { pkits += 1 }
            var differences: [String] = []
            if let object = firstObject[path] {
                if let problems = object["problems"] as? [Any], !problems.isEmpty { shownWithProblems += 1 }
                differences += Self.compare(sha256: object["sha256"] as? String, sha1: object["sha1"] as? String,
                                            serialHex: object["serial"] as? String, reading, "--json")
                let part = textParts[path] ?? ""
                differences += Self.compare(sha256: Self.field("SHA-256", part), sha1: Self.field("SHA-1", part),
                                            serialHex: Self.field("Serial", part).map { String($0.prefix { $0 != " " }) },
                                            reading, "text")
            } else {
                let line = json.stderr.split(separator: "\n").first { $0.contains(path) } ?? ""
                differences.append("refused by certo show: \(line)")
            }
            switch (differences.isEmpty, deviations[name]) {
            case (true, nil): agreed += 1
            case (true, .some): Issue.record("\(name): agrees with openssl now; drop it from show-openssl-deviations.txt")
            case (false, nil): Issue.record("\(name) (\(reading.form)): \(differences.joined(separator: "; "))")
            case (false, .some): deviated += 1
            }
        }
        for name in deviations.keys where !readings.contains(where: { $0.name == name }) {
            Issue.record("show-openssl-deviations.txt names \(name), which is not a certificate file openssl reads")
        }
        print("certo show vs openssl x509: \(files.count) .pem/.der/.crt files, \(readings.count) read by openssl as certificates "
              + "(\(pkits) of them PKITS), \(agreed) agreed, \(deviated) listed deviations, \(shownWithProblems) shown with problems; "
              + "\(notCertificates) not certificates to openssl")
        reportVectorCount("x509 (certo show vs openssl x509)", ran: readings.count, passed: agreed)
    }

    /// The differences between what certo printed and what openssl said.
    static func compare(sha256: String?, sha1: String?, serialHex: String?, _ reading: OpenSSLReading, _ mode: String) -> [String] {
        var differences: [String] = []
        let sha256 = sha256?.replacingOccurrences(of: ":", with: "").lowercased()
        let sha1 = sha1?.replacingOccurrences(of: ":", with: "").lowercased()
        if sha256 != reading.sha256 { differences.append("\(mode): SHA-256 \(sha256 ?? "missing"), openssl \(reading.sha256)") }
        if sha1 != reading.sha1 { differences.append("\(mode): SHA-1 \(sha1 ?? "missing"), openssl \(reading.sha1)") }
        let serial = serialHex.map { signedMagnitude(twosComplementHex: $0.replacingOccurrences(of: ":", with: "")) }
        if serial?.negative != reading.serial.negative || serial?.magnitude != reading.serial.magnitude {
            differences.append("\(mode): serial \(serialHex ?? "missing"), openssl \(reading.serial.negative ? "-" : "")\(reading.serial.magnitude)")
        }
        return differences
    }

    /// A two's-complement big-endian hex number as sign and magnitude (lower-case hex, no leading zeros).
    static func signedMagnitude(twosComplementHex hex: String) -> (negative: Bool, magnitude: String) {
        var bytes = stride(from: 0, to: hex.count - hex.count % 2, by: 2).compactMap { offset -> UInt8? in
            let start = hex.index(hex.startIndex, offsetBy: offset)
            return UInt8(hex[start..<hex.index(start, offsetBy: 2)], radix: 16)
        }
        let negative = (bytes.first ?? 0) & 0x80 != 0
        if negative {
            // Negate: invert every octet, then add one.
            bytes = bytes.map { ~$0 }
            var index = bytes.count - 1
            while index >= 0 {
                let (sum, overflow) = bytes[index].addingReportingOverflow(1)
                bytes[index] = sum
                if !overflow { break }
                index -= 1
            }
        }
        let magnitude = bytes.map { String(format: "%02x", $0) }.joined().drop { $0 == "0" }
        return (negative, String(magnitude))
    }

    /// certo's text output for several files, cut at each file's "PATH: N certificate(s)" line.
    static func splitByFile(_ output: String, paths: [String]) -> [String: String] {
        let known = Set(paths)
        var parts: [String: String] = [:]
        var current: String? = nil
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if let colon = line.range(of: ": ", options: .backwards), line.hasSuffix(" certificate") || line.hasSuffix(" certificates"),
               known.contains(String(line[..<colon.lowerBound])) {
                current = String(line[..<colon.lowerBound])
                continue
            }
            if let current { parts[current, default: ""] += line + "\n" }
        }
        return parts
    }

    /// The value of the first `  NAME:  value` line of certo's text output.
    static func field(_ name: String, _ text: String) -> String? {
        for line in text.split(separator: "\n") where line.hasPrefix("  \(name):") {
            return line.dropFirst(name.count + 3).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    // MARK: the display of certificates the strict parser refuses

    func vector(_ name: String) throws -> String { try VectorFiles.url(.cryptography, "x509/" + name).path }

    @Test(arguments: [
        ("v1_cert.pem", ["problem: signatureAlgorithm: differs from tbsCertificate.signature (outer: 1.2.840.113549.2.5) (RFC 5280 §4.1.1.2)"]),
        ("badasn1time.pem", ["Validity:    2011-03-21T09:25:52Z to (unreadable) (validity unknown: a time is unreadable)",
                             "problem: tbsCertificate.validity.notAfter: UTCTime \"19020701025736Z\" cannot be read as a time (RFC 5280 §4.1.2.5.1)"]),
        ("utf8-dnsname.pem", ["DNS:biztosítás.hu, DNS:*.biztosítás.hu",
                              "problem: tbsCertificate.extensions[8].2.5.29.17.subjectAltName: dNSName \"biztosítás.hu\" is not ASCII (an IA5String); shown as UTF-8 (RFC 5280 §4.2.1.6)"]),
        ("PKITS_data/certs/BadSignedCACert.crt", ["problem: signatureValue: BIT STRING has 1 unused bit; it must hold whole octets (RFC 5280 §4.1.1.3)"]),
        ("custom/ecdsa_null_alg.pem", ["Signature:   ecdsa-with-SHA256",
                                       "problem: tbsCertificate.signature.parameters: parameters not allowed for ecdsa-with-SHA256 (RFC 5758 §3.2)"]),
        ("custom/ec_no_named_curve.pem", ["Public key:  id-ecPublicKey (not decoded strictly; see problems)",
                                          "problem: tbsCertificate.subjectPublicKeyInfo.algorithm.parameters: parameters not allowed for id-ecPublicKey (RFC 5480 §2.1.1)"]),
        ("custom/invalid_version.pem", ["Version:     8", "problem: tbsCertificate.version: version 8 (INTEGER 7) does not exist; v1 to v3 do (RFC 5280 §4.1.2.1)"]),
        ("custom/two_basic_constraints.pem", ["problem: tbsCertificate.extensions[1]: extension basicConstraints (2.5.29.19) appears more than once (RFC 5280 §4.2)"]),
        ("custom/empty-eku.pem", ["problem: tbsCertificate.extensions[3].2.5.29.37.extKeyUsage: SEQUENCE or SET must not be empty here (RFC 5280 §4.2.1.12)"]),
    ])
    func refusedCertificateIsShownWithItsProblems(file: String, lines: [String]) throws {
        let result = try runCerto(["show", try vector(file)])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty)
        for line in lines { #expect(result.stdout.contains(line), "\(file): no line \(line) in\n\(result.stdout)") }
        let json = try runCerto(["show", "--json", try vector(file)])
        #expect(json.status == 0)
        let objects = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        let problems = objects?.first?["problems"] as? [[String: Any]] ?? []
        #expect(!problems.isEmpty, "\(file): no problems in --json")
        for problem in problems {
            #expect(problem["field"] is String && problem["problem"] is String && problem["rule"] is String, "\(problem)")
        }
    }

    @Test func strictlyParsedCertificateIsUnchangedButForAnEmptyProblemsList() throws {
        let file = try vector("cryptography.io.pem")
        let text = try runCerto(["show", file])
        #expect(text.status == 0)
        #expect(!text.stdout.contains("problem:"))
        let json = try runCerto(["show", "--json", file])
        #expect(json.stdout.hasSuffix(", \"issued_by\": [], \"problems\": []}]\n"), "\(json.stdout)")
        #expect(json.stdout.hasPrefix("[{\"file\": "))
    }

    @Test func oldX509CertificateHeaderIsRead() throws {
        let old = try runCerto(["show", "--json", try vector("cryptography.io.old_header.pem")])
        let current = try runCerto(["show", "--json", try vector("cryptography.io.pem")])
        #expect(old.status == 0, "\(old.stderr)")
        func sha256(_ output: String) -> String? {
            ((try? JSONSerialization.jsonObject(with: Data(output.utf8))) as? [[String: Any]])?.first?["sha256"] as? String
        }
        #expect(sha256(old.stdout) != nil)
        #expect(sha256(old.stdout) == sha256(current.stdout))
    }

    @Test func structurallyUnreadableInputIsStillRefused() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("certo-show-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let der = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try vector("e-trust.ru.der"))))
        let cases: [(String, [UInt8], String)] = [
            ("truncated.der", Array(der.prefix(der.count / 2)), "byte 0: malformed DER: element runs past the end of its container"),
            ("integer.der", [0x02, 0x01, 0x05], "no certificate found"),
            ("indefinite.der", [0x30, 0x80] + der.dropFirst(4) + [0x00, 0x00], "malformed DER"),
        ]
        for (name, bytes, message) in cases {
            let path = directory.appendingPathComponent(name).path
            try Data(bytes).write(to: URL(fileURLWithPath: path))
            let result = try runCerto(["show", path])
            #expect(result.status == 1, "\(name)")
            #expect(result.stderr.hasPrefix("certo show: \(path): "), "\(name): \(result.stderr)")
            #expect(result.stderr.contains(message), "\(name): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
    }
}

private struct ShowTestFailure: Error, CustomStringConvertible {
    let description: String
}

private func runCerto(_ arguments: [String]) throws -> ProgramResult {
    guard let certo = ExternalProgram.builtCerto else {
        throw ShowTestFailure(description: "the certo executable was not built next to the tests (run `swift build` first)")
    }
    return try ExternalProgram.run(certo.path, arguments)
}
