/// One reply with the labels a sales trainer gave it: a line of `Scenarios/corpus/*.jsonl`, of a
/// development or held-out set, or of `dojo flags --format jsonl` (see docs/labelling.md).
public struct LabelledReply: Sendable, Hashable {
    public var id: String
    /// `zh-Hans`, `zh-Hant` or `en`.
    public var language: String
    /// The buyer line the reply answers, when recorded.
    public var buyer: String?
    public var reply: String
    /// The value type the reply's tactics speak to; nil for none.
    public var orientation: ValueType?
    /// Tactic ids used, sorted.
    public var tactics: [String]
    /// Anti-pattern ids shown, sorted.
    public var antiPatterns: [String]
    public var note: String?
    /// Where it was read.
    public var location: SourceLocation

    public init(id: String, language: String, buyer: String? = nil, reply: String, orientation: ValueType?, tactics: [String],
                antiPatterns: [String], note: String? = nil, location: SourceLocation) {
        self.id = id
        self.language = language
        self.buyer = buyer
        self.reply = reply
        self.orientation = orientation
        self.tactics = tactics.sorted()
        self.antiPatterns = antiPatterns.sorted()
        self.note = note
        self.location = location
    }
}
