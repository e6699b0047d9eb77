/// `flag`: the rep flagged a reply's assessment as wrong, with a note for the instructor.
public struct FlagRecord: TranscriptEvent {
    public static let kind = "flag"
    /// The reply flagged.
    public var number: Int
    /// Its turn.
    public var turn: String
    /// The buyer line it answered.
    public var buyer: String
    /// The reply.
    public var text: String
    /// The rep's note.
    public var note: String
    /// The assessment flagged.
    public var assessment: AssessmentRecord

    /// The record of a live flag.
    public init(_ exchange: Exchange, note: String, explain: (ExplanationItem) -> String) {
        number = exchange.number
        turn = exchange.turn
        buyer = exchange.buyerLine
        text = exchange.reply
        self.note = note
        assessment = AssessmentRecord(exchange.assessment, explain: explain)
    }

    public init(fields f: RecordFields) throws(Transcript.DamagedLine) {
        number = try f.int("n", in: RecordLimits.count)
        turn = try f.optionalString("turn") ?? ""
        buyer = try f.optionalString("buyer") ?? ""
        text = try f.optionalString("text") ?? ""
        note = try f.optionalString("note") ?? ""
        assessment = try AssessmentRecord(fields: f.optionalObject("assessment") ?? RecordFields(members: [], line: f.line, path: "assessment."))
    }

    public func encode(to w: inout JSONWriter) {
        w.key("n"); w.int(number)
        w.key("turn"); w.string(turn)
        w.key("buyer"); w.string(buyer)
        w.key("text"); w.string(text)
        w.key("note"); w.string(note)
        w.key("assessment"); assessment.encode(to: &w)
    }
}
