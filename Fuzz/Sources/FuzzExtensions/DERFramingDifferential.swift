// Certo reads DER one way, with CertoDER's DERScanner; SwiftASN1 (a fuzz-only dependency here, no
// longer in the product) is the independent reader it is checked against. The scanner is the stricter
// of the two by design (low tag numbers only, nesting 32 instead of 50, lengths up to four octets), so
// whatever it accepts SwiftASN1 must accept too, and the two must agree on where the element ends.
import CertoDER
import FuzzSupport
import SwiftASN1

enum DERFramingDifferential {
    static func run(_ bytes: [UInt8]) {
        let scanned = Result { () throws(DERError) in try DERScanner<DERError>.single(bytes[...], "element") }
        let parsed = Result { try DER.parse(bytes[...]) }
        switch (scanned, parsed) {
        case (.success, .failure(let error)):
            invariant(false, "DERScanner accepts DER that SwiftASN1 refuses (\(error))")
        case (.failure(let error), _):
            _ = error.description
        case (.success, .success):
            break
        }
    }
}
