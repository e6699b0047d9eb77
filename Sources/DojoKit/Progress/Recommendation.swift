/// The next exercise to do, and why.
public struct Recommendation: Sendable, Hashable {
    /// What to start.
    public enum Kind: String, Sendable, Hashable { case scenario, drill, guide }
    /// Why.
    public enum Reason: Sendable, Hashable {
        /// It exercises this weak tactic.
        case weakTactic(String)
        /// Alignment with the buyer's type is weak: practise naming types.
        case lowAlignment
        /// Not yet passed.
        case notYetPassed
        /// The next step of a track.
        case trackStep(track: String, step: Int)
    }
    /// Scenario, drill or guide.
    public var kind: Kind
    /// Its id.
    public var id: String
    /// Why.
    public var reason: Reason

    /// A recommendation.
    public init(kind: Kind, id: String, reason: Reason) {
        self.kind = kind
        self.id = id
        self.reason = reason
    }
}
