// The rule a refusal rests on: a section of RFC 5280 (or another RFC), or of the CA/Browser Forum
// Baseline Requirements. Reported with every failure so that a reader can check the text that says
// the chain is wrong, and so that `--explain` can say which profile refused what.

/// The rule a check or a refusal rests on: a section of RFC 5280 or of the Baseline Requirements.
public struct Rule: Sendable, Hashable, CustomStringConvertible {
    /// The document.
    public enum Source: String, Sendable, Hashable {
        /// RFC 5280, the Internet X.509 PKI certificate profile.
        case rfc5280 = "RFC 5280"
        /// RFC 6125, service identity (host names in certificates).
        case rfc6125 = "RFC 6125"
        /// RFC 5952, the text form of IPv6 addresses.
        case rfc5952 = "RFC 5952"
        /// The CA/Browser Forum's Baseline Requirements for TLS server certificates.
        case baselineRequirements = "CA/B Forum BR"
        /// A limit of Certo's own (search and work budgets), not a standard's.
        case certo = "Certo"
    }

    /// The document the rule is in.
    public let source: Source
    /// "§4.2.1.9", "§7.1.2.7.8", or the budget's name for `.certo`.
    public let section: String

    /// The rule at `section` of `source`.
    public init(_ source: Source, _ section: String) {
        self.source = source
        self.section = section
    }

    /// A section of RFC 5280.
    public static func rfc5280(_ section: String) -> Rule { Rule(.rfc5280, section) }
    /// A section of the CA/Browser Forum Baseline Requirements.
    public static func br(_ section: String) -> Rule { Rule(.baselineRequirements, section) }

    /// The document and the section, e.g. "RFC 5280 §6.1.3 (a)(2)".
    public var description: String { "\(source.rawValue) \(section)" }
}
