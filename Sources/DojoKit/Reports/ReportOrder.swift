/// The one order every report lists sessions in: trainee, start time, id.
public enum ReportOrder {
    /// Sessions sorted for output.
    public static func sorted(_ sessions: [SessionSummary]) -> [SessionSummary] {
        sessions.sorted { ($0.trainee, $0.startedAt, $0.id) < ($1.trainee, $1.startedAt, $1.id) }
    }
}
