/// Every tactic and anti-pattern the loaded playbooks define, by id.
public struct TacticCatalog: Sendable, Hashable {
    /// The playbooks, sorted: value types in the seed's order, then the anti-patterns.
    public private(set) var playbooks: [Playbook]
    private var byID: [String: Tactic]

    /// Builds the catalogue; later duplicates of an id are ignored (the loader reports them).
    public init(playbooks: [Playbook]) {
        self.playbooks = playbooks.sorted { ($0.valueType?.ordinal ?? 99, $0.file) < ($1.valueType?.ordinal ?? 99, $1.file) }
        var byID: [String: Tactic] = [:]
        for playbook in self.playbooks {
            for tactic in playbook.tactics where byID[tactic.id] == nil { byID[tactic.id] = tactic }
        }
        self.byID = byID
    }

    /// The tactic with this id.
    public func tactic(_ id: String) -> Tactic? { byID[id] }

    /// All ids.
    public var ids: Set<String> { Set(byID.keys) }

    /// Every tactic and anti-pattern in playbook order.
    public var allTactics: [Tactic] { playbooks.flatMap(\.tactics) }

    /// The playbook for a value type.
    public func playbook(for type: ValueType) -> Playbook? { playbooks.first { $0.valueType == type } }

    /// The anti-patterns.
    public var antiPatterns: [Tactic] { allTactics.filter(\.isAntiPattern) }
}
