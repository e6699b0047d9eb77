/// `start`: a role-play began.
public struct StartRecord: TranscriptEvent {
    public static let kind = "start"
    /// Transcript schema version.
    public var schema: Int
    /// Scenario id.
    public var scenario: String
    /// `fnv1a64:…` of the scenario file as it was played, when known.
    public var scenarioHash: String?
    /// Who played.
    public var trainee: String
    /// Practice or exam.
    public var mode: SessionMode
    /// The seed, as text (a UInt64 does not fit a JSON number exactly).
    public var seed: String
    /// Exam pass mark.
    public var passMark: Int?
    /// ISO 8601 start time.
    public var startedAt: String?

    /// A start record.
    public init(schema: Int = Transcript.schemaVersion, scenario: String, scenarioHash: String?, trainee: String,
                mode: SessionMode, seed: String, passMark: Int?, startedAt: String?) {
        self.schema = schema
        self.scenario = scenario
        self.scenarioHash = scenarioHash
        self.trainee = trainee
        self.mode = mode
        self.seed = seed
        self.passMark = passMark
        self.startedAt = startedAt
    }

    public init(fields f: RecordFields) throws(Transcript.DamagedLine) {
        schema = try f.optionalInt("schema", in: RecordLimits.schema) ?? 1
        scenario = try f.string("scenario")
        scenarioHash = try f.optionalString("scenario_hash")
        trainee = try f.optionalString("trainee") ?? ""
        mode = try f.optionalEnum("mode", SessionMode.self) ?? .practice
        seed = try f.optionalString("seed") ?? ""
        passMark = try f.optionalInt("pass_mark", in: RecordLimits.score)
        startedAt = try f.optionalString("started_at")
    }

    public func encode(to w: inout JSONWriter) {
        w.key("schema"); w.int(schema)
        w.key("scenario"); w.string(scenario)
        if let scenarioHash { w.key("scenario_hash"); w.string(scenarioHash) }
        w.key("trainee"); w.string(trainee)
        w.key("mode"); w.string(mode.rawValue)
        w.key("seed"); w.string(seed)
        if let passMark { w.key("pass_mark"); w.int(passMark) }
        if let startedAt { w.key("started_at"); w.string(startedAt) }
    }
}
