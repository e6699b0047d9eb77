/// A scripted role-play: one buyer persona of one value type, turns that branch, and endings.
public struct Scenario: Sendable, Hashable {
    /// Unique id across the library.
    public var id: String
    /// Title shown in lists.
    public var title: String
    /// Language of every text in the file.
    public var language: ScenarioLanguage
    /// The buyer's value type.
    public var valueType: ValueType
    /// 1 (easy) to 5 (hard).
    public var difficulty: Int
    /// Pass mark for exam mode, 0–100.
    public var passMark: Int
    /// The buyer.
    public var persona: Persona
    /// Meters in file order.
    public var meters: [Meter]
    /// Id of the first turn.
    public var start: String
    /// Turns in file order.
    public var turns: [Turn]
    /// Endings in file order.
    public var endings: [Ending]
    /// Where the `id` is written (used to report duplicate ids).
    public var location: SourceLocation
    /// `fnv1a64:…` of the file as loaded, taken by the loader; transcripts record it so a replay can
    /// say the scenario changed since.
    public var contentHash = ""

    /// Default pass mark when the file sets none.
    public static let defaultPassMark = 70

    /// Creates a scenario.
    public init(id: String, title: String, language: ScenarioLanguage, valueType: ValueType, difficulty: Int,
                passMark: Int, persona: Persona, meters: [Meter], start: String, turns: [Turn],
                endings: [Ending], location: SourceLocation) {
        self.id = id
        self.title = title
        self.language = language
        self.valueType = valueType
        self.difficulty = difficulty
        self.passMark = passMark
        self.persona = persona
        self.meters = meters
        self.start = start
        self.turns = turns
        self.endings = endings
        self.location = location
    }

    /// The turn with this id.
    public func turn(_ id: String) -> Turn? { turns.first { $0.id == id } }

    /// The ending with this id.
    public func ending(_ id: String) -> Ending? { endings.first { $0.id == id } }

    /// The meter with this name.
    public func meter(_ name: String) -> Meter? { meters.first { $0.name == name } }
}
