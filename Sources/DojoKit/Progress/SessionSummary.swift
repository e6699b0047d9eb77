/// What the progress store keeps of one finished, abandoned or interrupted session (role-play or
/// drill), derived from its transcript, which stays the source of truth.
public struct SessionSummary: Sendable, Hashable {
    /// Role-play or drill.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case play, drill
    }

    /// How the session ended.
    public enum Outcome: String, Sendable, Hashable, CaseIterable {
        /// Ending kinds of a role-play.
        case won, lost, left
        /// The rep left before an ending (Ctrl-D, /quit, /restart).
        case abandoned
        /// A drill that reached its end.
        case finished
        /// No end record: the process was killed, or the session is still going.
        case unfinished
    }

    /// One reply (or drill answer).
    public struct Turn: Sendable, Hashable {
        /// Reply number.
        public var number: Int
        /// Turn id (drill: item id).
        public var turn: String
        /// What the rep wrote.
        public var text: String
        /// Score 0–100 (drill: 100 right, 0 wrong).
        public var score: Int
        /// `match`, `mismatch` or `none`.
        public var alignment: String
        /// Tactics the turn expected (drill: the right type).
        public var expected: [String]
        /// Tactics credited (drill: the type named).
        public var credited: [String]
        /// Whether a hint was taken on this turn before the reply.
        public var hinted: Bool
        /// Whether the rep rewound it (it does not count).
        public var rewound: Bool
        /// Flags raised on the reply (`cue-stuffing`, …).
        public var flags: [String]

        /// A turn.
        public init(number: Int, turn: String, text: String, score: Int, alignment: String, expected: [String], credited: [String],
                    hinted: Bool, rewound: Bool, flags: [String]) {
            self.number = number
            self.turn = turn
            self.text = text
            self.score = score
            self.alignment = alignment
            self.expected = expected
            self.credited = credited
            self.hinted = hinted
            self.rewound = rewound
            self.flags = flags
        }

        /// Expected tactics not credited.
        public var missed: [String] { expected.filter { !credited.contains($0) } }
    }

    /// Stable UUID of the session (from its start record), so importing twice changes nothing.
    public var id: String
    /// Who played.
    public var trainee: String
    /// Role-play or drill.
    public var kind: Kind
    /// Scenario id or drill id.
    public var activity: String
    /// The scenario's buyer type, when known.
    public var valueType: ValueType?
    /// Content hash of the scenario as played.
    public var contentHash: String?
    /// `practice`, `exam` or `drill`.
    public var mode: String
    /// Seed, as text.
    public var seed: String
    /// ISO 8601 start.
    public var startedAt: String
    /// ISO 8601 end, when recorded.
    public var endedAt: String?
    /// How it ended.
    public var outcome: Outcome
    /// Ending id.
    public var ending: String?
    /// Total 0–100 (drill: accuracy in percent).
    public var total: Int
    /// Exam pass mark.
    public var passMark: Int?
    /// Exam result.
    public var passed: Bool?
    /// Hints taken.
    public var hints: Int
    /// Rewinds.
    public var rewinds: Int
    /// Replies or answers, in order.
    public var turns: [Turn]
    /// Where the transcript is.
    public var transcript: String

    /// A summary.
    public init(id: String, trainee: String, kind: Kind, activity: String, valueType: ValueType?, contentHash: String?, mode: String,
                seed: String, startedAt: String, endedAt: String?, outcome: Outcome, ending: String?, total: Int, passMark: Int?,
                passed: Bool?, hints: Int, rewinds: Int, turns: [Turn], transcript: String) {
        self.id = id
        self.trainee = trainee
        self.kind = kind
        self.activity = activity
        self.valueType = valueType
        self.contentHash = contentHash
        self.mode = mode
        self.seed = seed
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.outcome = outcome
        self.ending = ending
        self.total = total
        self.passMark = passMark
        self.passed = passed
        self.hints = hints
        self.rewinds = rewinds
        self.turns = turns
        self.transcript = transcript
    }

    /// Replies that count (not rewound).
    public var countedTurns: [Turn] { turns.filter { !$0.rewound } }

    /// Whether `other` says more about the same session (it ended, or has more replies).
    public func isSuperseded(by other: SessionSummary) -> Bool {
        (outcome == .unfinished && other.outcome != .unfinished) || other.turns.count > turns.count
    }
}
