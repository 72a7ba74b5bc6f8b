// Error messages repeat what was wrong, but only a bounded prefix of it: a 60 MB request value must
// not come back as a 60 MB answer.

/// How much of a bad value an error message repeats, in UTF-8 bytes.
public let echoedValueLimit = 64

/// `value` itself when it is at most `limit` UTF-8 bytes, else as much of its start as fits in
/// `limit` bytes (whole Unicode scalars) followed by "…".
public func echoed(_ value: some StringProtocol, limit: Int = echoedValueLimit) -> String {
    guard value.utf8.count > limit else { return String(value) }
    var prefix = ""
    var used = 0
    for scalar in value.unicodeScalars {
        let size = String(scalar).utf8.count
        if used + size > limit { break }
        prefix.unicodeScalars.append(scalar)
        used += size
    }
    return prefix + "…"
}
