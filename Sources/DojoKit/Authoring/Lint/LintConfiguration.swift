/// The project's lint settings (`Scenarios/.dojo-lint.yaml`): a severity per code, and exceptions
/// for one scenario or tactic that say why.
///
/// ```yaml
/// severity:
///   DJ0119: note            # or the name: example-caught-by-other: note
///   missing-translation: off
/// exceptions:
///   - code: DJ0121
///     scenario: customer-a-lowest-quote
///     reason: "A one-track negotiation by design: the lesson is the price, not the route."
/// ```
public struct LintConfiguration: Sendable, Hashable {
    /// What the lint file may set a code to.
    public enum Setting: String, Sendable, Hashable, CaseIterable {
        /// Fails the run.
        case error
        /// Fails the run with `--strict`.
        case warning
        /// Shown, never fails.
        case note
        /// Not reported.
        case off
    }

    /// An exception: the code is not reported for this scenario or tactic.
    public struct Exception: Sendable, Hashable {
        /// The code.
        public var code: DiagnosticCode
        /// The scenario id or tactic id.
        public var subject: String
        /// Why the finding is acceptable here (required).
        public var reason: String
        /// Where the exception is written.
        public var location: SourceLocation
    }

    /// Severity overrides by code.
    public var severities: [DiagnosticCode: Setting] = [:]
    /// Exceptions in file order.
    public var exceptions: [Exception] = []

    /// An empty configuration: every code at its default severity.
    public init() {}

    /// The setting in force for a code: the override, or the code's default.
    public func setting(for code: DiagnosticCode) -> Setting {
        if let setting = severities[code] { return setting }
        switch code.defaultSeverity {
        case .error: return .error
        case .warning: return .warning
        case .note: return .note
        }
    }

    /// The exception covering a finding, if any.
    public func exception(for finding: LintFinding) -> Exception? {
        guard let subject = finding.subject else { return nil }
        return exceptions.first { $0.code == finding.diagnostic.code && $0.subject == subject }
    }
}
