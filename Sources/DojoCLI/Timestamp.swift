import Foundation

/// ISO 8601 times for transcripts, with milliseconds so two sessions started in the same second
/// (a /restart) still have different start records and so different stable ids.
enum Timestamp {
    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date())
    }
}
