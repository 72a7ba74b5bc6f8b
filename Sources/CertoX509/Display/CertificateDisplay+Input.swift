// The certificates of a file for display: found as Certificate.parseAll finds them (every certificate
// block of PEM input, or the input as one DER certificate), each parsed strictly or, when the strict
// parser refuses it, read by the display decoder. A certificate neither can read fails the input with
// the strict parser's own error, so an unreadable file is reported exactly as parseAll reports it.
import CertoDER

extension CertificateDisplay {
    /// Every certificate of `bytes` for display; throws what `Certificate.parseAll` throws when one
    /// cannot be read even for display, or when the input holds none.
    public static func parseAll(_ bytes: [UInt8]) throws(CertificateError) -> [CertificateDisplay] {
        guard bytes.count <= Certificate.maximumInputByteCount else {
            throw .inputTooLarge(byteCount: bytes.count, limit: Certificate.maximumInputByteCount)
        }
        if Certificate.looksLikeDER(bytes) { return [try one(bytes)] }
        let blocks = try Certificate.certificateBlocks(bytes)
        if blocks.isEmpty && bytes.first == 0x30 { return [try one(bytes)] }
        var displays: [CertificateDisplay] = []
        for block in blocks where PEM.isCertificateLabel(block.label) {
            do {
                displays.append(try one(block.der))
            } catch {
                throw .inPEMBlock(index: displays.count + 1, line: block.line, error: error)
            }
        }
        guard !displays.isEmpty else { throw .noCertificates }
        return displays
    }

    /// One DER certificate: strictly parsed, else display-decoded, else the strict parser's error.
    private static func one(_ der: [UInt8]) throws(CertificateError) -> CertificateDisplay {
        let strictError: CertificateError
        do {
            return CertificateDisplay(try Certificate(derEncoded: der))
        } catch {
            strictError = error
        }
        do {
            return try CertificateDisplay(displayDecoding: der)
        } catch {
            throw strictError
        }
    }
}
