/// Who a value type's buyers are, for the guide chart and the classification drill.
public struct PlaybookProfile: Sendable, Hashable {
    /// One exchange from the seed's dialogues.
    public struct Exchange: Sendable, Hashable {
        /// The buyer's line.
        public var buyer: LocalizedText
        /// A rep's line that fits.
        public var rep: LocalizedText
    }

    /// What these buyers value.
    public var values: LocalizedText
    /// How they buy.
    public var buying: LocalizedText
    /// What to avoid with them.
    public var avoid: LocalizedText
    /// Example dialogue.
    public var dialogue: [Exchange]
    /// Phrases a trainee uses when explaining why a buyer is of this type (graded in drills).
    public var criteria: Tactic.Phrases
}
