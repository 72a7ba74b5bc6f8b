// Reading the files (or standard input, "-") that `certo show`, `certo hash` and the sigverify message
// are given, with the C library only (no Foundation: start-up time). A directory or a read error
// becomes a FileReadError whose reason is the system's text, as coreutils prints it. Streamed input
// (hash, message) is handed on chunk by chunk and never held; whole files are bounded.
#if canImport(Glibc)
import Glibc
#endif
import Certo

struct FileReadError: Error, CustomStringConvertible {
    let path: String
    let reason: String
    var description: String { "\(path): \(reason)" }

    /// The failure named by the current `errno`.
    static func fromErrno(_ path: String) -> FileReadError {
        FileReadError(path: path, reason: String(cString: strerror(errno)))
    }
}

/// Reads `path` (standard input for "-") in 64 KiB chunks, handing each to `body`; refuses
/// directories. `body` may throw to stop early.
func readChunks(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
    let fd: Int32 = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { throw FileReadError.fromErrno(path) }
    defer { if fd != 0 { close(fd) } }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw FileReadError.fromErrno(path) }
    if info.st_mode & S_IFMT == S_IFDIR { throw FileReadError(path: path, reason: "Is a directory") }
    let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 16, alignment: 16)
    defer { chunk.deallocate() }
    while true {
        let n = read(fd, chunk.baseAddress, chunk.count)
        if n < 0 {
            if errno == EINTR { continue }
            throw FileReadError.fromErrno(path)
        }
        if n == 0 { break }
        try body(UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
    }
}

/// A whole certificate file (or standard input for "-"), refused as soon as it passes
/// `InputLimits.certificateFileBytes` (what the certificate parser accepts), so no more is ever held.
func readWholeFile(_ path: String) throws -> [UInt8] {
    let limit = InputLimits.certificateFileBytes
    switch path == "-" ? FileBytes.readStandardInput(limit: limit) : FileBytes.read(path, limit: limit) {
    case .success(let bytes): return bytes
    case .failure(let error): throw FileReadError(path: path, reason: error.reason)
    }
}
