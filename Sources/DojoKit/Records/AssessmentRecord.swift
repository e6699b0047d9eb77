/// A reply's assessment as recorded: what the evaluator found, with the explanation rendered.
public struct AssessmentRecord: Sendable, Hashable {
    /// One tactic or anti-pattern the evaluator looked at.
    public struct Finding: Sendable, Hashable {
        /// Tactic id.
        public var id: String
        /// Value type, or `anti-pattern`.
        public var type: String
        /// Confidence 0–1.
        public var confidence: Double
        /// Whether the reply used it.
        public var used: Bool
        /// Quotes of the reply that earned it.
        public var evidence: [String]
        /// Cues matched.
        public var cues: [String]
        /// Similarity to model answers, 0–1.
        public var similarity: Double
        /// Negated quotes.
        public var negated: [String]
        /// Quotes that only asked about it.
        public var questioned: [String]
    }

    /// Score 0–100 (nil without a buyer type).
    public var score: Int?
    /// Value type the reply speaks to, or `none`.
    public var orientation: String
    /// Fit to the buyer's type.
    public var alignment: Assessment.Alignment
    /// Every tactic with evidence, then anti-patterns.
    public var findings: [Finding]
    /// What the scanners saw.
    public struct Signals: Sendable, Hashable {
        /// Asks a question.
        public var question = false
        /// Quantifies value.
        public var quantified = false
        /// Length in characters.
        public var length = 0
        /// Joint framing.
        public var joint = false
        /// Executive framing.
        public var executive = false
        /// Figures quoted.
        public var figures: [String] = []
    }

    /// Signals.
    public var signals: Signals
    /// Whether the reply looked like a list of cue words.
    public var cueStuffing: Bool
    /// Rendered explanation sentences.
    public var explanation: [String]

    /// Ids of the tactics and anti-patterns used, in recorded order.
    public var used: [String] { findings.filter(\.used).map(\.id) }

    /// The record of a live assessment; `explain` renders each explanation item.
    public init(_ a: Assessment, explain: (ExplanationItem) -> String) {
        score = a.score
        orientation = a.orientation?.rawValue ?? "none"
        alignment = a.alignment
        findings = (a.tactics + a.antiPatterns).map {
            Finding(id: $0.id, type: $0.valueType?.rawValue ?? "anti-pattern", confidence: $0.confidence, used: $0.isUsed,
                    evidence: $0.evidence, cues: $0.cues, similarity: $0.similarity, negated: $0.negated.map(\.quote),
                    questioned: $0.questioned)
        }
        let s = a.signals
        signals = Signals(question: s.asksQuestion, quantified: s.quantifiesValue, length: s.length, joint: s.jointFraming,
                          executive: s.executiveFraming, figures: s.figures)
        cueStuffing = a.cueStuffing
        explanation = a.explanation.map(explain)
    }

    init(fields f: RecordFields) throws(Transcript.DamagedLine) {
        score = try f.optionalInt("score", in: RecordLimits.score)
        orientation = try f.optionalString("orientation") ?? "none"
        alignment = try f.optionalEnum("alignment", Assessment.Alignment.self) ?? .none
        findings = []
        for t in try f.objects("tactics") {
            findings.append(Finding(id: try t.string("id"), type: try t.optionalString("type") ?? "", confidence: try t.double("confidence", in: RecordLimits.unit),
                                    used: try t.bool("used"), evidence: try t.strings("evidence"), cues: try t.strings("cues"),
                                    similarity: try t.double("similarity", in: RecordLimits.unit), negated: try t.strings("negated"),
                                    questioned: try t.strings("questioned")))
        }
        signals = Signals()
        if let g = try f.optionalObject("signals") {
            signals = Signals(question: try g.bool("question"), quantified: try g.bool("quantified"),
                              length: try g.optionalInt("length", in: RecordLimits.count) ?? 0, joint: try g.bool("joint"),
                              executive: try g.bool("executive"), figures: try g.strings("figures"))
        }
        cueStuffing = try f.bool("cue_stuffing")
        explanation = try f.strings("explanation")
    }

    /// The record as it is written in a transcript.
    func encode(to w: inout JSONWriter) {
        w.beginObject()
        writeFields(to: &w)
        w.endObject()
    }

    /// The record as a `dojo grade --format jsonl` line: `id` (as given, or null) and then the
    /// same fields as in a transcript, so a graded reply and a recorded one read alike.
    public func writeGradeLine(to w: inout JSONWriter, id: JSONValue?) {
        w.beginObject()
        w.key("id")
        switch id {
        case let .string(s)?: w.string(s)
        case let .number(n)?: w.number(n)
        default: w.null()
        }
        writeFields(to: &w)
        w.endObject()
    }

    /// The members: score, orientation, alignment, tactics, signals, cue_stuffing, explanation.
    private func writeFields(to w: inout JSONWriter) {
        w.key("score")
        if let score { w.int(score) } else { w.null() }
        w.key("orientation"); w.string(orientation)
        w.key("alignment"); w.string(alignment.rawValue)
        w.key("tactics")
        w.beginArray()
        for finding in findings {
            w.beginObject()
            w.key("id"); w.string(finding.id)
            w.key("type"); w.string(finding.type)
            w.key("confidence"); w.number(finding.confidence)
            w.key("used"); w.bool(finding.used)
            w.key("evidence"); w.beginArray(); finding.evidence.forEach { w.string($0) }; w.endArray()
            w.key("cues"); w.beginArray(); finding.cues.forEach { w.string($0) }; w.endArray()
            w.key("similarity"); w.number(finding.similarity)
            w.key("negated"); w.beginArray(); finding.negated.forEach { w.string($0) }; w.endArray()
            w.key("questioned"); w.beginArray(); finding.questioned.forEach { w.string($0) }; w.endArray()
            w.endObject()
        }
        w.endArray()
        w.key("signals")
        w.beginObject()
        w.key("question"); w.bool(signals.question)
        w.key("quantified"); w.bool(signals.quantified)
        w.key("length"); w.int(signals.length)
        w.key("joint"); w.bool(signals.joint)
        w.key("executive"); w.bool(signals.executive)
        w.key("figures"); w.beginArray(); signals.figures.forEach { w.string($0) }; w.endArray()
        w.endObject()
        w.key("cue_stuffing"); w.bool(cueStuffing)
        w.key("explanation"); w.beginArray(); explanation.forEach { w.string($0) }; w.endArray()
    }
}
