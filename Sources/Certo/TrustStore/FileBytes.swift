// Reads whole files with the C library only, so that `certo verify` does not pull in Foundation
// (start-up time). Every read has a byte limit, checked before the bytes are appended, so input past
// the limit is never held: 64 MiB by default, since a trust store is never that big.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

package enum FileBytes {
    package static let limit = 64 << 20

    /// The file's bytes, or a one-line reason (strerror text) it could not be read. A named file may
    /// be a pipe or a device (`<(…)`, /dev/stdin): it is read until end of file or `limit`.
    package static func read(_ path: String, limit: Int = limit) -> Result<[UInt8], FileError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(FileError(path: path, reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        return read(descriptor: fd, name: path, limit: limit)
    }

    /// Standard input, read to its end, named "-" in errors.
    package static func readStandardInput(limit: Int = limit) -> Result<[UInt8], FileError> {
        read(descriptor: 0, name: "-", limit: limit)
    }

    /// A directory entry's bytes when it is a regular file (symlinks followed), nil when it is anything
    /// else. Opened non-blocking, so a FIFO without a writer cannot stall the caller between the
    /// directory scan and the open; fstat then decides on the very file that was opened.
    package static func readRegularFile(_ path: String, limit: Int = limit) -> Result<[UInt8]?, FileError> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(FileError(path: path, reason: String(cString: strerror(errno)))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(FileError(path: path, reason: String(cString: strerror(errno)))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { return .success(nil) }
        return read(descriptor: fd, name: path, limit: limit).map { $0 }
    }

    /// Reads `fd` to its end; refuses a directory, and input longer than `limit` as soon as it is seen.
    package static func read(descriptor fd: Int32, name: String, limit: Int) -> Result<[UInt8], FileError> {
        let tooLarge = FileError(path: name, reason: "larger than \(limit) bytes", exceededLimit: limit)
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(FileError(path: name, reason: String(cString: strerror(errno)))) }
        if (st.st_mode & S_IFMT) == S_IFDIR {
            return .failure(FileError(path: name, reason: "is a directory"))
        }
        var bytes: [UInt8] = []
        if (st.st_mode & S_IFMT) == S_IFREG {
            // A regular file says its size: refuse it unread, or allocate once.
            if Int(st.st_size) > limit { return .failure(tooLarge) }
            bytes.reserveCapacity(Int(st.st_size) + 1)
        }
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(FileError(path: name, reason: String(cString: strerror(errno))))
            }
            if n == 0 { break }
            if bytes.count + n > limit { return .failure(tooLarge) }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return .success(bytes)
    }

    package static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// Names of the entries of a directory (no "." or ".."), sorted; of every type (see DirectoryScan
    /// for the regular files only). More than `limit` entries is an error, found before they are all held.
    package static func list(_ directory: String, limit: Int = Int.max) -> Result<[String], FileError> {
        guard let dir = opendir(directory) else {
            return .failure(FileError(path: directory, reason: String(cString: strerror(errno))))
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name == "." || name == ".." { continue }
            guard names.count < limit else {
                return .failure(FileError(path: directory, reason: "more than \(limit) directory entries"))
            }
            names.append(name)
        }
        return .success(names.sorted())
    }
}

/// A file that could not be read, or was larger than its limit.
public struct FileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (or "standard input").
    public let path: String
    /// What went wrong, in words.
    public let reason: String
    /// Set when the input was refused for being longer than this many bytes (not for an I/O error).
    public let exceededLimit: Int?
    /// The path and the reason.
    public var description: String { "\(path): \(reason)" }

    /// A read failure of `path`.
    public init(path: String, reason: String, exceededLimit: Int? = nil) {
        self.path = path
        self.reason = reason
        self.exceededLimit = exceededLimit
    }
}
