/// `rewind`: the rep undid reply `number`; the dialogue is back at `turn`.
public struct RewindRecord: TranscriptEvent {
    public static let kind = "rewind"
    /// The reply undone.
    public var number: Int
    /// Where the dialogue is again.
    public var turn: String

    /// A rewind record.
    public init(number: Int, turn: String) {
        self.number = number
        self.turn = turn
    }

    public init(fields f: RecordFields) throws(Transcript.DamagedLine) {
        number = try f.int("n", in: RecordLimits.count)
        turn = try f.optionalString("turn") ?? ""
    }

    public func encode(to w: inout JSONWriter) {
        w.key("n"); w.int(number)
        w.key("turn"); w.string(turn)
    }
}
