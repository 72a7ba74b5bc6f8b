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

    /// Runs the command, mapping ArgumentParser's usage errors (its exit code 64) to the CLI
    /// contract's exit 1, with the message on one stderr line block as ArgumentParser formats it.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                printError(fullMessage(for: error))
                Self.exit(withError: ExitCode(1))
            }
            Self.exit(withError: error)
        }
    }
}

enum CertoVersion {
    static let string = "0.1.0"
}
