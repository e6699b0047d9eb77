/// How a session coaches.
public enum SessionMode: String, Sendable, Hashable, CaseIterable, Codable {
    /// Feedback after every reply; hints and rewind allowed.
    case practice
    /// No feedback or hints until the end, no rewind; a pass mark; opens by asking for the buyer's type.
    case exam
}
