/// DJ0116: a turn without `model_answer`: the trainee sees no model reply after a weak answer, and
/// `--autoplay model` has nothing to say there.
public struct MissingModelAnswerRule: ScenarioLintRule {
    public var code: DiagnosticCode { .missingModelAnswer }
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        scenario.turns.filter { ($0.modelAnswer ?? "").trimmingWhitespace().isEmpty }.map { turn in
            Diagnostic(code, "turn `\(turn.id)` has no `model_answer`", at: turn.location,
                       help: "add `model_answer:` with what a strong rep would say here")
        }
    }
}
