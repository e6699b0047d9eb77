/// One kind of transcript line. A new kind (say `flag`) is a struct conforming to this protocol, one
/// case in `TranscriptRecord` and one entry in `TranscriptRecord.decoders`; readers that predate it
/// skip it with a note instead of failing.
public protocol TranscriptEvent: Sendable, Hashable {
    /// The value of the line's `"event"` member.
    static var kind: String { get }
    /// Reads the event from a line's fields, range-checking every number.
    init(fields: RecordFields) throws(Transcript.DamagedLine)
    /// Writes the event's members (after `"event"`) in their fixed order.
    func encode(to writer: inout JSONWriter)
}

/// Limits that keep a damaged or hostile transcript from trapping arithmetic (`"n":1e19`).
public enum RecordLimits {
    /// Reply, answer and item numbers.
    public static let count = 0...1_000_000
    /// Scores, totals, pass marks.
    public static let score = 0...100
    /// Meter values written in effects.
    public static let meter = -1_000_000_000...1_000_000_000
    /// Confidences and similarities.
    public static let unit = 0.0...1.0
    /// Branch indexes.
    public static let index = 0...100_000
    /// Schema versions.
    public static let schema = 0...1_000
}
