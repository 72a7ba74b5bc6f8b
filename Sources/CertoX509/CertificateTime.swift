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
        guard (1...12).contains(month), day >= 1, day <= CivilTime.daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        let days = CivilTime.days(year: year, month: month, day: day)
        return days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
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
}
