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

    /// The flags of one transcript, read with the transcript decoder every other command uses (streamed,
    /// range-checked). Records of other kinds are passed over: they are `dojo replay`'s business.
    public static func read(_ reader: TranscriptReader, file: String) throws(Transcript.DamagedLine) -> [FlaggedReply] {
        var scenario = ""
        var flags: [FlaggedReply] = []
        while let record = try reader.next() {
            switch record {
            case let .start(start):
                scenario = start.scenario
            case let .flag(flag):
                let found = flag.assessment.findings.filter(\.used).map(\.id).sorted()
                flags.append(FlaggedReply(scenario: scenario, turn: flag.turn, number: flag.number,
                                          buyer: flag.buyer.isEmpty ? nil : flag.buyer, reply: flag.text, note: flag.note,
                                          foundTactics: found, foundOrientation: flag.assessment.orientation,
                                          location: SourceLocation(file: file, line: reader.line, column: 1)))
            default:
                continue
            }
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
