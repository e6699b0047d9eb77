/// One reply and what it did to the dialogue.
public struct Exchange: Sendable, Hashable {
    /// A meter's change.
    public struct MeterChange: Sendable, Hashable {
        /// The meter.
        public var meter: String
        /// Value before.
        public var from: Int
        /// Value after (clamped to the meter's bounds).
        public var to: Int
    }

    /// 1-based number of the reply (rewound attempts keep their number).
    public var number: Int
    /// The turn answered.
    public var turn: String
    /// The buyer line the rep answered.
    public var buyerLine: String
    /// The rep's reply (already cleaned of control characters).
    public var reply: String
    /// The evaluator's assessment in the context of the turn.
    public var assessment: Assessment
    /// Index of the branch taken, nil when no branch applied (the buyer repeats the turn).
    public var branch: Int?
    /// Meter changes, in the order applied.
    public var changes: [MeterChange]
    /// The buyer's reaction, if scripted.
    public var reaction: String?
    /// Next turn id, or nil when the session ended.
    public var nextTurn: String?
    /// The ending reached, if any.
    public var ending: String?
    /// Whether the rep later rewound this exchange.
    public var rewound: Bool
    /// The tactics the turn expected (recorded so progress can say "used when expected").
    public var expected: [String] = []
}
