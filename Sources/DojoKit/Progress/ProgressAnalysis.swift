/// A trainee's progress computed from their sessions: per value type and per tactic, how often a
/// tactic was used when the turn expected it and the average score of those replies; the
/// type-alignment rate; the weakest tactics with an example reply; and what to practise next.
public struct ProgressAnalysis: Sendable, Hashable {
    /// One tactic's record.
    public struct TacticStat: Sendable, Hashable {
        /// Tactic id.
        public var id: String
        /// Its value type (nil for anti-patterns or unknown ids).
        public var valueType: ValueType?
        /// Counted replies whose turn expected it.
        public var expected: Int
        /// Of those, replies that used it.
        public var used: Int
        /// Average score of the replies whose turn expected it (0–100).
        public var averageCredit: Int
        /// A reply of the trainee's that missed it (the lowest-scoring, most recent), for coaching.
        public var example: String?

        /// Used-when-expected rate, 0–1.
        public var rate: Double { expected == 0 ? 0 : Double(used) / Double(expected) }
    }

    /// One value type's record.
    public struct TypeStat: Sendable, Hashable {
        /// The type.
        public var valueType: ValueType
        /// Expected uses of its tactics.
        public var expected: Int
        /// Uses when expected.
        public var used: Int
        /// Average score of replies expecting its tactics.
        public var averageCredit: Int
    }

    /// Sessions counted (role-plays; drills are listed in history).
    public var sessions: Int
    /// Per value type, in type order.
    public var types: [TypeStat]
    /// Per tactic, by type then id.
    public var tactics: [TacticStat]
    /// Replies that matched the buyer's type.
    public var matched: Int
    /// Counted replies.
    public var replies: Int
    /// Up to three weakest tactics, weakest first.
    public var weakest: [TacticStat]

    /// Type-alignment rate, 0–1.
    public var alignmentRate: Double { replies == 0 ? 0 : Double(matched) / Double(replies) }

    /// Computes progress from `sessions` (one trainee's, any order); `catalog` gives each tactic's type.
    public init(sessions: [SessionSummary], catalog: TacticCatalog) {
        let plays = sessions.filter { $0.kind == .play }.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }
        self.sessions = plays.count
        struct Tally { var expected = 0, used = 0, scoreSum = 0; var example: (score: Int, order: Int, text: String)? }
        var tallies: [String: Tally] = [:]
        var matched = 0, replies = 0, order = 0
        for session in plays {
            for turn in session.countedTurns {
                order += 1
                replies += 1
                if turn.alignment == Assessment.Alignment.match.rawValue { matched += 1 }
                for id in Set(turn.expected) {
                    var t = tallies[id, default: Tally()]
                    t.expected += 1
                    t.scoreSum += turn.score
                    if turn.credited.contains(id) {
                        t.used += 1
                    } else if t.example.map({ turn.score < $0.score || (turn.score == $0.score && order > $0.order) }) ?? true {
                        t.example = (turn.score, order, turn.text)
                    }
                    tallies[id] = t
                }
            }
        }
        self.matched = matched
        self.replies = replies
        tactics = tallies.map { id, t in
            TacticStat(id: id, valueType: catalog.tactic(id)?.valueType, expected: t.expected, used: t.used,
                       averageCredit: t.expected == 0 ? 0 : (t.scoreSum + t.expected / 2) / t.expected, example: t.example?.text)
        }.sorted { ($0.valueType.map(\.ordinal) ?? 9, $0.id) < ($1.valueType.map(\.ordinal) ?? 9, $1.id) }
        types = ValueType.allCases.map { type in
            let of = tallies.filter { catalog.tactic($0.key)?.valueType == type }.map(\.value)
            let expected = of.map(\.expected).reduce(0, +)
            let sum = of.map(\.scoreSum).reduce(0, +)
            return TypeStat(valueType: type, expected: expected, used: of.map(\.used).reduce(0, +),
                            averageCredit: expected == 0 ? 0 : (sum + expected / 2) / expected)
        }
        weakest = Array(tactics.filter { $0.expected > 0 && $0.used < $0.expected }
            .sorted { ($0.rate, $0.averageCredit, $0.id) < ($1.rate, $1.averageCredit, $1.id) }.prefix(3))
    }

    /// What to practise next when no track applies: a scenario that exercises the weakest tactic and
    /// is not yet passed (easiest first), else the classification drill when alignment is weak.
    public func recommendation(scenarios: [Scenario], sessions: [SessionSummary], drills: [DrillSet]) -> Recommendation? {
        let passed = Set(sessions.filter { $0.kind == .play && $0.total >= ($0.passMark ?? scenarioPassMark($0.activity, scenarios)) }.map(\.activity))
        let ordered = scenarios.sorted { ($0.difficulty, $0.id) < ($1.difficulty, $1.id) }
        for weak in weakest {
            let fits = ordered.filter { s in !passed.contains(s.id) && s.turns.contains { $0.expect.contains(weak.id) } }
            if let best = fits.max(by: { a, b in
                (a.turns.filter { $0.expect.contains(weak.id) }.count, -a.difficulty) < (b.turns.filter { $0.expect.contains(weak.id) }.count, -b.difficulty)
            }) {
                return Recommendation(kind: .scenario, id: best.id, reason: .weakTactic(weak.id))
            }
        }
        if replies > 0, alignmentRate < 0.5, let drill = drills.first {
            return Recommendation(kind: .drill, id: drill.id, reason: .lowAlignment)
        }
        if let next = ordered.first(where: { !passed.contains($0.id) }) {
            return Recommendation(kind: .scenario, id: next.id, reason: .notYetPassed)
        }
        return nil
    }

    private func scenarioPassMark(_ id: String, _ scenarios: [Scenario]) -> Int {
        scenarios.first { $0.id == id }?.passMark ?? Scenario.defaultPassMark
    }
}
