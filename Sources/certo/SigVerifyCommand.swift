// `certo sigverify` (placeholder until its issue lands).
import ArgumentParser

struct SigVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sigverify", abstract: "Verify one signature, or a JSON-lines batch.")

    func run() throws {
        printError("certo sigverify: not implemented yet")
        throw ExitCode(1)
    }
}
