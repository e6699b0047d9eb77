/// A scenario as nodes and edges, ready for a diagram: turns and endings, branches with their
/// conditions and meter effects, meter bounds that end the dialogue, and what no path reaches
/// (from `Explorer.walk()`). `DOTWriter` and `MermaidWriter` render it.
public struct ScenarioGraph: Sendable, Hashable {
    /// A turn or an ending.
    public struct Node: Sendable, Hashable {
        /// What the node is.
        public enum Kind: Sendable, Hashable {
            /// A turn (the start is marked separately).
            case turn
            /// An ending of a kind.
            case ending(Ending.Kind)
            /// A meter bound with an ending attached (`patience <= 0`).
            case meterBound
        }
        /// Stable id within the diagram (`t0`, `e1`, `m0`), safe in every format.
        public var key: String
        /// The author's id (turn or ending id; the condition for a meter bound).
        public var id: String
        /// The kind.
        public var kind: Kind
        /// A second line: the buyer's first line, or the ending's title.
        public var detail: String?
        /// Whether the dialogue starts here.
        public var isStart: Bool
        /// Whether no path reaches it.
        public var unreachable: Bool
    }

    /// A branch (or a meter bound's jump to its ending).
    public struct Edge: Sendable, Hashable {
        /// Source node key.
        public var from: String
        /// Target node key.
        public var to: String
        /// The condition and effects, e.g. `score >= 70 and used(price-angle) · trust +1`; `otherwise` for a fallback.
        public var label: String
        /// Whether no path takes it.
        public var neverTaken: Bool
    }

    /// The scenario id.
    public var scenario: String
    /// Nodes: turns in file order, then endings, then meter bounds.
    public var nodes: [Node]
    /// Edges: branches in file order, then meter bounds.
    public var edges: [Edge]

    /// Longest buyer line shown in a node, in characters.
    static let detailLength = 40

    /// Builds the graph; `exploration` (from `Explorer.walk()`) marks what no path reaches.
    public init(scenario: Scenario, exploration: Exploration) {
        self.scenario = scenario.id
        var nodes: [Node] = []
        var keys: [String: String] = [:]
        let visited = Set(exploration.visitedTurns)
        for (index, turn) in scenario.turns.enumerated() {
            keys[turn.id] = "t\(index)"
            nodes.append(Node(key: "t\(index)", id: turn.id, kind: .turn, detail: turn.lines.first.map(Self.shorten),
                              isStart: turn.id == scenario.start, unreachable: !visited.contains(turn.id)))
        }
        let reached = Set(exploration.endings.map(\.ending))
        for (index, ending) in scenario.endings.enumerated() where keys[ending.id] == nil {
            keys[ending.id] = "e\(index)"
            nodes.append(Node(key: "e\(index)", id: ending.id, kind: .ending(ending.kind), detail: Self.shorten(ending.title),
                              isStart: false, unreachable: !reached.contains(ending.id)))
        }
        var edges: [Edge] = []
        for turn in scenario.turns {
            guard let from = keys[turn.id] else { continue }
            for (index, branch) in turn.branches.enumerated() {
                guard let to = keys[branch.target] else { continue }
                var label = branch.condition.map(\.description) ?? "otherwise"
                if !branch.effects.isEmpty {
                    label += " · " + branch.effects.map { "\($0.meter) \($0.delta >= 0 ? "+" : "")\($0.delta)" }.joined(separator: ", ")
                }
                let taken = exploration.takenBranches.contains(Exploration.BranchRef(turn: turn.id, branch: index))
                edges.append(Edge(from: from, to: to, label: label, neverTaken: !taken))
            }
        }
        var boundIndex = 0
        for meter in scenario.meters {
            for (value, ending, op) in [(meter.min, meter.onMin, "<="), (meter.max, meter.onMax, ">=")] {
                guard let ending, let to = keys[ending] else { continue }
                let key = "m\(boundIndex)"
                boundIndex += 1
                let reachedBound = exploration.meterRanges[meter.name].map { op == "<=" ? $0.lowerBound <= value : $0.upperBound >= value } ?? false
                nodes.append(Node(key: key, id: "\(meter.name) \(op) \(value)", kind: .meterBound, detail: nil, isStart: false,
                                  unreachable: !reachedBound))
                edges.append(Edge(from: key, to: to, label: "ends the dialogue", neverTaken: !reachedBound))
            }
        }
        self.nodes = nodes
        self.edges = edges
    }

    /// The first `detailLength` characters of a line on one line.
    static func shorten(_ text: String) -> String {
        let flat = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return flat.count <= detailLength ? flat : String(flat.prefix(detailLength)) + "…"
    }
}
