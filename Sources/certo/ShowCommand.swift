// `certo show [--json] FILE...`: what `openssl x509 -text -noout` tells a person, compactly: per
// certificate its fields, every extension decoded, fingerprints, and for chain files which certificate
// issued which (by name and key identifier; no signature is checked here). A certificate the strict
// parser refuses is shown as CertoX509's display decoder reads it, each departure on a `problem:` line
// (and in `problems` with --json); it still exits 0. Only input that cannot be read even for display
// (broken framing, no certificate, unreadable PEM) is bad input: one line, exit 1.
import ArgumentParser
import Certo
import CertoX509
#if canImport(Glibc)
import Glibc
#endif

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Print what a person needs to know about certificates.",
        discussion: """
            A certificate that verification's strict parser refuses (v1 quirks, legacy algorithm \
            parameters, times outside RFC 5280's form, non-ASCII names, non-DER encodings) is still \
            shown, with one `problem: FIELD: WHAT (RULE)` line per departure; the exit status stays 0.
            """)

    @Flag(help: "Print a JSON array with one object per certificate.")
    var json = false

    @Argument(help: "PEM (any number of certificates) or DER files.")
    var files: [String]

    func run() throws {
        let now = Int64(time(nil))
        var failed = false
        // --json objects are printed as they are made (the array's bytes as before), so only one
        // file's certificates are ever held.
        var printedObjects = 0
        for (fileIndex, path) in files.enumerated() {
            let certificates: [CertificateDisplay]
            do {
                certificates = try CertificateDisplay.parseAll(try readWholeFile(path))
            } catch let error as FileReadError {
                printError("certo show: \(error)")
                failed = true
                continue
            } catch {
                printError("certo show: \(path): \(error)")
                failed = true
                continue
            }
            let links = IssuerLinks(certificates)
            if json {
                for (index, certificate) in certificates.enumerated() {
                    let object = ShowJSON.object(certificate, file: path, index: index, links: links, now: now)
                    print(printedObjects == 0 ? "[" + object : ",\n " + object, terminator: "")
                    printedObjects += 1
                }
            } else {
                if fileIndex > 0 { print("") }
                if files.count > 1 || certificates.count > 1 {
                    print("\(path): \(certificates.count) certificate\(certificates.count == 1 ? "" : "s")")
                }
                for (index, certificate) in certificates.enumerated() {
                    if index > 0 { print("") }
                    print(ShowText.render(certificate, index: index, links: links, now: now, numbered: certificates.count > 1))
                }
                if certificates.count > 1 { print(""); print(links.summary) }
            }
        }
        if json { print(printedObjects == 0 ? "[]" : "]") }
        if failed { throw ExitCode(1) }
    }
}
