// CertoX509 reads all its DER with CertoDER's scanner, which then throws CertificateError itself.
import CertoDER

typealias DERScanner = CertoDER.DERScanner<CertificateError>
