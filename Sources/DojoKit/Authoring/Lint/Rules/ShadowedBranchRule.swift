/// DJ0112: a branch that is never taken although its condition can hold, because whenever it holds
/// an earlier branch's condition holds too (branches are tried in order; the first that holds wins).
public struct ShadowedBranchRule: ScenarioLintRule {
    public var code: DiagnosticCode { .shadowedBranch }
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        let exploration = context.exploration(scenario)
        let visited = Set(exploration.visitedTurns)
        var found: [Diagnostic] = []
        for turn in scenario.turns where visited.contains(turn.id) {
            for (index, branch) in turn.branches.enumerated() {
                let ref = Exploration.BranchRef(turn: turn.id, branch: index)
                guard exploration.holdingBranches.contains(ref), !exploration.takenBranches.contains(ref) else { continue }
                let what = branch.condition.map { "`\($0)`" } ?? "the fallback"
                found.append(Diagnostic(code, ["branch": String(index + 1), "turn": turn.id, "condition": what],
                                        at: branch.location, help: "move it above the branch that shadows it, or narrow the earlier condition"))
            }
        }
        return found
    }
}
