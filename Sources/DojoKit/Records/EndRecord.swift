/// `end`: the session ended, at an ending or because the rep left early.
public struct EndRecord: TranscriptEvent {
    public static let kind = "end"
    /// Ending id, nil when the rep left before one.
    public var ending: String?
    /// The ending's kind.
    public var endingKind: Ending.Kind?
    /// The scorecard.
    public var scorecard: ScorecardRecord
    /// ISO 8601 end time (nil in transcripts written before it was recorded).
    public var endedAt: String?

    /// An end record.
    public init(ending: String?, endingKind: Ending.Kind?, scorecard: ScorecardRecord, endedAt: String?) {
        self.ending = ending
        self.endingKind = endingKind
        self.scorecard = scorecard
        self.endedAt = endedAt
    }

    public init(fields f: RecordFields) throws(Transcript.DamagedLine) {
        ending = try f.optionalString("ending")
        endingKind = try f.optionalEnum("kind", Ending.Kind.self)
        scorecard = try ScorecardRecord(fields: f.optionalObject("scorecard") ?? RecordFields(members: [], line: f.line, path: "scorecard."))
        endedAt = try f.optionalString("ended_at")
    }

    public func encode(to w: inout JSONWriter) {
        w.key("ending"); w.string(ending)
        w.key("kind"); w.string(endingKind?.rawValue)
        w.key("scorecard"); scorecard.encode(to: &w)
        if let endedAt { w.key("ended_at"); w.string(endedAt) }
    }
}
