import DojoKit

/// What the store knows of one trainee that a track's standing needs: their sessions and how many
/// times they read the guide.
struct TraineeHistory {
    /// Sessions, oldest first.
    var sessions: [SessionSummary]
    /// Times the guide was read (`dojo guide`).
    var guideReads: Int
}
