/// DJ0121: no tactic changes the route. Every rep meets the same turns in the same order: no turn
/// leads on to two different turns, not counting warning detours. A detour is a turn that no good
/// reply is sent to: for every reply without mismatch or anti-pattern scoring 70 or more, the branch
/// taken (with any meter values the paths reach) leads elsewhere; it is entered only on a bad reply.
/// Score and tactics then only change meters and the ending, and the scenario teaches less than a
/// branching one could.
public struct RouteIgnoresTacticsRule: ScenarioLintRule {
    public var code: DiagnosticCode { .routeIgnoresTactics }
    /// Most meter-value combinations tried per turn; beyond it only the start values are.
    static let maxMeterStates = 2_000
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        let exploration = context.exploration(scenario)
        guard !exploration.visitedTurns.isEmpty else { return [] }
        let turnIDs = Set(scenario.turns.map(\.id))
        let antiPatterns = Set(context.library.catalog.antiPatterns.map(\.id))
        let meterStates = Self.meterStates(scenario, exploration)
        // Where good replies go from each turn.
        var goodTargets: Set<String> = []
        for turnID in exploration.visitedTurns {
            guard let turn = scenario.turn(turnID) else { continue }
            let atoms = ConditionAtoms(turn)
            let good = ReplyClass.classes(for: atoms).filter { replyClass in
                !replyClass.mismatch && replyClass.scores.upperBound >= 70 && !replyClass.used.contains(where: antiPatterns.contains)
            }.map { replyClass -> ReplyClass in
                var high = replyClass
                high.scores = max(70, replyClass.scores.lowerBound)...replyClass.scores.upperBound
                return high
            }
            for meters in meterStates {
                for replyClass in good {
                    let context = ReplyClassContext(replyClass: replyClass, turn: 1, meters: meters)
                    if let branch = turn.branches.first(where: { $0.condition?.evaluate(in: context) ?? true }) {
                        goodTargets.insert(branch.target)
                    }
                }
            }
        }
        let detours = turnIDs.subtracting(goodTargets).subtracting([scenario.start])
        for turn in exploration.visitedTurns {
            let onward = (exploration.targets[turn] ?? []).filter { turnIDs.contains($0) && !detours.contains($0) }
            if onward.count >= 2 { return [] }
        }
        let route = exploration.visitedTurns.filter { !detours.contains($0) }
        let aside = exploration.visitedTurns.filter(detours.contains)
        return [Diagnostic(code, ["route": route.map { "`\($0)`" }.joined(separator: " → ")
                               + (aside.isEmpty ? "" : " (detours aside: " + aside.joined(separator: ", ") + ")")],
                           at: scenario.location,
                           help: "let a turn lead on to different turns depending on the tactic used (`when: used(…)`), or say why in .dojo-lint.yaml")]
    }

    /// Meter values to try: every combination within the ranges the paths reach, or the start values
    /// when there are too many.
    static func meterStates(_ scenario: Scenario, _ exploration: Exploration) -> [[String: Int]] {
        var states: [[String: Int]] = [[:]]
        for meter in scenario.meters {
            let range = exploration.meterRanges[meter.name] ?? meter.start...meter.start
            guard states.count * range.count <= maxMeterStates else {
                return [Dictionary(uniqueKeysWithValues: scenario.meters.map { ($0.name, $0.start) })]
            }
            states = states.flatMap { state in range.map { value in state.merging([meter.name: value]) { $1 } } }
        }
        return states
    }
}
