/// Which turns, branches and endings of each scenario were reached, and how often: by the transcript
/// tests' plays and, when added, by real sessions' transcripts. What was never reached carries the
/// `file:line` where it is written.
public struct CoverageReport: Sendable, Hashable {
    /// One turn, branch or ending with its hit count.
    public struct Item: Sendable, Hashable {
        /// Turn id, `turn → target` (branch n), or ending id.
        public var label: String
        /// Replies that answered the turn, took the branch, or sessions that closed on the ending.
        public var hits: Int
        /// Where it is written.
        public var location: SourceLocation
    }

    /// One scenario's coverage.
    public struct ScenarioCoverage: Sendable, Hashable {
        /// The scenario id.
        public var scenario: String
        /// Turns in file order.
        public var turns: [Item]
        /// Branches in file order.
        public var branches: [Item]
        /// Endings in file order.
        public var endings: [Item]
        /// Plays and sessions counted.
        public var sessions: Int
        /// Transcripts recorded against another version of the scenario (their branch numbers may differ).
        public var staleTranscripts: Int

        /// Every item never reached, in file order of turns, branches, then endings.
        public var unreached: [Item] { (turns + branches + endings).filter { $0.hits == 0 } }
    }

    private var counts: [String: Counts] = [:]
    private let scenarios: [Scenario]

    struct Counts: Sendable, Hashable {
        var turns: [String: Int] = [:]
        var branches: [String: [Int: Int]] = [:]
        var endings: [String: Int] = [:]
        var sessions = 0
        var stale = 0
    }

    /// Starts an empty report over these scenarios (in the order given).
    public init(scenarios: [Scenario]) {
        self.scenarios = scenarios
    }

    /// Counts one play or session: the turn, branch and ending of each counted reply.
    public mutating func add(scenario: String, replies: [(turn: String, branch: Int?, ending: String?)], contentHash: String? = nil) {
        guard let known = scenarios.first(where: { $0.id == scenario }) else { return }
        var entry = counts[scenario] ?? Counts()
        entry.sessions += 1
        if let contentHash, !known.contentHash.isEmpty, contentHash != known.contentHash { entry.stale += 1 }
        for reply in replies {
            guard let turn = known.turn(reply.turn) else { continue }
            entry.turns[turn.id, default: 0] += 1
            if let branch = reply.branch, turn.branches.indices.contains(branch) { entry.branches[turn.id, default: [:]][branch, default: 0] += 1 }
            if let ending = reply.ending, known.ending(ending) != nil { entry.endings[ending, default: 0] += 1 }
        }
        counts[scenario] = entry
    }

    /// Counts a session played in this process.
    public mutating func add(_ session: Session) {
        add(scenario: session.scenario.id,
            replies: session.countedExchanges.map { ($0.turn, $0.branch, $0.ending) }, contentHash: session.scenario.contentHash)
    }

    /// Counts a session read from a transcript's records (rewound replies left out).
    public mutating func add(records: [TranscriptRecord]) {
        var start: StartRecord?
        var replies: [ReplyRecord] = []
        var rewound: Set<Int> = []
        for record in records {
            switch record {
            case let .start(r): if start == nil { start = r }
            case let .reply(r): replies.append(r)
            case let .rewind(r): rewound.insert(r.number)
            default: break
            }
        }
        guard let start else { return }
        add(scenario: start.scenario,
            replies: replies.filter { !rewound.contains($0.number) }.map { ($0.turn, $0.branch, $0.ending) },
            contentHash: start.scenarioHash)
    }

    /// The coverage of every scenario, in the order given.
    public var results: [ScenarioCoverage] {
        scenarios.map { scenario in
            let entry = counts[scenario.id] ?? Counts()
            let turns = scenario.turns.map { Item(label: $0.id, hits: entry.turns[$0.id] ?? 0, location: $0.location) }
            var branches: [Item] = []
            for turn in scenario.turns {
                for (index, branch) in turn.branches.enumerated() {
                    branches.append(Item(label: "\(turn.id) → \(branch.target) (branch \(index + 1))",
                                         hits: entry.branches[turn.id]?[index] ?? 0, location: branch.location))
                }
            }
            let endings = scenario.endings.map { Item(label: $0.id, hits: entry.endings[$0.id] ?? 0, location: $0.location) }
            return ScenarioCoverage(scenario: scenario.id, turns: turns, branches: branches, endings: endings,
                                    sessions: entry.sessions, staleTranscripts: entry.stale)
        }
    }
}
