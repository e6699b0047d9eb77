/// DJ0113: the score conditions of one turn leave a band of scores between them that none of them
/// covers (`score >= 70 …` and `score < 50` leave 50–69 to whatever comes last), which is rarely meant.
/// A condition's band is every score for which it can hold with some tactic use, mismatch or not,
/// and the meters at their start values.
public struct ScoreBandGapRule: ScenarioLintRule {
    public var code: DiagnosticCode { .scoreBandGap }
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        let meters = Dictionary(uniqueKeysWithValues: scenario.meters.map { ($0.name, $0.start) })
        var found: [Diagnostic] = []
        for turn in scenario.turns {
            var covered = [Bool](repeating: false, count: 101)
            var bands = 0
            for condition in turn.branches.compactMap(\.condition) {
                let atoms = ConditionAtoms(condition)
                guard !atoms.scoreCuts.isEmpty else { continue }
                bands += 1
                for replyClass in ReplyClass.classes(for: atoms) {
                    let context = ReplyClassContext(replyClass: replyClass, turn: 1, meters: meters)
                    if condition.evaluate(in: context) { replyClass.scores.forEach { covered[$0] = true } }
                }
            }
            guard bands >= 2, let low = covered.firstIndex(of: true), let high = covered.lastIndex(of: true) else { continue }
            var score = low
            while score < high {
                guard !covered[score] else { score += 1; continue }
                let start = score
                while !covered[score] { score += 1 }
                found.append(Diagnostic(code, ["turn": turn.id, "from": String(start), "to": String(score - 1)],
                                        at: turn.location, help: "close the gap (e.g. `score >= \(start)`) or say in a branch what such a reply gets"))
            }
        }
        return found
    }
}
