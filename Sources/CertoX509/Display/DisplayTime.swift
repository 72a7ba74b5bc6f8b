// Validity times as the display decoder reads them: every form X.680 gives UTCTime (YYMMDDhhmm[ss],
// then Z or ±hhmm) and GeneralizedTime (YYYYMMDDhh[mm[ss[.f...]]], then Z, ±hh[mm] or nothing), each
// departure from RFC 5280 §4.1.2.5's two forms reported. CertificateTime, the strict reader, accepts
// only those two forms; this one exists so that `certo show` can display the others.
import CertoDER

enum DisplayTime {
    /// The Time element at `scanner` as Unix seconds, nil when it cannot be read; problems go to `problems`.
    static func read(_ scanner: inout DERScanner, _ field: String, _ problems: inout DisplayProblems) -> Int64? {
        guard let tlv = try? scanner.read(field) else {
            problems.add(field, at: nil, .refused(.missingElement(field: field)), rule: "RFC 5280 §4.1.2.5")
            return nil
        }
        let content = scanner.content(tlv)
        let encoding: CertificateProblem.TimeEncoding
        switch tlv.tag {
        case 0x17: encoding = .utcTime
        case 0x18: encoding = .generalizedTime
        default:
            problems.add(field, at: tlv.start, .time(.notATime(tag: tlv.tag), encoding: .utcTime, text: hexString(content)))
            return nil
        }
        let text = String(decoding: content, as: UTF8.self)
        guard let reading = parse(Array(content), generalized: encoding == .generalizedTime) else {
            problems.add(field, at: tlv.start, .time(.unreadable, encoding: encoding, text: text))
            return nil
        }
        for reason in reading.reasons {
            problems.add(field, at: tlv.start, .time(reason, encoding: encoding, text: text))
        }
        if encoding == .generalizedTime && reading.year < 2050 {
            problems.add(field, at: tlv.start, .time(.generalizedTimeBefore2050, encoding: encoding, text: text))
        }
        return reading.seconds
    }

    struct Reading {
        let seconds: Int64
        let year: Int
        let reasons: [CertificateProblem.TimeReason]
    }

    /// Parses the text of a UTCTime or (with `generalized`) a GeneralizedTime; nil when it is no time.
    static func parse(_ text: [UInt8], generalized: Bool) -> Reading? {
        var position = 0
        func number(_ count: Int) -> Int? {
            guard position + count <= text.count else { return nil }
            var value = 0
            for byte in text[position..<(position + count)] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            position += count
            return value
        }
        func nextIsDigit() -> Bool { position < text.count && text[position] >= 0x30 && text[position] <= 0x39 }

        var reasons: [CertificateProblem.TimeReason] = []
        let year: Int
        if generalized {
            guard let value = number(4) else { return nil }
            year = value
        } else {
            guard let value = number(2) else { return nil }
            year = value < 50 ? 2000 + value : 1900 + value
        }
        guard let month = number(2), let day = number(2), let hour = number(2) else { return nil }
        // UTCTime always has minutes; GeneralizedTime may stop after the hour.
        var minute = 0
        var second = 0
        if generalized && !nextIsDigit() {
            reasons.append(.noSeconds)
        } else {
            guard let value = number(2) else { return nil }
            minute = value
            if nextIsDigit() {
                guard let value = number(2) else { return nil }
                second = value
            } else {
                reasons.append(.noSeconds)
            }
        }
        if generalized, position < text.count, text[position] == 0x2e || text[position] == 0x2c {
            position += 1
            guard nextIsDigit() else { return nil }
            while nextIsDigit() { position += 1 }
            reasons.append(.fractionalSeconds)
        }
        var offsetSeconds = 0
        if position == text.count {
            // X.680 allows a local time only in GeneralizedTime.
            guard generalized else { return nil }
            reasons.append(.noTimeZone)
        } else if text[position] == 0x5a {
            position += 1
        } else if text[position] == 0x2b || text[position] == 0x2d {
            let start = position
            let sign = text[position] == 0x2b ? 1 : -1
            position += 1
            guard let hours = number(2), hours <= 23 else { return nil }
            var minutes = 0
            if position < text.count {
                guard let value = number(2), value <= 59 else { return nil }
                minutes = value
            } else if !generalized {
                return nil
            }
            offsetSeconds = sign * (hours * 3600 + minutes * 60)
            reasons.append(.offset(String(decoding: text[start..<position], as: UTF8.self)))
        } else {
            return nil
        }
        guard position == text.count else { return nil }
        guard (1...12).contains(month), day >= 1, day <= CivilTime.daysIn(month: month, year: year),
              hour <= 23, minute <= 59, second <= 59 else { return nil }
        let local = CivilTime.days(year: year, month: month, day: day) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return Reading(seconds: local - Int64(offsetSeconds), year: year, reasons: reasons)
    }
}
