// Validation times as the CLI accepts them: Unix seconds or ISO 8601 UTC with optional fraction;
// both validity bounds inclusive to the nanosecond.
import Certo
import Testing

@Suite struct InstantTests {
    static let parsing: [(String, Int64?, Int32)] = [
        ("1780272000", 1_780_272_000, 0),
        ("0", 0, 0),
        ("2026-06-01T00:00:00Z", 1_780_272_000, 0),
        ("2025-05-20T00:00:01Z", 1_747_699_201, 0),
        ("2024-04-01T00:00:00.005Z", 1_711_929_600, 5_000_000),
        ("2000-02-29T12:00:00Z", 951_825_600, 0),
        ("1999-12-31T23:59:59Z", 946_684_799, 0),
        ("2001-02-29T00:00:00Z", nil, 0),
        ("2026-06-01T00:00:00", nil, 0),
        ("2026-06-01 00:00:00Z", nil, 0),
        ("2026-06-01T24:00:00Z", nil, 0),
        ("2026-06-01T00:00:00.Z", nil, 0),
        ("soon", nil, 0),
        ("", nil, 0),
    ]

    @Test(arguments: parsing)
    func parses(_ text: String, _ seconds: Int64?, _ nanoseconds: Int32) {
        let instant = Instant(parsing: text)
        #expect(instant?.seconds == seconds, "\(text)")
        if seconds != nil { #expect(instant?.nanoseconds == nanoseconds) }
    }

    @Test func boundsAreInclusive() {
        #expect(Instant(seconds: 100).isWithin(notBefore: 100, notAfter: 200))
        #expect(Instant(seconds: 200).isWithin(notBefore: 100, notAfter: 200))
        // notAfter covers its whole second: certificate times have no fraction.
        #expect(Instant(seconds: 200, nanoseconds: 5_000_000).isWithin(notBefore: 100, notAfter: 200))
        #expect(!Instant(seconds: 201).isWithin(notBefore: 100, notAfter: 200))
        #expect(!Instant(seconds: 99, nanoseconds: 999_999_999).isWithin(notBefore: 100, notAfter: 200))
    }

    @Test func formatsUTC() {
        #expect(Instant(seconds: 1_780_272_000).description == "2026-06-01T00:00:00Z")
        #expect(Instant(seconds: 1_711_929_600, nanoseconds: 5_000_000).description == "2024-04-01T00:00:00.005Z")
        #expect(Instant.utcString(-1) == "1969-12-31T23:59:59Z")
    }
}
