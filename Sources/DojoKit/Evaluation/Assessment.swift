/// What the evaluator found in one reply and, given a buyer, how it scores.
public struct Assessment: Sendable, Hashable {
    /// Where the reply's tactics point, and whether that suits the buyer.
    public enum Alignment: String, Sendable, Hashable, Codable {
        /// The reply speaks to the buyer's value type.
        case match
        /// The reply speaks to another value type.
        case mismatch
        /// The reply uses no tactic.
        case none
    }

    /// One tactic (or anti-pattern) with the evidence for it.
    public struct TacticFinding: Sendable, Hashable {
        /// Tactic id.
        public var id: String
        /// Its value type; nil for an anti-pattern.
        public var valueType: ValueType?
        /// 0…1; at least `Evaluator.usedThreshold` means the tactic was used.
        public var confidence: Double
        /// The rep's own words that earned it (substrings of the reply), in order of appearance.
        public var evidence: [String]
        /// Cue phrases that matched, for `/why`.
        public var cues: [String]
        /// Cosine similarity to the closest model answer (0 when none was close).
        public var similarity: Double
        /// Phrases that would have matched but were negated, with the negating word.
        public var negated: [Negated]
        /// Phrases that only appeared inside a question.
        public var questioned: [String]

        /// Whether the tactic counts as used.
        public var isUsed: Bool { confidence >= Evaluator.usedThreshold }
    }

    /// A cue phrase cancelled by a negation.
    public struct Negated: Sendable, Hashable {
        /// The rep's words.
        public var quote: String
        /// The word that negates them.
        public var trigger: String
    }

    /// Surface signals of the reply.
    public struct Signals: Sendable, Hashable {
        /// The reply asks a question.
        public var asksQuestion: Bool
        /// The reply names an amount of money or a percentage.
        public var quantifiesValue: Bool
        /// The reply contains any number.
        public var hasNumber: Bool
        /// Length in units: one per CJK character, one per Latin word.
        public var length: Int
        /// Speaks of working together (共同, 双方, together, mutual …).
        public var jointFraming: Bool
        /// Brings in executives (高层, CEO, leadership …).
        public var executiveFraming: Bool
        /// Money, percent and duration phrases found, as written.
        public var figures: [String]
        /// The kind of each of `figures` (same order): `.money`, `.percent` or `.duration`.
        public var figureKinds: [SignalScanner.Kind] = []

        /// The first figure of a kind, as the rep wrote it (reactions quote it).
        public func firstFigure(_ kind: SignalScanner.Kind) -> String? {
            zip(figures, figureKinds).first { $0.1 == kind }?.0
        }
    }

    /// The reply as given.
    public var reply: String
    /// Every tactic with any evidence, used or not, in catalogue order.
    public var tactics: [TacticFinding]
    /// Anti-patterns detected (confidence ≥ threshold).
    public var antiPatterns: [TacticFinding]
    /// The value type the reply's tactics speak to, or nil for none.
    public var orientation: ValueType?
    /// Surface signals.
    public var signals: Signals
    /// The reply reads as a list of keywords rather than something said to a buyer.
    public var cueStuffing: Bool
    /// Score 0–100, when a buyer type was given.
    public var score: Int?
    /// Fit of the orientation to the buyer type.
    public var alignment: Alignment
    /// Why the score is what it is.
    public var explanation: [ExplanationItem]

    /// The tactics counted as used.
    public var usedTactics: [TacticFinding] { tactics.filter(\.isUsed) }

    /// Whether the tactic (or anti-pattern) with this id was used.
    public func used(_ id: String) -> Bool {
        tactics.contains { $0.id == id && $0.isUsed } || antiPatterns.contains { $0.id == id && $0.isUsed }
    }
}

/// One line of the explanation, as data; `ExplanationRenderer` turns it into Chinese or English.
public enum ExplanationItem: Sendable, Hashable {
    /// A tactic credited, quoting the rep.
    case credited(tactic: String, quotes: [String], confidence: Double)
    /// A tactic given partial credit for resembling a model answer.
    case resembles(tactic: String, similarity: Double)
    /// An expected tactic that is missing, with an example that would earn it.
    case missing(tactic: String, example: String?)
    /// The reply speaks to another value type than the buyer's.
    case mismatch(orientation: ValueType, buyer: ValueType)
    /// A tactic of another value type was used alongside the right ones.
    case offType(tactic: String)
    /// A tactic the turn says to avoid was used.
    case avoided(tactic: String, quote: String)
    /// An anti-pattern was detected.
    case antiPattern(tactic: String, quote: String)
    /// An offer was negated ("我们不会降价"), so it earns nothing.
    case negated(tactic: String, quote: String, trigger: String)
    /// An offer only appears inside a question.
    case questionOnly(tactic: String, quote: String)
    /// The reply is a list of keywords.
    case cueStuffing
    /// A style note for the buyer's type; `met` says whether the reply already does it.
    case style(StyleNote, met: Bool)
    /// The reply is too short to be an answer.
    case tooShort
}

/// What each buyer type rewards in the manner of a reply.
public enum StyleNote: String, Sendable, Hashable, CaseIterable {
    /// Intrinsic buyers: put a number on it.
    case quantify
    /// Intrinsic buyers: keep it short.
    case brevity
    /// Extrinsic buyers: ask about their situation.
    case askQuestion
    /// Extrinsic buyers: enough substance to show expertise.
    case substance
    /// Strategic buyers: frame it as joint value.
    case jointFraming
    /// Strategic buyers: bring in executives.
    case executiveFraming
}
