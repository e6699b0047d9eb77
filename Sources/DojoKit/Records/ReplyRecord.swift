/// `reply`: the rep replied; the assessment and what followed.
public struct ReplyRecord: TranscriptEvent {
    public static let kind = "reply"
    /// A meter's change.
    public struct Effect: Sendable, Hashable {
        /// Meter name.
        public var meter: String
        /// Value before.
        public var from: Int
        /// Value after.
        public var to: Int
    }

    /// 1-based reply number (rewound replies keep theirs).
    public var number: Int
    /// Turn answered.
    public var turn: String
    /// What the rep wrote.
    public var text: String
    /// The assessment.
    public var assessment: AssessmentRecord
    /// Branch taken.
    public var branch: Int?
    /// Meter changes.
    public var effects: [Effect]
    /// The buyer's reaction.
    public var reaction: String?
    /// Next turn.
    public var next: String?
    /// Ending reached.
    public var ending: String?
    /// The tactics the turn expected (written since schema 1 files of 2026-11-30; nil in older ones).
    public var expect: [String]?

    /// The record of a live exchange.
    public init(_ exchange: Exchange, explain: (ExplanationItem) -> String) {
        number = exchange.number
        turn = exchange.turn
        text = exchange.reply
        assessment = AssessmentRecord(exchange.assessment, explain: explain)
        branch = exchange.branch
        effects = exchange.changes.map { Effect(meter: $0.meter, from: $0.from, to: $0.to) }
        reaction = exchange.reaction
        next = exchange.nextTurn
        ending = exchange.ending
        expect = exchange.expected
    }

    public init(fields f: RecordFields) throws(Transcript.DamagedLine) {
        number = try f.int("n", in: RecordLimits.count)
        turn = try f.optionalString("turn") ?? ""
        text = try f.optionalString("text") ?? ""
        assessment = try AssessmentRecord(fields: f.optionalObject("assessment") ?? RecordFields(members: [], line: f.line, path: "assessment."))
        branch = try f.optionalInt("branch", in: RecordLimits.index)
        effects = []
        for e in try f.objects("effects") {
            effects.append(Effect(meter: try e.string("meter"), from: try e.int("from", in: RecordLimits.meter), to: try e.int("to", in: RecordLimits.meter)))
        }
        reaction = try f.optionalString("reaction")
        next = try f.optionalString("next")
        ending = try f.optionalString("ending")
        expect = f["expect"] == nil ? nil : try f.strings("expect")
    }

    public func encode(to w: inout JSONWriter) {
        w.key("n"); w.int(number)
        w.key("turn"); w.string(turn)
        w.key("text"); w.string(text)
        w.key("assessment"); assessment.encode(to: &w)
        w.key("branch")
        if let branch { w.int(branch) } else { w.null() }
        w.key("effects")
        w.beginArray()
        for e in effects {
            w.beginObject()
            w.key("meter"); w.string(e.meter)
            w.key("from"); w.int(e.from)
            w.key("to"); w.int(e.to)
            w.endObject()
        }
        w.endArray()
        w.key("reaction"); w.string(reaction)
        w.key("next"); w.string(next)
        w.key("ending"); w.string(ending)
        if let expect { w.key("expect"); w.beginArray(); expect.forEach { w.string($0) }; w.endArray() }
    }
}
