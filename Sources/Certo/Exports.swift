// `import Certo` is enough for a program that uses Certo as its verifier: the certificate model
// (CertoX509) and the key/signature facade (CertoSignature) are re-exported from here.
@_exported import CertoDER
@_exported import CertoSignature
@_exported import CertoX509
