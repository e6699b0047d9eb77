/// An onboarding programme as content (`Scenarios/tracks/*.yaml`): ordered steps — the guide, a
/// drill, scenarios by type and difficulty, an exam — each passed at its own mark.
public struct Track: Sendable, Hashable {
    /// One step.
    public struct Step: Sendable, Hashable {
        /// What the step asks for.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// Read `dojo guide` (not recorded: done once any later step is).
            case guide
            /// A classification drill; the pass mark is the accuracy in percent.
            case drill
            /// A scenario in practice mode.
            case scenario
            /// A scenario in exam mode.
            case exam
        }

        /// The kind.
        public var kind: Kind
        /// Scenario or drill id (empty for the guide).
        public var id: String
        /// Pass mark 0–100 (the guide has none).
        public var pass: Int?
        /// Where the step is written.
        public var location: SourceLocation

        /// A step.
        public init(kind: Kind, id: String, pass: Int?, location: SourceLocation) {
            self.kind = kind
            self.id = id
            self.pass = pass
            self.location = location
        }
    }

    /// Track id.
    public var id: String
    /// Title.
    public var title: String
    /// Language.
    public var language: ScenarioLanguage
    /// Steps, in order.
    public var steps: [Step]
    /// Where it was loaded from.
    public var location: SourceLocation

    /// A track.
    public init(id: String, title: String, language: ScenarioLanguage, steps: [Step], location: SourceLocation) {
        self.id = id
        self.title = title
        self.language = language
        self.steps = steps
        self.location = location
    }
}
