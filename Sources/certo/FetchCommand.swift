// `certo fetch` (placeholder until its issue lands).
import ArgumentParser

struct FetchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "fetch", abstract: "Read a server's certificate chain over TLS.")

    func run() throws {
        printError("certo fetch: not implemented yet")
        throw ExitCode(1)
    }
}
