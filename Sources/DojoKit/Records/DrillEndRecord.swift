/// `drill_end`: the drill ended (every item answered, or the rep left).
public struct DrillEndRecord: TranscriptEvent {
    public static let kind = "drill_end"
    /// Items answered.
    public var answered: Int
    /// Right answers.
    public var correct: Int
    /// Counts by actual type (rows) and guess (three types, then "not recognised").
    public var confusion: [[Int]]
    /// ISO 8601 end time (nil in older transcripts).
    public var endedAt: String?

    /// The record of a finished drill.
    public init(_ session: DrillSession, endedAt: String?) {
        answered = session.answers.count
        correct = session.correctCount
        confusion = session.confusion
        self.endedAt = endedAt
    }

    public init(fields f: RecordFields) throws(Transcript.DamagedLine) {
        answered = try f.optionalInt("answered", in: RecordLimits.count) ?? 0
        correct = try f.optionalInt("correct", in: RecordLimits.count) ?? 0
        guard correct <= answered else { throw f.damaged("correct", "is more than \"answered\" (\(answered))") }
        confusion = []
        for (index, row) in try f.array("confusion").enumerated() {
            guard case let .array(cells) = row else { throw f.damaged("confusion", "row \(index + 1) should be a list") }
            var out: [Int] = []
            for cell in cells {
                guard case let .number(n) = cell, n.isFinite, n == n.rounded(), n >= 0, n <= Double(RecordLimits.count.upperBound) else {
                    throw f.damaged("confusion", "row \(index + 1) has \(RecordFields.describe(cell)); expected whole numbers from 0 to \(RecordLimits.count.upperBound)")
                }
                out.append(Int(n))
            }
            confusion.append(out)
        }
        endedAt = try f.optionalString("ended_at")
    }

    public func encode(to w: inout JSONWriter) {
        w.key("answered"); w.int(answered)
        w.key("correct"); w.int(correct)
        w.key("confusion")
        w.beginArray()
        for row in confusion { w.beginArray(); row.forEach { w.int($0) }; w.endArray() }
        w.endArray()
        if let endedAt { w.key("ended_at"); w.string(endedAt) }
    }
}
