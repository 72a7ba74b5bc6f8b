// Fields that ASN.1 types as GeneralizedTime alone (OCSP's producedAt, thisUpdate, nextUpdate and
// revocationTime, RFC 6960 §4.2.1; a CRL entry's invalidityDate): CertificateTime's reader with the
// UTCTime alternative refused, so the same RFC 5280 form rules apply (Z, seconds, no fractions).
import CertoDER

extension CertificateTime {
    /// Reads a GeneralizedTime element from `scanner`; a UTCTime or anything else is an unexpected element.
    static func readGeneralized(_ scanner: inout DERScanner, _ field: String) throws(CertificateError) -> Int64 {
        guard scanner.nextTag == 0x18 else {
            guard let tag = scanner.nextTag else { throw .missingElement(field: field) }
            throw .unexpectedElement(field: field, offset: scanner.position, tag: tag)
        }
        return try read(&scanner, field)
    }
}
