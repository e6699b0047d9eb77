/// DJ0119: a tactic's playbook example the evaluator also credits with a tactic of another value
/// type or with an anti-pattern: the reply then reads as a type mismatch or a fault to the trainee.
/// Tactics of the same type together are normal (volume-offer with price-angle); anti-pattern
/// examples are not checked (a premature discount names a price by nature).
public struct ExampleCaughtByOtherRule: LintRule {
    public var code: DiagnosticCode { .exampleCaughtByOther }
    public init() {}

    public func check(_ context: LintContext) -> [LintFinding] {
        var found: [LintFinding] = []
        for tactic in context.tactics where !tactic.isAntiPattern {
            for example in tactic.matchExamples {
                let assessment = context.assessment(ofExample: example)
                let others = (assessment.tactics + assessment.antiPatterns).filter { finding in
                    finding.isUsed && finding.id != tactic.id && finding.valueType != tactic.valueType
                }
                guard !others.isEmpty else { continue }
                found.append(LintFinding(Diagnostic(code,
                    ["example": example, "tactic": tactic.id, "others": others.map { "`\($0.id)`" }.joined(separator: ", ")],
                    at: tactic.location, help: "rewrite the example so only its own tactic shows, or move it to the tactic it shows"),
                    subject: tactic.id))
            }
        }
        return found
    }
}
