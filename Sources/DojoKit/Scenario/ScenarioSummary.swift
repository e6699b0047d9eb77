/// What a list of scenarios and the checks across files need from a scenario that loaded: small
/// enough to keep in the scenario index for 10,000 files.
public struct ScenarioSummary: Sendable, Hashable {
    /// The scenario's id.
    public var id: String
    /// Title shown in lists.
    public var title: String
    /// Language of the file's texts.
    public var language: ScenarioLanguage
    /// The buyer's value type.
    public var valueType: ValueType
    /// 1 (easy) to 5 (hard).
    public var difficulty: Int
    /// Turn ids in file order.
    public var turnIDs: [String]
    /// Ending ids in file order.
    public var endingIDs: [String]
    /// The file the scenario was read from.
    public var file: String
    /// Line of the `id`.
    public var line: Int
    /// Column of the `id`.
    public var column: Int

    /// The summary of a loaded scenario.
    public init(_ scenario: Scenario) {
        id = scenario.id
        title = scenario.title
        language = scenario.language
        valueType = scenario.valueType
        difficulty = scenario.difficulty
        turnIDs = scenario.turns.map(\.id)
        endingIDs = scenario.endings.map(\.id)
        file = scenario.location.file
        line = scenario.location.line
        column = scenario.location.column
    }

    /// A summary read back from the scenario index.
    init(id: String, title: String, language: ScenarioLanguage, valueType: ValueType, difficulty: Int, turnIDs: [String],
         endingIDs: [String], file: String, line: Int, column: Int) {
        self.id = id
        self.title = title
        self.language = language
        self.valueType = valueType
        self.difficulty = difficulty
        self.turnIDs = turnIDs
        self.endingIDs = endingIDs
        self.file = file
        self.line = line
        self.column = column
    }

    /// Where the `id` is written.
    public var location: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    /// The library's order: language, value type, difficulty, id.
    public static func libraryOrder(_ a: ScenarioSummary, _ b: ScenarioSummary) -> Bool {
        (a.language.rawValue, a.valueType.ordinal, a.difficulty, a.id) < (b.language.rawValue, b.valueType.ordinal, b.difficulty, b.id)
    }
}
