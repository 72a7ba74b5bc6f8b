// `certo verify` (placeholder until its issue lands).
import ArgumentParser

struct VerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Verify certificate chains.")

    func run() throws {
        printError("certo verify: not implemented yet")
        throw ExitCode(1)
    }
}
