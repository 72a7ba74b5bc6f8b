// The files a certificate directory (--ca-path, --untrusted DIR) contributes: its regular files
// (symlinks followed), in name order. Anything else — FIFOs, sockets, devices, subdirectories,
// dangling links — is skipped with a note, because opening or reading it could block forever or
// never end. Classified with stat before anything is opened; FileBytes.readRegularFile checks again.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

package struct DirectoryScan: Sendable {
    /// A directory with more entries than this is refused rather than listed.
    package static let maximumEntries = 100_000

    /// An entry left out, and why ("not a regular file (FIFO)").
    package struct Skipped: Equatable, Sendable, CustomStringConvertible {
        package let path: String
        package let reason: String
        package var description: String { "skipped \(path): \(reason)" }

        package init(path: String, reason: String) {
            self.path = path
            self.reason = reason
        }
    }

    /// Full paths of the regular files, sorted by name.
    package let files: [String]
    package let skipped: [Skipped]

    package static func scan(_ directory: String) -> Result<DirectoryScan, FileError> {
        let names: [String]
        switch FileBytes.list(directory, limit: maximumEntries) {
        case .success(let list): names = list
        case .failure(let error): return .failure(error)
        }
        var files: [String] = []
        var skipped: [Skipped] = []
        for name in names {
            let path = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var st = stat()
            guard stat(path, &st) == 0 else {
                let reason = errno == ENOENT ? "dangling symbolic link" : String(cString: strerror(errno))
                skipped.append(Skipped(path: path, reason: reason))
                continue
            }
            let type = st.st_mode & S_IFMT
            if type == S_IFREG {
                files.append(path)
            } else {
                skipped.append(Skipped(path: path, reason: "not a regular file (\(typeName(type)))"))
            }
        }
        return .success(DirectoryScan(files: files, skipped: skipped))
    }

    /// Reads every regular file of `directory` within `budget` (kept), in name order, handing each to
    /// `body`; the entries left out go to `skipped`. The first file that cannot be read ends it.
    package static func readRegularFiles(of directory: String, budget: inout InputBudget, skipped: inout [Skipped],
                                        _ body: (_ path: String, _ bytes: [UInt8]) -> Void) -> Result<Void, FileError> {
        let scan: DirectoryScan
        switch DirectoryScan.scan(directory) {
        case .success(let result): scan = result
        case .failure(let error): return .failure(error)
        }
        skipped.append(contentsOf: scan.skipped)
        for path in scan.files {
            switch budget.readRegularFile(path) {
            case .success(let bytes?): body(path, bytes)
            case .success(nil): skipped.append(Skipped(path: path, reason: "not a regular file any more"))
            case .failure(let error): return .failure(error)
            }
        }
        return .success(())
    }

    static func typeName(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: return "FIFO"
        case S_IFSOCK: return "socket"
        case S_IFCHR: return "character device"
        case S_IFBLK: return "block device"
        case S_IFDIR: return "directory"
        default: return "file type \(type)"
        }
    }
}
