/// The result of a session: outcome, scores, tactics used and missed, and what to learn.
public struct Scorecard: Sendable, Hashable {
    /// One tactic of the buyer's playbook and how often it was used.
    public struct TacticUse: Sendable, Hashable {
        /// Tactic id.
        public var id: String
        /// Counted replies that used it.
        public var uses: Int
        /// Highest confidence reached.
        public var bestConfidence: Double
    }

    /// One counted reply's score.
    public struct TurnScore: Sendable, Hashable {
        /// Reply number.
        public var number: Int
        /// Turn id.
        public var turn: String
        /// Score 0–100.
        public var score: Int
        /// Fit to the buyer's type.
        public var alignment: Assessment.Alignment
    }

    /// The ending, nil when the rep left before one.
    public var ending: Ending?
    /// Per counted reply.
    public var turns: [TurnScore]
    /// Average of the turn scores, minus hint costs and (exam) a wrong type guess; 0–100.
    public var total: Int
    /// Average before deductions.
    public var average: Int
    /// Hints taken.
    public var hintsUsed: Int
    /// Points deducted per hint.
    public static let hintCost = 3
    /// Points deducted in an exam for naming the wrong type.
    public static let wrongTypeCost = 10
    /// The buyer's tactics, in playbook order.
    public var tactics: [TacticUse]
    /// Replies that matched, mismatched or had no orientation.
    public var matched: Int, mismatched: Int, unoriented: Int
    /// Exam mode: pass mark and result; nil in practice.
    public var passMark: Int?
    /// Exam mode: passed only when the dialogue reached a won or lost ending and the total reached
    /// the pass mark; an exam cut short never passes, whatever its average.
    public var passed: Bool? { verdict.map(\.isPassed) }
    /// Exam mode: the outcome with its reason; nil in practice.
    public var verdict: ExamVerdict?
    /// Exam mode: the type guess.
    public var typeGuess: TypeGuess?
    /// Turn ids of the weakest counted replies (up to two), for model answers.
    public var weakestTurns: [String]
    /// Rewinds used.
    public var rewinds: Int

    /// The average of the counted scores and the total after deductions (hints; in an exam, a wrong
    /// or missing type guess), 0–100. The one formula, used live and when a transcript is regraded.
    public static func totals(scores: [Int], hints: Int, mode: SessionMode, typeGuessCorrect: Bool?) -> (average: Int, total: Int) {
        // Scores are 0–100 and counts bounded, but a regraded transcript is untrusted: saturate.
        let clamped = scores.map { max(0, min(100, $0)) }
        let average = clamped.isEmpty ? 0 : Int((Double(clamped.reduce(0, +)) / Double(clamped.count)).rounded())
        var total = average - min(hints, 100) * hintCost
        if mode == .exam, typeGuessCorrect != true { total -= wrongTypeCost }
        return (average, max(0, min(100, total)))
    }

    init(session: Session) {
        let counted = session.countedExchanges
        turns = counted.map {
            TurnScore(number: $0.number, turn: $0.turn, score: $0.assessment.score ?? 0, alignment: $0.assessment.alignment)
        }
        hintsUsed = session.hints.count
        typeGuess = session.typeGuess
        (average, total) = Self.totals(scores: turns.map(\.score), hints: hintsUsed, mode: session.mode,
                                       typeGuessCorrect: session.typeGuess?.correct)
        ending = session.ending
        let playbook = session.evaluator.catalog.playbook(for: session.scenario.valueType)?.tactics ?? []
        tactics = playbook.map { tactic in
            let findings = counted.compactMap { $0.assessment.tactics.first { $0.id == tactic.id } }
            return TacticUse(id: tactic.id, uses: findings.filter(\.isUsed).count,
                             bestConfidence: findings.map(\.confidence).max() ?? 0)
        }
        matched = turns.filter { $0.alignment == .match }.count
        mismatched = turns.filter { $0.alignment == .mismatch }.count
        unoriented = turns.filter { $0.alignment == .none }.count
        if session.mode == .exam {
            passMark = session.passMark
            if session.timedOut {
                verdict = .timeUp
            } else if let ending = session.ending {
                verdict = ending.kind == .left ? .buyerLeft : (self.total >= session.passMark ? .passed : .belowPassMark)
            } else {
                verdict = .notFinished
            }
        }
        weakestTurns = Array(turns.sorted { ($0.score, $0.number) < ($1.score, $1.number) }.prefix(2).filter { $0.score < 70 }.map(\.turn))
        rewinds = session.exchanges.filter(\.rewound).count
    }
}
