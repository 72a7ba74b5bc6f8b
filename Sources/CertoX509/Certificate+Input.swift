// Certificates from a file's bytes: every certificate block of PEM input (CertoDER's PEM reader; the
// labels PEM.isCertificateLabel accepts, the historical "X509 CERTIFICATE" included; other blocks and
// the text between them are ignored), or the input itself when it is one DER element.
import CertoDER

extension Certificate {
    /// Input larger than this is refused (the system bundle is about 200 KiB).
    public static let maximumInputByteCount = 64 << 20

    /// PEM with any number of CERTIFICATE blocks (text between them ignored, CRLF and headers tolerated),
    /// or exactly one DER certificate. Throws `.noCertificates` when PEM input holds none.
    /// The DER of every certificate in `bytes` without parsing them: the CERTIFICATE blocks of PEM
    /// input, or the input itself when it is DER. Throws only for PEM that cannot be read at all.
    public static func encodedCertificates(_ bytes: [UInt8]) throws(CertificateError) -> [[UInt8]] {
        guard bytes.count <= maximumInputByteCount else {
            throw .inputTooLarge(byteCount: bytes.count, limit: maximumInputByteCount)
        }
        if looksLikeDER(bytes) { return [bytes] }
        let blocks = try certificateBlocks(bytes)
        if blocks.isEmpty && bytes.first == 0x30 { return [bytes] }
        let encoded = blocks.filter { PEM.isCertificateLabel($0.label) }.map(\.der)
        if encoded.isEmpty { throw .noCertificates }
        return encoded
    }

    public static func parseAll(_ bytes: [UInt8]) throws(CertificateError) -> [Certificate] {
        guard bytes.count <= maximumInputByteCount else {
            throw .inputTooLarge(byteCount: bytes.count, limit: maximumInputByteCount)
        }
        if looksLikeDER(bytes) { return [try Certificate(derEncoded: bytes)] }
        let blocks = try certificateBlocks(bytes)
        // Not PEM at all but starting like DER: parse it as DER for a precise error (truncation, ...).
        if blocks.isEmpty && bytes.first == 0x30 { return [try Certificate(derEncoded: bytes)] }
        var certificates: [Certificate] = []
        for block in blocks where PEM.isCertificateLabel(block.label) {
            do {
                certificates.append(try Certificate(derEncoded: block.der))
            } catch {
                throw .inPEMBlock(index: certificates.count + 1, line: block.line, error: error)
            }
        }
        guard !certificates.isEmpty else { throw .noCertificates }
        return certificates
    }
}

extension Certificate {
    /// One SEQUENCE covering exactly the input: DER, not text (text can start with '0' = 0x30).
    /// A DER file whose framing is broken is not recognised here but still parsed as DER by the callers,
    /// for a precise error, when it holds no PEM block.
    static func looksLikeDER(_ bytes: [UInt8]) -> Bool {
        var scanner = DERScanner(bytes[...])
        guard (try? scanner.read(0x30, "certificate")) != nil else { return false }
        return scanner.isAtEnd
    }

    /// The PEM blocks of `bytes`, a PEM problem reported as CertificateError.invalidPEM.
    static func certificateBlocks(_ bytes: [UInt8]) throws(CertificateError) -> [PEM.Block] {
        do {
            return try PEM.blocks(bytes)
        } catch {
            throw .invalidPEM(line: error.line, problem: error.problem)
        }
    }
}

extension CertificateRevocationList {
    /// PEM with any number of "X509 CRL" blocks, or exactly one DER CRL. Throws `.noCertificates`
    /// when PEM input holds none.
    public static func parseAll(_ bytes: [UInt8]) throws(CertificateError) -> [CertificateRevocationList] {
        guard bytes.count <= maximumByteCount else { throw .inputTooLarge(byteCount: bytes.count, limit: maximumByteCount) }
        if Certificate.looksLikeDER(bytes) { return [try CertificateRevocationList(derEncoded: bytes)] }
        let blocks = try Certificate.certificateBlocks(bytes)
        if blocks.isEmpty && bytes.first == 0x30 { return [try CertificateRevocationList(derEncoded: bytes)] }
        var lists: [CertificateRevocationList] = []
        for block in blocks where block.label == "X509 CRL" {
            do {
                lists.append(try CertificateRevocationList(derEncoded: block.der))
            } catch {
                throw .inPEMBlock(index: lists.count + 1, line: block.line, error: error)
            }
        }
        guard !lists.isEmpty else { throw .noCertificates }
        return lists
    }
}
