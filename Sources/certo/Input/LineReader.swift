// Newline-delimited lines from a descriptor (a file, a pipe, standard input), read in 64 KiB chunks
// and handed out one at a time, so a batch of any length needs memory for one line only. A line
// longer than the limit is not kept: its bytes are counted and skipped up to its newline, and it is
// reported as too long so the caller can answer it and go on. A read error is an error, never an end
// of input: a batch that could not be read to its end must not look complete.
#if canImport(Glibc)
import Glibc
#endif

struct LineReader {
    enum Line: Equatable {
        /// The line's bytes, without the newline (a final line may lack one).
        case text([UInt8])
        /// A line of `byteCount` bytes (without the newline), more than the limit.
        case tooLong(byteCount: Int)
    }

    enum Failure: Error, Equatable {
        case read(reason: String)
        /// No newline within `limit` bytes of the line's start: the line cannot be delimited.
        case unterminated(limit: Int)
    }

    private let descriptor: Int32
    private let maximumLineBytes: Int
    private let maximumSkipBytes: Int
    private var chunk = [UInt8](repeating: 0, count: 1 << 16)
    private var chunkStart = 0
    private var chunkEnd = 0
    private var atEnd = false

    /// `maximumSkipBytes`: how long a line may be and still be skipped to its end.
    init(descriptor: Int32, maximumLineBytes: Int, maximumSkipBytes: Int) {
        self.descriptor = descriptor
        self.maximumLineBytes = maximumLineBytes
        self.maximumSkipBytes = max(maximumSkipBytes, maximumLineBytes)
    }

    /// The next line, or nil at the end of input (empty input has no lines).
    mutating func next() throws(Failure) -> Line? {
        var line: [UInt8] = []
        var length = 0  // bytes of this line so far, kept or skipped
        var sawAnything = false
        while true {
            if chunkStart == chunkEnd {
                let more = atEnd ? false : try refill()
                if !more {
                    guard sawAnything else { return nil }
                    return length > maximumLineBytes ? .tooLong(byteCount: length) : .text(line)
                }
            }
            sawAnything = true
            let start = chunkStart
            let available = chunkEnd - chunkStart
            let newline: Int? = chunk.withUnsafeBytes { buffer in
                guard let found = memchr(buffer.baseAddress! + start, 0x0A, available) else { return nil }
                return buffer.baseAddress!.distance(to: UnsafeRawPointer(found))
            }
            let stop = newline ?? chunkEnd
            let piece = stop - chunkStart
            if length + piece <= maximumLineBytes {
                line.append(contentsOf: chunk[chunkStart..<stop])
            } else if !line.isEmpty {
                line = []  // too long: stop holding it
            }
            length += piece
            chunkStart = newline.map { $0 + 1 } ?? chunkEnd
            if newline != nil {
                return length > maximumLineBytes ? .tooLong(byteCount: length) : .text(line)
            }
            if length > maximumSkipBytes { throw .unterminated(limit: maximumSkipBytes) }
        }
    }

    /// Reads the next chunk; false at end of input.
    private mutating func refill() throws(Failure) -> Bool {
        let fd = descriptor
        while true {
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n > 0 {
                chunkStart = 0
                chunkEnd = n
                return true
            }
            if n == 0 {
                atEnd = true
                return false
            }
            if errno == EINTR { continue }
            throw .read(reason: String(cString: strerror(errno)))
        }
    }
}
