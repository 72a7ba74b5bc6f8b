// Options a command reads from its raw arguments, so that OpenSSL's single-dash spellings work and a
// usage error exits 1 (ArgumentParser's own usage errors exit 64): `certo verify`, `certo sigverify`.
import ArgumentParser

/// Why a command cannot go on (a usage error, an unreadable input), in one line.
protocol UsageProblem: Error {
    var message: String { get }
}

protocol RawCommandOptions {
    associatedtype Problem: UsageProblem
    static var synopsis: String { get }
    static var usage: String { get }
    var help: Bool { get }
    init(parsing arguments: [String]) throws(Problem)
}

extension RawCommandOptions {
    /// The options of `certo COMMAND ARGUMENTS...`; nil once --help has been answered. A usage error
    /// prints its reason and the synopsis to stderr and exits 1.
    static func parse(_ arguments: [String], command: String) throws -> Self? {
        let options: Self
        do {
            options = try Self(parsing: arguments)
        } catch {
            printError("certo \(command): \(error.message)")
            printError("usage: \(synopsis)")
            throw ExitCode(1)
        }
        if options.help {
            print("usage: \(synopsis)\n\n\(usage)")
            return nil
        }
        return options
    }
}
