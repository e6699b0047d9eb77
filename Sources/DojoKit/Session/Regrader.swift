/// Scores a recorded session's replies again with today's evaluator and playbooks, in the turns they
/// answered, and recomputes the totals with the scorecard's formula. The recorded dialogue path is
/// kept: a different score does not change which branch the buyer took. Fed one record at a time so
/// a large transcript streams.
public struct Regrader: Sendable {
    /// One reply whose score or tactics changed.
    public struct Change: Sendable, Hashable {
        /// Reply number.
        public var number: Int
        /// Turn id.
        public var turn: String
        /// Recorded score.
        public var before: Int?
        /// Score now.
        public var after: Int?
        /// Recorded alignment.
        public var alignmentBefore: Assessment.Alignment
        /// Alignment now.
        public var alignmentAfter: Assessment.Alignment
        /// Tactics credited now but not then (sorted).
        public var added: [String]
        /// Tactics credited then but not now (sorted).
        public var removed: [String]
    }

    /// The outcome over the whole transcript.
    public struct Result: Sendable, Hashable {
        /// Replies scored again.
        public var regraded: Int
        /// Replies that changed, in order.
        public var changes: [Change]
        /// The recorded total (nil when the session has no end record).
        public var totalBefore: Int?
        /// The total recomputed from today's scores.
        public var totalAfter: Int
        /// The recomputed average before deductions.
        public var averageAfter: Int
        /// The recorded exam result.
        public var passedBefore: Bool?
        /// The exam result now (nil in practice): still only when the exam reached an ending in time.
        public var passedAfter: Bool?
    }

    let scenario: Scenario
    let evaluator: Evaluator
    private var mode = SessionMode.practice
    private var passMark: Int?
    private var hints = 0
    private var typeGuessCorrect: Bool?
    private var scores: [Int: Int] = [:]
    private var order: [Int] = []
    private var rewound: Set<Int> = []
    private var changes: [Change] = []
    private var totalBefore: Int?
    private var passedBefore: Bool?
    /// Whether the exam reached a won or lost ending in time (an exam cut short never passes).
    private var completed = false
    /// The buyer line the next reply answers (the evaluator reads it, as in the live session).
    private var buyerLine: String?

    /// A regrader for sessions of `scenario`.
    public init(scenario: Scenario, evaluator: Evaluator) {
        self.scenario = scenario
        self.evaluator = evaluator
    }

    /// Takes the next record; for a reply, returns today's assessment and the change, if any.
    @discardableResult
    public mutating func add(_ record: TranscriptRecord) -> (now: Assessment, change: Change?)? {
        switch record {
        case let .start(start):
            mode = start.mode
            passMark = start.passMark ?? scenario.passMark
        case let .buyer(buyer):
            buyerLine = buyer.text
        case .hint:
            hints += 1
        case let .typeGuess(guess):
            typeGuessCorrect = guess.correct
        case let .rewind(rewind):
            rewound.insert(rewind.number)
        case let .end(end):
            totalBefore = end.scorecard.total
            passedBefore = end.scorecard.passed
            completed = end.ending != nil && end.endingKind != .left && end.scorecard.reason != ExamVerdict.timeUp.rawValue
        case let .reply(reply):
            let expectation = (scenario.turn(reply.turn)).map(TurnExpectation.init)
            let now = evaluator.assess(reply.text, buyer: scenario.valueType, expectation: expectation, prompt: buyerLine)
            if scores[reply.number] == nil { order.append(reply.number) }
            scores[reply.number] = now.score ?? 0
            let before = Set(reply.assessment.used)
            let after = Set(now.usedTactics.map(\.id) + now.antiPatterns.map(\.id))
            guard now.score != reply.assessment.score || before != after || now.alignment != reply.assessment.alignment else {
                return (now, nil)
            }
            let change = Change(number: reply.number, turn: reply.turn, before: reply.assessment.score, after: now.score,
                                alignmentBefore: reply.assessment.alignment, alignmentAfter: now.alignment,
                                added: after.subtracting(before).sorted(), removed: before.subtracting(after).sorted())
            changes.append(change)
            return (now, change)
        default:
            break
        }
        return nil
    }

    /// The totals recomputed over the counted (not rewound) replies.
    public func result() -> Result {
        let counted = order.filter { !rewound.contains($0) }.compactMap { scores[$0] }
        let (average, total) = Scorecard.totals(scores: counted, hints: hints, mode: mode, typeGuessCorrect: typeGuessCorrect)
        return Result(regraded: order.count, changes: changes, totalBefore: totalBefore, totalAfter: total, averageAfter: average,
                      passedBefore: passedBefore, passedAfter: mode == .exam ? completed && total >= (passMark ?? scenario.passMark) : nil)
    }
}
