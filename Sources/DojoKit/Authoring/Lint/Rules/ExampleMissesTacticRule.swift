/// DJ0118: a playbook `examples.match` reply the evaluator does not credit with its own tactic, or an
/// `examples.no_match` reply it does credit. Scored as `play` scores replies (trained model included).
public struct ExampleMissesTacticRule: LintRule {
    public var code: DiagnosticCode { .exampleMissesTactic }
    public init() {}

    public func check(_ context: LintContext) -> [LintFinding] {
        var found: [LintFinding] = []
        for tactic in context.tactics {
            for example in tactic.matchExamples where !context.assessment(ofExample: example).used(tactic.id) {
                found.append(LintFinding(Diagnostic(code, ["example": example, "tactic": tactic.id],
                    at: tactic.location, help: "add a cue that covers it, or rewrite the example"), subject: tactic.id))
            }
            for example in tactic.noMatchExamples where context.assessment(ofExample: example).used(tactic.id) {
                found.append(LintFinding(Diagnostic(code, ["example": example, "tactic": tactic.id], variant: "no-match",
                    at: tactic.location, help: "narrow the cues or add a negation the evaluator knows"), subject: tactic.id))
            }
        }
        return found
    }
}
