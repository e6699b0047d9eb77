/// Plays a scenario many times with real replies through the real evaluator: at each turn a reply is
/// drawn (seeded) from the turn's model answer and the playbooks' model answers, examples of every
/// tactic, anti-patterns and non-answers, in the scenario's language. Same seed, same walks.
public struct RandomWalker: Sendable {
    /// Where a drawn reply comes from.
    public enum Source: String, Sendable, Hashable, CaseIterable {
        /// The turn's model answer or a model answer of the buyer's playbook.
        case modelAnswer = "model-answer"
        /// An example of any tactic (of any value type).
        case example
        /// An anti-pattern example.
        case antiPattern = "anti-pattern"
        /// A reply that uses no tactic.
        case nonAnswer = "non-answer"
    }

    /// What the walks found.
    public struct Report: Sendable, Hashable {
        /// One ending reached by some walk.
        public struct EndingTally: Sendable, Hashable {
            /// The ending id.
            public var ending: String
            /// Its kind.
            public var kind: Ending.Kind
            /// Walks that reached it.
            public var walks: Int
            /// Lowest and highest scorecard total among them.
            public var minTotal: Int, maxTotal: Int
            /// The turns of the shortest such walk.
            public var shortestRoute: [String]
        }
        /// Walks played.
        public var walks: Int
        /// Endings reached, in the scenario's order.
        public var endings: [EndingTally]
        /// Turns no walk answered, in the scenario's order.
        public var unvisitedTurns: [String]
        /// Replies drawn, by source.
        public var drawn: [Source: Int]
    }

    /// Replies that use no tactic, by language.
    static let nonAnswers: [Bool: [String]] = [
        true: ["好的，我们考虑一下。", "明白。", "这个我回去问一下。", "嗯，您说得对。", "我们的产品质量很好。"],
        false: ["OK, we'll think about it.", "I see.", "Let me check with my team.", "Sure, that makes sense.", "Our product is very good."],
    ]

    /// The scenario played.
    public let scenario: Scenario
    let evaluator: Evaluator

    /// Creates a walker.
    public init(scenario: Scenario, evaluator: Evaluator) {
        self.scenario = scenario
        self.evaluator = evaluator
    }

    /// The replies a turn may get, by source, in a fixed order.
    func pool(for turn: Turn) -> [Source: [String]] {
        let chinese = scenario.language.isChinese
        func fits(_ text: String) -> Bool { text.containsCJK == chinese }
        let catalog = evaluator.catalog
        let own = catalog.playbook(for: scenario.valueType)?.tactics ?? []
        var pool: [Source: [String]] = [:]
        pool[.modelAnswer] = (turn.modelAnswer.map { [$0] } ?? []) + own.flatMap { chinese ? $0.modelAnswers.zh : $0.modelAnswers.en }
        pool[.example] = catalog.allTactics.filter { !$0.isAntiPattern }.flatMap(\.matchExamples).filter(fits)
        pool[.antiPattern] = catalog.antiPatterns.flatMap { $0.matchExamples + $0.modelAnswers.all }.filter(fits)
        pool[.nonAnswer] = Self.nonAnswers[chinese] ?? []
        return pool.filter { !$0.value.isEmpty }
    }

    /// Plays `walks` sessions; walk `i` uses a generator seeded from `seed` and `i`.
    public func run(walks: Int, seed: UInt64) -> Report {
        var tallies: [String: Report.EndingTally] = [:]
        var visited: Set<String> = []
        var drawn: [Source: Int] = [:]
        var pools: [String: [Source: [String]]] = [:]
        for index in 0..<max(0, walks) {
            var rng = SplitMix64(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15)
            var session = Session(scenario: scenario, evaluator: evaluator, seed: rng.next())
            while session.phase != .ended, let turn = session.turn {
                visited.insert(turn.id)
                let pool = pools[turn.id] ?? pool(for: turn)
                pools[turn.id] = pool
                let sources = Source.allCases.filter { pool[$0] != nil }
                guard !sources.isEmpty else { break }
                let source = sources[Int(rng.next() % UInt64(sources.count))]
                let replies = pool[source] ?? []
                drawn[source, default: 0] += 1
                _ = try? session.respond(replies[Int(rng.next() % UInt64(replies.count))])
            }
            guard let ending = session.ending else { continue }
            let total = session.scorecard().total
            let route = session.countedExchanges.map(\.turn)
            if var tally = tallies[ending.id] {
                tally.walks += 1
                tally.minTotal = min(tally.minTotal, total)
                tally.maxTotal = max(tally.maxTotal, total)
                if route.count < tally.shortestRoute.count { tally.shortestRoute = route }
                tallies[ending.id] = tally
            } else {
                tallies[ending.id] = Report.EndingTally(ending: ending.id, kind: ending.kind, walks: 1, minTotal: total, maxTotal: total,
                                                        shortestRoute: route)
            }
        }
        return Report(walks: max(0, walks), endings: scenario.endings.compactMap { tallies[$0.id] },
                      unvisitedTurns: scenario.turns.map(\.id).filter { !visited.contains($0) }, drawn: drawn)
    }
}
