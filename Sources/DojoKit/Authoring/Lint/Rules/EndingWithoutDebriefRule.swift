/// DJ0120: an ending whose `debrief` is blank: the trainee reaches it and learns nothing.
public struct EndingWithoutDebriefRule: ScenarioLintRule {
    public var code: DiagnosticCode { .endingWithoutDebrief }
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        scenario.endings.filter { $0.debrief.trimmingWhitespace().isEmpty }.map { ending in
            Diagnostic(code, "ending `\(ending.id)` has no debrief", at: ending.location,
                       help: "say in `debrief:` what the trainee should take away")
        }
    }
}
