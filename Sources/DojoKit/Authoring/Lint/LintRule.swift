/// One lint check. Each rule lives in its own file under `Rules/`, reports one diagnostic code, and
/// reads what it needs from the `LintContext` (the library, the evaluator, explorations). Adding a
/// check is adding a rule to `Linter.defaultRules`.
public protocol LintRule: Sendable {
    /// The code every finding of the rule carries.
    var code: DiagnosticCode { get }
    /// The rule's findings, in a deterministic order.
    func check(_ context: LintContext) -> [LintFinding]
}

/// A diagnostic and what it is about, so a lint file can make an exception for one scenario or tactic.
public struct LintFinding: Sendable, Hashable {
    /// The diagnostic (its severity is the code's default until the lint file is applied).
    public var diagnostic: Diagnostic
    /// The scenario id or tactic id the finding is about; nil when it is about a file as a whole.
    public var subject: String?

    /// Creates a finding.
    public init(_ diagnostic: Diagnostic, subject: String?) {
        self.diagnostic = diagnostic
        self.subject = subject
    }
}

/// A rule that looks at one scenario at a time.
public protocol ScenarioLintRule: LintRule {
    /// Findings for one scenario.
    func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic]
}

extension ScenarioLintRule {
    /// Every loaded scenario, each finding about it.
    public func check(_ context: LintContext) -> [LintFinding] {
        context.library.scenarios.flatMap { scenario in check(scenario, in: context).map { LintFinding($0, subject: scenario.id) } }
    }
}
