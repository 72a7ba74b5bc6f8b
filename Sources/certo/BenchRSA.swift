// RSA cases for `certo bench` (filled in by the RSA work).

extension BenchRegistry {
    static var rsaCases: [BenchCase] { [] }
}
