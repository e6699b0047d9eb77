/// How a scenario can end, with the lesson to take away.
public struct Ending: Sendable, Hashable {
    /// The three kinds of ending.
    public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
        /// The deal (or the next step) is won.
        case won
        /// The buyer goes with someone else.
        case lost
        /// The buyer runs out of patience and leaves.
        case left
    }

    /// The ending's id, a `goto` target.
    public var id: String
    /// Won, lost or left.
    public var kind: Kind
    /// A short title.
    public var title: String
    /// What the trainee should learn.
    public var debrief: String
    /// Where the ending is written.
    public var location: SourceLocation

    /// Creates an ending.
    public init(id: String, kind: Kind, title: String, debrief: String, location: SourceLocation) {
        self.id = id
        self.kind = kind
        self.title = title
        self.debrief = debrief
        self.location = location
    }
}
