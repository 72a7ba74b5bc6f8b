// Every certificate file in cryptography-vectors' x509/ tree and in /etc/ssl/certs either parses and
// agrees with Python's `cryptography` (subject, issuer, serial, validity, key, signature algorithm,
// extension list, subjectAltName), or fails exactly as ExpectedOutcomes says. Other kinds of file are
// skipped by content and counted.
import CertoTestSupport
import CertoX509
import Foundation
import Testing

struct CorpusDirectory: CustomTestStringConvertible, Sendable {
    let label: String
    let path: String
    var testDescription: String { label }

    /// The vector package's x509/ directories (each non-recursive), then the machine's store.
    static let all: [CorpusDirectory] = [
        "x509", "x509/custom", "x509/custom/ca", "x509/PKITS_data/certs", "x509/PKITS_data/certpairs",
        "x509/PKITS_data/crls", "x509/PKITS_data/pkcs12", "x509/PKITS_data/smime", "x509/PKITS_data",
        "x509/requests", "x509/ocsp", "x509/ed25519", "x509/ed448",
    ].map { CorpusDirectory(label: $0, path: VectorFiles.cacheRoot.appendingPathComponent("cryptography_vectors/" + $0).path) }
        + [CorpusDirectory(label: "/etc/ssl/certs", path: "/etc/ssl/certs")]
}

@Suite struct CorpusOracleTests {
    @Test func corpusListCoversTheWholeTree() throws {
        let root = try VectorFiles.url(.cryptography, "x509")
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isDirectoryKey])
        var directories = ["x509"]
        while let url = enumerator?.nextObject() as? URL {
            if (try url.resourceValues(forKeys: [.isDirectoryKey])).isDirectory == true {
                directories.append("x509" + url.path.dropFirst(root.path.count))
            }
        }
        let listed = Set(CorpusDirectory.all.map(\.label))
        #expect(Set(directories).subtracting(listed).isEmpty, "directories not covered: \(Set(directories).subtracting(listed).sorted())")
    }

    @Test(arguments: CorpusDirectory.all)
    func directoryAgreesWithOracle(_ directory: CorpusDirectory) throws {
        if directory.label.hasPrefix("x509") { _ = try VectorFiles.url(.cryptography, directory.label) }
        let files = try CorpusFile.files(in: URL(fileURLWithPath: directory.path))
        var skipped: [CorpusKind: Int] = [:]
        var certificateFiles: [(URL, [UInt8])] = []
        for file in files {
            let bytes = [UInt8](try Data(contentsOf: file))
            let kind = CorpusFile.kind(of: bytes)
            if kind == .certificate { certificateFiles.append((file, bytes)) } else { skipped[kind, default: 0] += 1 }
        }
        let oracle = try certificateFiles.isEmpty ? [:] : PythonOracle.run(certificateFiles.map { $0.0.path })
        var certificatesCompared = 0
        var passedFiles = 0
        var expectedFailures = 0
        for (file, bytes) in certificateFiles {
            let name = file.lastPathComponent
            guard let reference = oracle[file.path] else { Issue.record("\(name): no oracle result"); continue }
            var failures: [String] = []
            let outcome = ExpectedOutcomes.table[name]
            switch parse(bytes) {
            case .success(let certificates):
                if case .fails(let expected, _) = outcome {
                    failures.append("parsed, but expected \(expected)")
                } else if let oracleCertificates = reference.certificates {
                    if case .oracleRefuses = outcome { failures.append("oracle now accepts; drop the table entry") }
                    if oracleCertificates.count != certificates.count {
                        failures.append("\(certificates.count) certificates, oracle \(oracleCertificates.count)")
                    } else {
                        for (mine, theirs) in zip(certificates, oracleCertificates) {
                            failures += OracleComparison.differences(mine, theirs, outcome: outcome)
                            certificatesCompared += 1
                        }
                    }
                } else if case .oracleRefuses = outcome {
                    certificatesCompared += certificates.count
                } else {
                    failures.append("parsed, but the oracle refuses it: \(reference.error ?? "")")
                }
            case .failure(let error):
                if case .fails(let expected, _) = outcome, expected.matches(error) {
                    expectedFailures += 1
                } else {
                    failures.append("error \(error) (oracle: \(reference.error ?? "parses"))")
                }
            }
            if failures.isEmpty { passedFiles += 1 } else { Issue.record("\(directory.label)/\(name): \(failures.joined(separator: "; "))") }
        }
        let skippedText = CorpusKind.allCases.compactMap { kind in skipped[kind].map { "\(kind.rawValue) \($0)" } }.joined(separator: ", ")
        print("corpus \(directory.label): \(certificateFiles.count) certificate files, \(certificatesCompared) certificates compared with the oracle, \(expectedFailures) expected failures; skipped by kind: \(skippedText.isEmpty ? "none" : skippedText)")
        reportVectorCount(directory.label, ran: certificateFiles.count, passed: passedFiles)
    }
}

func parse(_ bytes: [UInt8]) -> Result<[Certificate], CertificateError> {
    do {
        return .success(try Certificate.parseAll(bytes))
    } catch {
        return .failure(error)
    }
}
