/// Where session summaries are kept. DojoStore implements it on SQLite with GRDB; a server could
/// implement it on PostgreSQL and every command and report would work unchanged.
public protocol ProgressStore: Sendable {
    /// Adds sessions (or completes ones seen before unfinished) in one transaction.
    func record(_ sessions: [SessionSummary]) throws -> [RecordOutcome]
    /// Sessions matching the query, oldest first.
    func sessions(_ query: SessionQuery) throws -> [SessionSummary]
    /// Every trainee with at least one session, sorted.
    func trainees() throws -> [String]
    /// Forgets every session (for `dojo import --rebuild`); guide reads, which no transcript holds, stay.
    func removeAll() throws
    /// Notes that `trainee` read the guide (`dojo guide`) at `time` (ISO 8601); the same time twice is one read.
    func recordGuideRead(trainee: String, at time: String) throws
    /// How many times `trainee` read the guide.
    func guideReads(trainee: String) throws -> Int
}

/// What recording one session did.
public enum RecordOutcome: String, Sendable, Hashable {
    /// A new session.
    case added
    /// A session known unfinished, now complete (or longer).
    case updated
    /// Already there: importing twice changes nothing.
    case unchanged
}

/// Which sessions to read.
public struct SessionQuery: Sendable, Hashable {
    /// Only this trainee.
    public var trainee: String?
    /// Only this scenario or drill.
    public var activity: String?

    /// A query.
    public init(trainee: String? = nil, activity: String? = nil) {
        self.trainee = trainee
        self.activity = activity
    }
}
