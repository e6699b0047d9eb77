/// The checks that need more than one file, over summaries of the scenarios read, so that the full
/// load and the indexed listing (`dojo list`) report the same problems.
extension ScenarioLibrary {
    /// Duplicate scenario and drill ids, transcript tests against the scenarios, and tracks
    /// against the scenarios and drills. `read` is in file order; of several scenarios with one id
    /// the first is kept. Returns the indices into `read` of the scenarios kept.
    static func crossFileChecks(scenarios read: [ScenarioSummary], drills: [DrillSet], plans: [TranscriptPlan], tracks: [Track],
                                into diagnostics: inout [Diagnostic]) -> [Int] {
        var kept: [Int] = []
        var seen: [String: ScenarioSummary] = [:]
        for (index, scenario) in read.enumerated() {
            if let first = seen[scenario.id] {
                diagnostics.append(Diagnostic(.duplicateScenarioID, ["id": scenario.id, "first": first.file],
                                              at: scenario.location, help: "give each scenario its own id"))
                continue
            }
            seen[scenario.id] = scenario
            kept.append(index)
        }
        var drillIDs: [String: SourceLocation] = [:]
        for drill in drills.sorted(by: { $0.location < $1.location }) {
            if let first = drillIDs[drill.id] {
                diagnostics.append(Diagnostic(.duplicateDrillID, ["id": drill.id, "first": first.file],
                                              at: drill.location, help: "give each drill set its own id"))
            }
            drillIDs[drill.id] = drill.location
        }
        let scenarioIDs = Set(seen.keys)
        for plan in plans {
            guard let scenario = seen[plan.scenario] else {
                if !scenarioIDs.isEmpty {
                    diagnostics.append(Diagnostic(.unknownTestScenario, ["scenario": plan.scenario],
                        at: plan.location, help: Suggestion.didYouMean(plan.scenario, among: scenarioIDs) ?? "fix the id or load the scenario too"))
                }
                continue
            }
            for play in plan.plays {
                if let ending = play.ending, !scenario.endingIDs.contains(ending) {
                    diagnostics.append(Diagnostic(.unknownTestTarget, ["play": play.name, "ending": ending, "scenario": scenario.id], variant: "ending",
                        at: play.location, help: Suggestion.didYouMean(ending, among: scenario.endingIDs) ?? "use an ending id of the scenario"))
                }
                for turn in play.route ?? [] where !scenario.turnIDs.contains(turn) {
                    diagnostics.append(Diagnostic(.unknownTestTarget, ["play": play.name, "turn": turn, "scenario": scenario.id], variant: "route",
                        at: play.location, help: Suggestion.didYouMean(turn, among: scenario.turnIDs) ?? "use turn ids of the scenario"))
                }
            }
        }
        for track in tracks {
            TrackReader.check(track, scenarioIDs: scenarioIDs, drills: Set(drills.map(\.id)), into: &diagnostics)
        }
        return kept
    }
}
