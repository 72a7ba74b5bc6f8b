// Reading the files (or standard input, "-") that `certo show` and `certo hash` are given, with the
// C library only (no Foundation: start-up time). A directory or a read error becomes a FileReadError
// whose reason is the system's text, as coreutils prints it.
#if canImport(Glibc)
import Glibc
#endif
import CertoX509

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

/// A whole file (or standard input for "-"), refusing anything larger than the certificate parser
/// accepts.
func readWholeFile(_ path: String) throws -> [UInt8] {
    var bytes: [UInt8] = []
    try readChunks(path) { chunk in
        bytes.append(contentsOf: chunk)
        if bytes.count > Certificate.maximumInputByteCount {
            throw FileReadError(path: path, reason: "larger than \(Certificate.maximumInputByteCount) bytes")
        }
    }
    return bytes
}
