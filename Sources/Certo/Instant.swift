// A point in time as Unix seconds plus nanoseconds, UTC: the validation time of a Policy.
// Certificates carry whole seconds, and a bound covers its whole second (notAfter + 0.005 s is still
// within notAfter), so the fraction never decides validity. Reads the clock only in `now`, never implicitly elsewhere.
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import CertoX509

/// A point in time in UTC: Unix seconds and nanoseconds (leap seconds are not counted, as in X.509).
public struct Instant: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Seconds since 1970-01-01T00:00:00Z.
    public let seconds: Int64
    /// 0 ..< 1_000_000_000.
    public let nanoseconds: Int32

    /// The instant `seconds` (and `nanoseconds`, 0 ..< 1_000_000_000) after the Unix epoch.
    public init(seconds: Int64, nanoseconds: Int32 = 0) {
        precondition(nanoseconds >= 0 && nanoseconds < 1_000_000_000, "nanoseconds out of range")
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// The current wall-clock time.
    public static func now() -> Instant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Instant(seconds: Int64(ts.tv_sec), nanoseconds: Int32(ts.tv_nsec))
    }

    /// Whether `lhs` is earlier than `rhs`.
    public static func < (lhs: Instant, rhs: Instant) -> Bool {
        lhs.seconds != rhs.seconds ? lhs.seconds < rhs.seconds : lhs.nanoseconds < rhs.nanoseconds
    }

    /// True when this instant lies in [notBefore, notAfter], both bounds inclusive (RFC 5280 §4.1.2.5).
    /// Certificate times have whole seconds, so notAfter covers its whole second: 12:00:00.005 is
    /// still within a notAfter of 12:00:00.
    public func isWithin(notBefore: Int64, notAfter: Int64) -> Bool {
        seconds >= notBefore && seconds <= notAfter
    }

    /// ISO 8601 UTC, e.g. "2026-06-01T00:00:00Z" (fraction printed only when non-zero).
    public var description: String {
        var text = Instant.utcString(seconds)
        if nanoseconds > 0 {
            var fraction = String(nanoseconds)
            fraction = String(repeating: "0", count: 9 - fraction.count) + fraction
            while fraction.hasSuffix("0") { fraction.removeLast() }
            text.removeLast()  // "Z"
            text += "." + fraction + "Z"
        }
        return text
    }

    /// Formats Unix seconds as "YYYY-MM-DDTHH:MM:SSZ" (proleptic Gregorian, no leap seconds).
    public static func utcString(_ unixSeconds: Int64) -> String { CivilTime.iso8601(unixSeconds) }

    /// Parses Unix seconds ("1780272000") or ISO 8601 UTC ("2025-05-20T00:00:01Z",
    /// "2024-04-01T00:00:00.005Z"); nil for anything else.
    public init?(parsing text: String) {
        let bytes = Array(text.utf8)
        if !bytes.isEmpty, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) || (bytes[0] == 0x2D && bytes.count > 1 && bytes.dropFirst().allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })) {
            guard let value = Int64(text) else { return nil }
            self.init(seconds: value)
            return
        }
        // YYYY-MM-DDTHH:MM:SS[.fraction]Z
        guard bytes.count >= 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54 || bytes[10] == 0x74,
              bytes[13] == 0x3A, bytes[16] == 0x3A, bytes.last == 0x5A || bytes.last == 0x7A else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for i in range {
                let b = bytes[i]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int64(b - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), day >= 1, day <= Int64(CivilTime.daysIn(month: Int(month), year: Int(year))),
              hour < 24, minute < 60, second < 60 else { return nil }
        var nanos: Int64 = 0
        let end = bytes.count - 1
        if end > 19 {
            guard bytes[19] == 0x2E, end - 20 >= 1, end - 20 <= 9, let fraction = number(20..<end) else { return nil }
            nanos = fraction
            for _ in 0..<(9 - (end - 20)) { nanos *= 10 }
        } else if end != 19 {
            return nil
        }
        let days = CivilTime.days(year: Int(year), month: Int(month), day: Int(day))
        self.init(seconds: days * 86_400 + hour * 3600 + minute * 60 + second, nanoseconds: Int32(nanos))
    }
}
