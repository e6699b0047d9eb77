/// One buyer line and what a good reply to it does.
public struct Turn: Sendable, Hashable {
    /// The turn's id, a `goto` target.
    public var id: String
    /// The buyer's line; several when the author wrote variants (one is picked per session).
    public var lines: [String]
    /// Tactic ids a strong reply uses here.
    public var expect: [String]
    /// Tactic ids that hurt here.
    public var avoid: [String]
    /// A coaching hint.
    public var hint: String?
    /// What a strong rep would say.
    public var modelAnswer: String?
    /// Ordered branches; the first whose condition holds is taken.
    public var branches: [Branch]
    /// Where the turn is written.
    public var location: SourceLocation

    /// Creates a turn.
    public init(id: String, lines: [String], expect: [String], avoid: [String], hint: String?,
                modelAnswer: String?, branches: [Branch], location: SourceLocation) {
        self.id = id
        self.lines = lines
        self.expect = expect
        self.avoid = avoid
        self.hint = hint
        self.modelAnswer = modelAnswer
        self.branches = branches
        self.location = location
    }
}
