/// The scorecard as recorded in an `end` line.
public struct ScorecardRecord: Sendable, Hashable {
    /// One counted reply.
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

    /// One tactic of the buyer's playbook.
    public struct TacticUse: Sendable, Hashable {
        /// Tactic id.
        public var id: String
        /// Counted replies that used it.
        public var uses: Int
        /// Best confidence.
        public var best: Double
    }

    /// Total 0–100 after deductions.
    public var total: Int
    /// Average before deductions.
    public var average: Int
    /// Hints taken.
    public var hints: Int
    /// Rewinds used.
    public var rewinds: Int
    /// Counted replies.
    public var turns: [TurnScore]
    /// Playbook tactics.
    public var tactics: [TacticUse]
    /// Alignment counts.
    public var matched: Int, mismatched: Int, unoriented: Int
    /// Exam pass mark.
    public var passMark: Int?
    /// Exam result.
    public var passed: Bool?
    /// Exam: why it came out so (`passed`, `below-pass-mark`, `not-finished`, `buyer-left`, `time-up`;
    /// nil in transcripts written before it was recorded).
    public var reason: String?
    /// Exam: whether the type guess was right.
    public var typeGuessCorrect: Bool?

    /// The record of a live scorecard.
    public init(_ card: Scorecard) {
        total = card.total
        average = card.average
        hints = card.hintsUsed
        rewinds = card.rewinds
        turns = card.turns.map { TurnScore(number: $0.number, turn: $0.turn, score: $0.score, alignment: $0.alignment) }
        tactics = card.tactics.map { TacticUse(id: $0.id, uses: $0.uses, best: $0.bestConfidence) }
        matched = card.matched
        mismatched = card.mismatched
        unoriented = card.unoriented
        passMark = card.passMark
        passed = card.passed
        reason = card.verdict?.rawValue
        typeGuessCorrect = card.typeGuess?.correct
    }

    init(fields f: RecordFields) throws(Transcript.DamagedLine) {
        total = try f.optionalInt("total", in: RecordLimits.score) ?? 0
        average = try f.optionalInt("average", in: RecordLimits.score) ?? 0
        hints = try f.optionalInt("hints", in: RecordLimits.count) ?? 0
        rewinds = try f.optionalInt("rewinds", in: RecordLimits.count) ?? 0
        turns = []
        for t in try f.objects("turns") {
            turns.append(TurnScore(number: try t.int("n", in: RecordLimits.count), turn: try t.optionalString("turn") ?? "",
                                   score: try t.int("score", in: RecordLimits.score),
                                   alignment: try t.optionalEnum("alignment", Assessment.Alignment.self) ?? .none))
        }
        tactics = []
        for t in try f.objects("tactics") {
            tactics.append(TacticUse(id: try t.string("id"), uses: try t.optionalInt("uses", in: RecordLimits.count) ?? 0,
                                     best: try t.double("best", in: RecordLimits.unit)))
        }
        let alignment = try f.optionalObject("alignment")
        matched = try alignment?.optionalInt("match", in: RecordLimits.count) ?? 0
        mismatched = try alignment?.optionalInt("mismatch", in: RecordLimits.count) ?? 0
        unoriented = try alignment?.optionalInt("none", in: RecordLimits.count) ?? 0
        passMark = try f.optionalInt("pass_mark", in: RecordLimits.score)
        passed = try f.optionalBool("passed")
        reason = try f.optionalString("reason")
        typeGuessCorrect = try f.optionalBool("type_guess_correct")
    }

    func encode(to w: inout JSONWriter) {
        w.beginObject()
        w.key("total"); w.int(total)
        w.key("average"); w.int(average)
        w.key("hints"); w.int(hints)
        w.key("rewinds"); w.int(rewinds)
        w.key("turns")
        w.beginArray()
        for turn in turns {
            w.beginObject()
            w.key("n"); w.int(turn.number)
            w.key("turn"); w.string(turn.turn)
            w.key("score"); w.int(turn.score)
            w.key("alignment"); w.string(turn.alignment.rawValue)
            w.endObject()
        }
        w.endArray()
        w.key("tactics")
        w.beginArray()
        for tactic in tactics {
            w.beginObject()
            w.key("id"); w.string(tactic.id)
            w.key("uses"); w.int(tactic.uses)
            w.key("best"); w.number(tactic.best)
            w.endObject()
        }
        w.endArray()
        w.key("alignment")
        w.beginObject()
        w.key("match"); w.int(matched)
        w.key("mismatch"); w.int(mismatched)
        w.key("none"); w.int(unoriented)
        w.endObject()
        if let passMark { w.key("pass_mark"); w.int(passMark) }
        if let passed { w.key("passed"); w.bool(passed) }
        if let reason { w.key("reason"); w.string(reason) }
        if let typeGuessCorrect { w.key("type_guess_correct"); w.bool(typeGuessCorrect) }
        w.endObject()
    }
}
