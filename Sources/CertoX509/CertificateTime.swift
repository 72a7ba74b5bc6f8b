// RFC 5280 §4.1.2.5 times to Unix seconds: UTCTime "YYMMDDHHMMSSZ" (YY < 50 means 20YY) and
// GeneralizedTime "YYYYMMDDHHMMSSZ". Seconds and the trailing Z are required, fractional seconds and
// offsets refused, as the RFC says; calendar fields are range-checked (no leap seconds).
import CertoDER

public enum CertificateTime {
    /// Reads a Time CHOICE element (UTCTime or GeneralizedTime) from `scanner`.
    static func read(_ scanner: inout DERScanner, _ field: String) throws(CertificateError) -> Int64 {
        let tlv = try scanner.read(field)
        let seconds: Int64?
        switch tlv.tag {
        case 0x17: seconds = utcTime(scanner.content(tlv))
        case 0x18: seconds = generalizedTime(scanner.content(tlv))
        default: throw .unexpectedElement(field: field, offset: tlv.start, tag: tlv.tag)
        }
        guard let seconds else { throw .invalidEncoding(field: field, offset: tlv.start, problem: .time) }
        return seconds
    }

    private static func utcTime(_ text: ArraySlice<UInt8>) -> Int64? {
        guard text.count == 13, text.last == 0x5a else { return nil }
        let base = text.startIndex
        guard let yy = digits(text, base, 2) else { return nil }
        let year = yy < 50 ? 2000 + yy : 1900 + yy
        return civil(text, year: year, from: base + 2)
    }

    private static func generalizedTime(_ text: ArraySlice<UInt8>) -> Int64? {
        guard text.count == 15, text.last == 0x5a else { return nil }
        let base = text.startIndex
        guard let year = digits(text, base, 4) else { return nil }
        return civil(text, year: year, from: base + 4)
    }

    /// MMDDHHMMSS at `start`, then seconds since 1970-01-01T00:00:00Z.
    private static func civil(_ text: ArraySlice<UInt8>, year: Int, from start: Int) -> Int64? {
        guard let month = digits(text, start, 2), let day = digits(text, start + 2, 2),
              let hour = digits(text, start + 4, 2), let minute = digits(text, start + 6, 2),
              let second = digits(text, start + 8, 2) else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        return Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
    }

    @inline(__always)
    private static func digits(_ text: ArraySlice<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var value = 0
        for index in start..<(start + count) {
            let byte = text[index]
            guard byte >= 0x30 && byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The calendar date of Unix seconds, for display: (year, month, day, hour, minute, second).
    public static func components(_ seconds: Int64) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var days = Int(seconds / 86_400)
        var rest = Int(seconds % 86_400)
        if rest < 0 { rest += 86_400; days -= 1 }
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    /// ISO 8601 UTC text of Unix seconds: "2025-05-20T00:00:01Z".
    public static func iso8601(_ seconds: Int64) -> String {
        let c = components(seconds)
        func pad(_ value: Int, _ width: Int) -> String {
            let text = String(value)
            return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
        }
        return "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))T\(pad(c.hour, 2)):\(pad(c.minute, 2)):\(pad(c.second, 2))Z"
    }
}
