/// One tactic of a playbook (or one anti-pattern) with the evidence that shows it in a reply.
public struct Tactic: Sendable, Hashable {
    /// Texts per language, as playbooks list cues and model answers.
    public struct Phrases: Sendable, Hashable {
        /// Chinese (Simplified) phrases.
        public var zh: [String]
        /// English phrases.
        public var en: [String]

        /// Creates a pair of phrase lists.
        public init(zh: [String], en: [String]) {
            self.zh = zh
            self.en = en
        }

        /// Both lists, Chinese first.
        public var all: [String] { zh + en }
    }

    /// Canonical id, e.g. `price-angle`.
    public var id: String
    /// The value type it speaks to; nil for an anti-pattern.
    public var valueType: ValueType?
    /// Display names.
    public var name: LocalizedText
    /// What the tactic is, from the seed.
    public var description: LocalizedText
    /// Cue phrases (literal text, typed slots, ` ... ` gaps).
    public var cues: Phrases
    /// Model answers that use the tactic.
    public var modelAnswers: Phrases
    /// Replies that must be credited with this tactic.
    public var matchExamples: [String]
    /// Replies that must not be credited with it.
    public var noMatchExamples: [String]
    /// Where the tactic is written.
    public var location: SourceLocation

    /// Whether this is an anti-pattern rather than a tactic.
    public var isAntiPattern: Bool { valueType == nil }

    /// Creates a tactic.
    public init(id: String, valueType: ValueType?, name: LocalizedText, description: LocalizedText, cues: Phrases,
                modelAnswers: Phrases, matchExamples: [String], noMatchExamples: [String], location: SourceLocation) {
        self.id = id
        self.valueType = valueType
        self.name = name
        self.description = description
        self.cues = cues
        self.modelAnswers = modelAnswers
        self.matchExamples = matchExamples
        self.noMatchExamples = noMatchExamples
        self.location = location
    }
}
