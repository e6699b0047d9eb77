/// A reply a rep flagged in a session (`/flag`) as scored wrongly, read back from a transcript.
public struct FlaggedReply: Sendable, Hashable {
    /// The session's scenario id.
    public var scenario: String
    public var turn: String
    /// The exchange number in the session.
    public var number: Int
    public var buyer: String?
    public var reply: String
    /// The rep's note ("this deserved price-angle"); may be empty.
    public var note: String
    /// What the evaluator found then: used tactic and anti-pattern ids, and the orientation.
    public var foundTactics: [String]
    public var foundOrientation: String
    /// The transcript line of the flag.
    public var location: SourceLocation

    /// Reads the flags of one transcript (JSON Lines). Lines that are not JSON, and events of other
    /// kinds, are passed over: a transcript's other events are `dojo replay`'s business.
    public static func read(bytes: [UInt8], file: String) -> [FlaggedReply] {
        var scenario = ""
        var flags: [FlaggedReply] = []
        for (offset, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            guard !line.isEmpty, let value = try? JSONValue.parse(line), let event = value["event"]?.stringValue else { continue }
            if event == "start" { scenario = value["scenario"]?.stringValue ?? "" }
            guard event == "flag", let reply = value["text"]?.stringValue else { continue }
            var found: [String] = []
            if case let .array(items)? = value["assessment"]?["tactics"] {
                for item in items where item["used"] == .bool(true) { if let id = item["id"]?.stringValue { found.append(id) } }
            }
            var number = 0
            if case let .number(n)? = value["n"], n >= 0, n < 1e9, n == n.rounded() { number = Int(n) }
            flags.append(FlaggedReply(scenario: scenario, turn: value["turn"]?.stringValue ?? "", number: number,
                                      buyer: value["buyer"]?.stringValue, reply: reply, note: value["note"]?.stringValue ?? "",
                                      foundTactics: found.sorted(), foundOrientation: value["assessment"]?["orientation"]?.stringValue ?? "none",
                                      location: SourceLocation(file: file, line: offset + 1, column: 1)))
        }
        return flags
    }
}

/// The language tag of a reply: `en` without Chinese characters, `zh-Hant` when any character has a
/// distinct Simplified form, else `zh-Hans`.
public enum ReplyLanguage {
    public static func of(_ text: String) -> String {
        guard text.containsCJK else { return "en" }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v >= TraditionalToSimplified.first && v <= TraditionalToSimplified.last,
               TraditionalToSimplified.table[Int(v &- TraditionalToSimplified.first)] != v {
                return "zh-Hant"
            }
        }
        return "zh-Hans"
    }
}
