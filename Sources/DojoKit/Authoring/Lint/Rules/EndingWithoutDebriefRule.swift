/// DJ0120: an ending without a real debrief: blank, a placeholder (`TODO`, `TBD`, `…`, `待定`,
/// `待补充`), or only its title again. The trainee reaches it and learns nothing. (A missing
/// `debrief:` key is a load error, DJ0008.)
public struct EndingWithoutDebriefRule: ScenarioLintRule {
    public var code: DiagnosticCode { .endingWithoutDebrief }
    /// Texts that stand in for a debrief not yet written.
    static let placeholders: Set<String> = ["todo", "tbd", "fixme", "...", "…", "待定", "待补充", "待写", "tk"]
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        scenario.endings.filter { ending in
            let text = ending.debrief.trimmingWhitespace()
            return text.isEmpty || Self.placeholders.contains(text.lowercased()) || text == ending.title.trimmingWhitespace()
        }.map { ending in
            Diagnostic(code, ["ending": ending.id, "debrief": ending.debrief.trimmingWhitespace()], at: ending.location,
                       help: "say in `debrief:` what the trainee should take away")
        }
    }
}
