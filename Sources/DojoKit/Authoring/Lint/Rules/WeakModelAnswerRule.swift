/// DJ0117: a model answer that, scored by the real evaluator (with the trained model, as `play`
/// scores it), stays below the scenario's pass mark, or takes another branch than the turn's best
/// one: the first branch that holds for an ideal reply (score 100, every expected tactic used, no
/// mismatch) with the meters at their start values.
public struct WeakModelAnswerRule: ScenarioLintRule {
    public var code: DiagnosticCode { .weakModelAnswer }
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        let meters = Dictionary(uniqueKeysWithValues: scenario.meters.map { ($0.name, $0.start) })
        var found: [Diagnostic] = []
        for turn in scenario.turns {
            guard let answer = turn.modelAnswer, !answer.trimmingWhitespace().isEmpty else { continue }
            let assessment = context.evaluator.assess(answer, buyer: scenario.valueType, expectation: TurnExpectation(turn),
                                                      prompt: turn.lines.first)
            let score = assessment.score ?? 0
            if score < scenario.passMark {
                found.append(Diagnostic(code, ["turn": turn.id, "score": String(score), "pass-mark": String(scenario.passMark)],
                                        at: turn.location, help: "make it use the expected tactics (\(turn.expect.joined(separator: ", "))) plainly"))
            }
            let ideal = ReplyClassContext(replyClass: ReplyClass(scores: 100...100, used: turn.expect.sorted(), mismatch: false),
                                          turn: 1, meters: meters)
            let real = BranchContext(assessment: assessment, turn: 1, meters: meters, buyer: scenario.valueType)
            guard let best = turn.branches.firstIndex(where: { $0.condition?.evaluate(in: ideal) ?? true }) else { continue }
            let taken = turn.branches.firstIndex { $0.condition?.evaluate(in: real) ?? true }
            if taken != best {
                let takenText = taken.map { "branch \($0 + 1)" + (turn.branches[$0].condition.map { " (`\($0)`)" } ?? " (the fallback)") } ?? "no branch"
                let bestText = turn.branches[best].condition.map { " (`\($0)`)" } ?? ""
                found.append(Diagnostic(code, ["turn": turn.id, "taken": takenText, "best": "\(best + 1)\(bestText)"], variant: "branch",
                                        at: turn.location, help: "rewrite the model answer, or the conditions, so the model answer earns the best branch"))
            }
        }
        return found
    }
}
