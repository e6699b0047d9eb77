/// The tactics that fit one buyer value type, or the anti-patterns that hurt with any buyer.
public struct Playbook: Sendable, Hashable {
    /// The value type the playbook is for; nil for the anti-pattern playbook (`type: any`).
    public var valueType: ValueType?
    /// The type's name.
    public var name: LocalizedText
    /// The selling mode (transactional, consultative, enterprise).
    public var mode: LocalizedText
    /// Who these buyers are and what they value.
    public var summary: LocalizedText
    /// Who these buyers are (optional in the file; the shipped playbooks have one).
    public var profile: PlaybookProfile?
    /// Tactics in file order.
    public var tactics: [Tactic]
    /// The file it was loaded from.
    public var file: String

    /// Creates a playbook.
    public init(valueType: ValueType?, name: LocalizedText, mode: LocalizedText, summary: LocalizedText,
                profile: PlaybookProfile? = nil, tactics: [Tactic], file: String) {
        self.profile = profile
        self.valueType = valueType
        self.name = name
        self.mode = mode
        self.summary = summary
        self.tactics = tactics
        self.file = file
    }
}
