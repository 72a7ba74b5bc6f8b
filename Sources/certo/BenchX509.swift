// X509 cases for `certo bench` (filled in by the X509 work).

extension BenchRegistry {
    static var x509Cases: [BenchCase] { [] }
}
