// CertoX509 reads DER two ways: DERScanner (allocation-free, parse time) and SwiftASN1's node tree
// (typed decoders), with DERLocator re-walking SwiftASN1's refusals to name the byte. The scanner is the
// stricter of the two by design (low tag numbers only, nesting 32 instead of 50, lengths up to four
// octets), so whatever it accepts SwiftASN1 must accept too.
@testable import CertoX509
import FuzzSupport

enum DERFramingDifferential {
    static func run(_ bytes: [UInt8]) {
        let scanned = scannerAccepts(bytes[...])
        let parsed = Result { () throws(CertificateError) in try parseDER(bytes[...]) }
        switch parsed {
        case .success:
            break
        case .failure(let error):
            _ = error.description
            invariant(!scanned, "DERScanner accepts DER that SwiftASN1 refuses (\(error))")
        }
    }

    /// One element covering all of `bytes`, every constructed element walked to the bottom.
    private static func scannerAccepts(_ bytes: ArraySlice<UInt8>) -> Bool {
        var scanner = DERScanner(bytes)
        do throws(CertificateError) {
            let tlv = try scanner.read("element")
            if tlv.isConstructed { try scanner.enter(tlv, "element").skipAll("element") }
            return scanner.isAtEnd
        } catch {
            return false
        }
    }
}
