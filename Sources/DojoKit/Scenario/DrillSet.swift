/// A classification exercise: buyer statements whose value type the trainee names.
public struct DrillSet: Sendable, Hashable {
    /// One statement.
    public struct Item: Sendable, Hashable {
        /// Unique within the set.
        public var id: String
        /// The buyer's value type.
        public var type: ValueType
        /// What the buyer says.
        public var statement: String
        /// Where it comes from (the seed's case, or an original).
        public var source: String
        /// The cue that gives the type away.
        public var why: String
    }

    /// The set's id.
    public var id: String
    /// Title.
    public var title: String
    /// Language of the statements.
    public var language: ScenarioLanguage
    /// Items in file order.
    public var items: [Item]
    /// Where the set was loaded from.
    public var location: SourceLocation
}
