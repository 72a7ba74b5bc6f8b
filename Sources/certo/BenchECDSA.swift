// ECDSA cases for `certo bench` (filled in by the ECDSA work).

extension BenchRegistry {
    static var ecdsaCases: [BenchCase] { [] }
}
