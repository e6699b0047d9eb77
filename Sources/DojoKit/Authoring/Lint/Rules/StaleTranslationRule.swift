/// DJ0123: an English translation whose structure no longer matches its Chinese source: turns,
/// expectations, branches (conditions, effects, targets), endings, meters, type, difficulty or pass
/// mark differ, so the source changed and the translation was not brought along. (Wording cannot
/// be compared across languages; structure can.)
public struct StaleTranslationRule: ScenarioLintRule {
    public var code: DiagnosticCode { .staleTranslation }
    /// Differences listed per translation.
    static let maxListed = 5
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        guard scenario.language == .english, scenario.id.hasSuffix(TranslationPairs.englishSuffix),
              let source = context.library.scenario(TranslationPairs.counterpart(of: scenario)), source.language != .english else { return [] }
        var differences: [(String, SourceLocation)] = []
        func differ(_ what: String, _ location: SourceLocation) { differences.append((what, location)) }
        if source.valueType != scenario.valueType { differ("type \(scenario.valueType.rawValue), source \(source.valueType.rawValue)", scenario.location) }
        if source.difficulty != scenario.difficulty { differ("difficulty \(scenario.difficulty), source \(source.difficulty)", scenario.location) }
        if source.passMark != scenario.passMark { differ("pass mark \(scenario.passMark), source \(source.passMark)", scenario.location) }
        if source.start != scenario.start { differ("start `\(scenario.start)`, source `\(source.start)`", scenario.location) }
        if source.meters.map(Self.meterShape) != scenario.meters.map(Self.meterShape) { differ("the meters differ", scenario.location) }
        if source.turns.map(\.id) != scenario.turns.map(\.id) {
            differ("turns " + scenario.turns.map(\.id).joined(separator: ", ") + "; source " + source.turns.map(\.id).joined(separator: ", "),
                   scenario.location)
        }
        for turn in scenario.turns {
            guard let original = source.turn(turn.id) else { continue }
            if Set(original.expect) != Set(turn.expect) || Set(original.avoid) != Set(turn.avoid) {
                differ("turn `\(turn.id)` expects or avoids other tactics than the source", turn.location)
            }
            if original.branches.map(Self.branchShape) != turn.branches.map(Self.branchShape) {
                differ("the branches of turn `\(turn.id)` differ from the source's", turn.location)
            }
        }
        if source.endings.map({ "\($0.id):\($0.kind.rawValue)" }) != scenario.endings.map({ "\($0.id):\($0.kind.rawValue)" }) {
            differ("the endings (ids or kinds) differ from the source's", scenario.endings.first?.location ?? scenario.location)
        }
        return differences.prefix(Self.maxListed).map { what, location in
            Diagnostic(code, ["scenario": scenario.id, "source": source.id, "difference": what], at: location,
                       help: "bring the translation up to date with the source (\(source.location.file))")
        }
    }

    static func meterShape(_ meter: Meter) -> String {
        "\(meter.name) \(meter.start) \(meter.min) \(meter.max) \(meter.onMin ?? "-") \(meter.onMax ?? "-")"
    }

    static func branchShape(_ branch: Branch) -> String {
        (branch.condition?.description ?? "otherwise") + " → " + branch.target + " "
            + branch.effects.map { "\($0.meter)\($0.delta)" }.joined(separator: ",")
    }
}
