// How much certificate input one command holds at once: a limit per file, and a total over the files
// that stay in memory together (trust-store files, intermediates, the CERT file being verified), so
// that many files each under the per-file limit cannot add up past what a command may use. Parsed
// certificates take about three times their PEM size, so 64 MiB of input stays well under 256 MiB.

package struct InputBudget: Sendable {
    package let perFile: Int
    package let total: Int
    /// Bytes of the total not yet taken by files that are kept.
    package private(set) var remaining: Int

    package init(perFile: Int = FileBytes.limit, total: Int = FileBytes.limit) {
        self.perFile = perFile
        self.total = total
        remaining = total
    }

    /// The most the next file may hold.
    package var allowance: Int { min(perFile, remaining) }

    /// A named file (a pipe or device too), within the allowance. `keep`: it stays in memory for the
    /// rest of the command, so it is charged to the total.
    package mutating func read(_ path: String, keep: Bool) -> Result<[UInt8], FileError> {
        charge(FileBytes.read(path, limit: allowance), keep: keep)
    }

    /// Standard input ("-"), within the allowance.
    package mutating func readStandardInput(keep: Bool) -> Result<[UInt8], FileError> {
        charge(FileBytes.readStandardInput(limit: allowance), keep: keep)
    }

    /// A directory entry, kept: its bytes when it is a regular file, nil when it is not.
    package mutating func readRegularFile(_ path: String) -> Result<[UInt8]?, FileError> {
        let limit = allowance
        switch FileBytes.readRegularFile(path, limit: limit) {
        case .success(nil): return .success(nil)
        case .success(let bytes?): remaining -= bytes.count; return .success(bytes)
        case .failure(let error): return .failure(explained(error))
        }
    }

    private mutating func charge(_ result: Result<[UInt8], FileError>, keep: Bool) -> Result<[UInt8], FileError> {
        switch result {
        case .success(let bytes):
            if keep { remaining -= bytes.count }
            return .success(bytes)
        case .failure(let error):
            return .failure(explained(error))
        }
    }

    /// Names the total, not the per-file limit, when it was the total that ran out.
    private func explained(_ error: FileError) -> FileError {
        guard let limit = error.exceededLimit, limit < perFile else { return error }
        return FileError(path: error.path,
                         reason: "over the \(total)-byte total of certificate input held at once (\(limit) bytes were left for it)",
                         exceededLimit: limit)
    }
}
