/// DJ0111: a branch of a reachable turn whose condition holds for no reply in any state the
/// dialogue can be in there (say `trust >= 9` with `max: 6`, or `score > 100`).
public struct ConditionNeverHoldsRule: ScenarioLintRule {
    public var code: DiagnosticCode { .conditionNeverHolds }
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        let exploration = context.exploration(scenario)
        let visited = Set(exploration.visitedTurns)
        var found: [Diagnostic] = []
        for turn in scenario.turns where visited.contains(turn.id) {
            for (index, branch) in turn.branches.enumerated() {
                guard let condition = branch.condition,
                      !exploration.holdingBranches.contains(Exploration.BranchRef(turn: turn.id, branch: index)) else { continue }
                found.append(Diagnostic(code, ["condition": condition.description, "branch": String(index + 1), "turn": turn.id],
                                        at: branch.location, help: "check the numbers against the meters' ranges and 0–100 scores, or remove the branch"))
            }
        }
        return found
    }
}
