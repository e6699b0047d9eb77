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
    /// Reactions to tactics the reply uses (`on:`), in file order; the first used one is said
    /// instead of the branch's reaction, when the branch leads to another turn.
    public var on: [TacticReaction]
    /// Ordered branches; the first whose condition holds is taken.
    public var branches: [Branch]
    /// Where the turn is written.
    public var location: SourceLocation

    /// Creates a turn.
    public init(id: String, lines: [String], expect: [String], avoid: [String], hint: String?,
                modelAnswer: String?, on: [TacticReaction] = [], branches: [Branch], location: SourceLocation) {
        self.on = on
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
