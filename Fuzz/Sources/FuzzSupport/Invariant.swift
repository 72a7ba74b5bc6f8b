// The fuzz targets' oracle: a broken invariant must crash so libFuzzer keeps the input. A thrown error
// is an answer; only disagreement between two paths, or an accessor failing after parsing vouched for
// the value, is a finding.

/// Traps with `message` (printed on standard error) when `condition` is false.
public func invariant(_ condition: Bool, _ message: @autoclosure () -> String) {
    if condition { return }
    fatalError("fuzz invariant broken: \(message())")
}
