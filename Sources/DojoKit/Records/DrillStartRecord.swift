/// `drill_start`: a classification drill began.
public struct DrillStartRecord: TranscriptEvent {
    public static let kind = "drill_start"
    /// Transcript schema version.
    public var schema: Int
    /// Drill set id.
    public var drill: String
    /// Who played.
    public var trainee: String
    /// The seed, as text.
    public var seed: String
    /// Item ids in the order asked.
    public var items: [String]
    /// ISO 8601 start time.
    public var startedAt: String?

    /// The record of a live drill.
    public init(_ session: DrillSession, trainee: String, startedAt: String?) {
        schema = Transcript.schemaVersion
        drill = session.set.id
        self.trainee = trainee
        seed = String(session.seed)
        items = session.items.map(\.id)
        self.startedAt = startedAt
    }

    public init(fields f: RecordFields) throws(Transcript.DamagedLine) {
        schema = try f.optionalInt("schema", in: RecordLimits.schema) ?? 1
        drill = try f.string("drill")
        trainee = try f.optionalString("trainee") ?? ""
        seed = try f.optionalString("seed") ?? ""
        items = try f.strings("items")
        startedAt = try f.optionalString("started_at")
    }

    public func encode(to w: inout JSONWriter) {
        w.key("schema"); w.int(schema)
        w.key("drill"); w.string(drill)
        w.key("trainee"); w.string(trainee)
        w.key("seed"); w.string(seed)
        w.key("items"); w.beginArray(); items.forEach { w.string($0) }; w.endArray()
        if let startedAt { w.key("started_at"); w.string(startedAt) }
    }
}
