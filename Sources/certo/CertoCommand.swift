// The `certo` command line: argument parsing and printing only; all verification logic lives in the library.
import ArgumentParser

@main
struct CertoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certo",
        abstract: "Verify X.509 certificate chains with Certo's own cryptography.",
        version: CertoVersion.string,
        subcommands: [
            VerifyCommand.self, ShowCommand.self, FetchCommand.self, CheckCommand.self,
            SigVerifyCommand.self, HashCommand.self, BenchCommand.self,
        ]
    )
}

enum CertoVersion {
    static let string = "0.1.0"
}
