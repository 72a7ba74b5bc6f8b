// Chain cases for `certo bench` (filled in by the Chain work).

extension BenchRegistry {
    static var chainCases: [BenchCase] { [] }
}
