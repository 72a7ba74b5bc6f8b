// The rule a refusal rests on: a section of RFC 5280 (or another RFC), or of the CA/Browser Forum
// Baseline Requirements. Reported with every failure so that a reader can check the text that says
// the chain is wrong, and so that `--explain` can say which profile refused what.

public struct Rule: Sendable, Hashable, CustomStringConvertible {
    public enum Source: String, Sendable, Hashable {
        case rfc5280 = "RFC 5280"
        case rfc6125 = "RFC 6125"
        case rfc5952 = "RFC 5952"
        case baselineRequirements = "CA/B Forum BR"
        /// A limit of Certo's own (search and work budgets), not a standard's.
        case certo = "Certo"
    }

    public let source: Source
    /// "§4.2.1.9", "§7.1.2.7.8", or the budget's name for `.certo`.
    public let section: String

    public init(_ source: Source, _ section: String) {
        self.source = source
        self.section = section
    }

    public static func rfc5280(_ section: String) -> Rule { Rule(.rfc5280, section) }
    public static func br(_ section: String) -> Rule { Rule(.baselineRequirements, section) }

    public var description: String { "\(source.rawValue) \(section)" }
}
