/// DJ0121: no tactic changes the route. Every rep meets the same turns in the same order: no turn
/// leads on to two different turns, not counting warning detours (a turn whose every way on is a
/// lost/left ending or a turn its predecessor also leads to). Score and tactics then only change
/// meters and the ending, and the scenario teaches less than a branching one could.
public struct RouteIgnoresTacticsRule: ScenarioLintRule {
    public var code: DiagnosticCode { .routeIgnoresTactics }
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        let exploration = context.exploration(scenario)
        guard !exploration.visitedTurns.isEmpty else { return [] }
        let turnIDs = Set(scenario.turns.map(\.id))
        let losing = Set(scenario.endings.filter { $0.kind != .won }.map(\.id))
        let targets = exploration.targets
        let detours = Set(turnIDs.filter { candidate in
            let predecessors = targets.filter { $0.value.contains(candidate) && $0.key != candidate }.map(\.key)
            guard !predecessors.isEmpty else { return false }
            return (targets[candidate] ?? []).allSatisfy { target in
                losing.contains(target) || predecessors.contains { targets[$0]?.contains(target) == true && target != candidate }
            }
        })
        for turn in exploration.visitedTurns {
            let onward = (targets[turn] ?? []).filter { turnIDs.contains($0) && !detours.contains($0) }
            if onward.count >= 2 { return [] }
        }
        let route = exploration.visitedTurns.filter { !detours.contains($0) }
        return [Diagnostic(code, ["route": route.map { "`\($0)`" }.joined(separator: " → ")
                               + (detours.isEmpty ? "" : " (detours aside: " + detours.sorted().joined(separator: ", ") + ")")],
                           at: scenario.location,
                           help: "let a turn lead on to different turns depending on the tactic used (`when: used(…)`), or say why in .dojo-lint.yaml")]
    }
}
