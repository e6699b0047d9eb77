/// One way out of a turn: taken when its condition holds (or always, without one).
public struct Branch: Sendable, Hashable {
    /// One change to a meter.
    public struct Effect: Sendable, Hashable {
        /// The meter's name.
        public var meter: String
        /// Signed change.
        public var delta: Int

        /// Creates an effect.
        public init(meter: String, delta: Int) {
            self.meter = meter
            self.delta = delta
        }
    }

    /// The condition; nil means the branch is always taken (a fallback).
    public var condition: Condition?
    /// Meter changes, in file order.
    public var effects: [Effect]
    /// The buyer's immediate reaction, if scripted (it may quote the reply).
    public var reaction: Reaction?
    /// Id of the next turn or of an ending.
    public var target: String
    /// Where the branch is written.
    public var location: SourceLocation

    /// Creates a branch.
    public init(condition: Condition?, effects: [Effect], reaction: Reaction?, target: String, location: SourceLocation) {
        self.condition = condition
        self.effects = effects
        self.reaction = reaction
        self.target = target
        self.location = location
    }
}
