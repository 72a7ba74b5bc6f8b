// `certo check` (placeholder until its issue lands).
import ArgumentParser

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Fetch a server's chain over TLS and verify it.")

    func run() throws {
        printError("certo check: not implemented yet")
        throw ExitCode(1)
    }
}
