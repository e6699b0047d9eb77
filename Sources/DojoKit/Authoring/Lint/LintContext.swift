/// What the lint rules read: the loaded library, the evaluator as `play` uses it (with the trained
/// model), and one exploration of each scenario's branch space, computed once.
public struct LintContext: Sendable {
    /// The scenarios, playbooks and plans.
    public let library: ScenarioLibrary
    /// The evaluator the rules score replies with.
    public let evaluator: Evaluator
    /// `Explorer.walk()` of each scenario, by id.
    public let explorations: [String: Exploration]
    /// The tactics whose playbook examples are checked: those of the author's playbooks (all of them
    /// when the library has no author's folder).
    public let tactics: [Tactic]

    /// Builds the context, exploring every scenario.
    public init(library: ScenarioLibrary, evaluator: Evaluator) {
        self.library = library
        self.evaluator = evaluator
        tactics = library.authoredPlaybooks.flatMap(\.tactics)
        let walks = ScenarioLibrary.parallelMap(library.scenarios.map(\.id)) { id in
            library.scenario(id).map { Explorer(scenario: $0).walk() } ?? Exploration()
        }
        explorations = Dictionary(zip(library.scenarios.map(\.id), walks), uniquingKeysWith: { a, _ in a })
    }

    /// The exploration of a scenario (empty for an unknown id).
    public func exploration(_ scenario: Scenario) -> Exploration {
        explorations[scenario.id] ?? Exploration()
    }
}
