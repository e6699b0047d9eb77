/// `buyer`: the buyer said a line.
public struct BuyerRecord: TranscriptEvent {
    public static let kind = "buyer"
    /// Turn id.
    public var turn: String
    /// The line as shown.
    public var text: String

    /// A buyer record.
    public init(turn: String, text: String) {
        self.turn = turn
        self.text = text
    }

    public init(fields f: RecordFields) throws(Transcript.DamagedLine) {
        turn = try f.optionalString("turn") ?? ""
        text = try f.optionalString("text") ?? ""
    }

    public func encode(to w: inout JSONWriter) {
        w.key("turn"); w.string(turn)
        w.key("text"); w.string(text)
    }
}
