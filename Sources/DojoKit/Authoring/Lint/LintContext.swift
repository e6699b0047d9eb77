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
    /// Each playbook example of `tactics` (match and no-match), assessed once without a buyer type:
    /// two rules read them, and assessing is most of a lint run's time.
    public let exampleAssessments: [String: Assessment]

    /// Builds the context, exploring every scenario.
    public init(library: ScenarioLibrary, evaluator: Evaluator) {
        self.library = library
        self.evaluator = evaluator
        let tactics = library.authoredPlaybooks.flatMap(\.tactics)
        self.tactics = tactics
        var seen: Set<String> = []
        let examples = tactics.flatMap { $0.matchExamples + $0.noMatchExamples }.filter { seen.insert($0).inserted }
        let assessed = ScenarioLibrary.parallelMap(examples) { evaluator.assess($0) }
        exampleAssessments = Dictionary(zip(examples, assessed), uniquingKeysWith: { a, _ in a })
        let walks = ScenarioLibrary.parallelMap(library.scenarios.map(\.id)) { id in
            library.scenario(id).map { Explorer(scenario: $0).walk() } ?? Exploration()
        }
        explorations = Dictionary(zip(library.scenarios.map(\.id), walks), uniquingKeysWith: { a, _ in a })
    }

    /// The assessment of a playbook example (assessed now when it is not one of `tactics`' examples).
    public func assessment(ofExample text: String) -> Assessment {
        exampleAssessments[text] ?? evaluator.assess(text)
    }

    /// The exploration of a scenario (empty for an unknown id).
    public func exploration(_ scenario: Scenario) -> Exploration {
        explorations[scenario.id] ?? Exploration()
    }
}
