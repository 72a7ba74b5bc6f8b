// `certo show` (placeholder until its issue lands).
import ArgumentParser

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print what a person needs to know about certificates.")

    func run() throws {
        printError("certo show: not implemented yet")
        throw ExitCode(1)
    }
}
