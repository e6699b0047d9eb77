/// A classification drill: statements in a seeded order, the trainee names each buyer's type and
/// optionally why; the reason is graded against the type's criteria from the playbook profiles.
public struct DrillSession: Sendable {
    /// One answered item.
    public struct Answer: Sendable, Hashable {
        /// 1-based position.
        public var number: Int
        /// The item.
        public var item: DrillSet.Item
        /// What the trainee typed.
        public var text: String
        /// The type read from it.
        public var guess: ValueType?
        /// The reason, if one followed the type.
        public var reason: String?
        /// Criteria of each type the reason mentions, quoting the trainee (type order).
        public var reasonEvidence: [(type: ValueType, quotes: [String])]
        /// Whether the reason speaks to the right type's criteria (nil without a reason).
        public var reasonFits: Bool?

        /// Whether the type is right.
        public var correct: Bool { guess == item.type }

        public static func == (a: Answer, b: Answer) -> Bool {
            a.number == b.number && a.item == b.item && a.text == b.text && a.guess == b.guess && a.reason == b.reason
                && a.reasonFits == b.reasonFits && a.reasonEvidence.map(\.type) == b.reasonEvidence.map(\.type)
                && a.reasonEvidence.map(\.quotes) == b.reasonEvidence.map(\.quotes)
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(number)
            hasher.combine(item)
            hasher.combine(text)
        }
    }

    /// The drill set.
    public let set: DrillSet
    /// The seed that orders the items.
    public let seed: UInt64
    /// The items to ask, in order.
    public let items: [DrillSet.Item]
    /// Answers so far.
    public private(set) var answers: [Answer] = []
    let criteria: Evaluator

    /// Shuffles the set with the seed and keeps `count` items (all when nil).
    public init(set: DrillSet, catalog: TacticCatalog, seed: UInt64, count: Int? = nil) {
        self.set = set
        self.seed = seed
        var rng = SplitMix64(seed: seed)
        let shuffled = set.items.shuffled(using: &rng)
        items = Array(shuffled.prefix(max(1, count ?? shuffled.count)))
        criteria = Evaluator(catalog: Self.criteriaCatalog(from: catalog))
    }

    /// The item waiting for an answer.
    public var current: DrillSet.Item? { answers.count < items.count ? items[answers.count] : nil }

    /// Whether every item is answered.
    public var finished: Bool { current == nil }

    /// Records an answer: a type (`1/2/3`, `i/e/s`, `内/外/战` or a name), optionally followed by a reason.
    @discardableResult
    public mutating func answer(_ text: String) -> Answer? {
        guard let item = current else { return nil }
        let parsed = ValueType.parsePrefix(text)
        let reason = parsed?.rest.isEmpty == false ? parsed?.rest : nil
        var evidence: [(type: ValueType, quotes: [String])] = []
        var fits: Bool?
        if let reason {
            let assessment = criteria.assess(reason)
            for type in ValueType.allCases {
                if let finding = assessment.tactics.first(where: { $0.valueType == type && $0.isUsed }) {
                    evidence.append((type, finding.evidence))
                }
            }
            fits = assessment.orientation == item.type
        }
        let answer = Answer(number: answers.count + 1, item: item, text: text, guess: parsed?.type, reason: reason,
                            reasonEvidence: evidence, reasonFits: fits)
        answers.append(answer)
        return answer
    }

    /// Right answers over answered items.
    public var correctCount: Int { answers.filter(\.correct).count }

    /// Counts by actual type (rows) and guess (columns: the three types, then "not recognised").
    public var confusion: [[Int]] {
        var table = Array(repeating: Array(repeating: 0, count: 4), count: 3)
        for answer in answers {
            table[answer.item.type.ordinal][answer.guess?.ordinal ?? 3] += 1
        }
        return table
    }

    /// One pseudo-playbook per value type whose single "tactic" is the type's buying criteria, so
    /// reasons are matched with the same normaliser, negation and cue machinery as replies.
    static func criteriaCatalog(from catalog: TacticCatalog) -> TacticCatalog {
        let playbooks = ValueType.allCases.compactMap { type -> Playbook? in
            guard let playbook = catalog.playbook(for: type), let profile = playbook.profile else { return nil }
            let tactic = Tactic(id: "criteria-\(type.rawValue)", valueType: type, name: playbook.name, description: profile.values,
                                cues: profile.criteria, modelAnswers: Tactic.Phrases(zh: [profile.values.zh], en: [profile.values.en]),
                                matchExamples: [], noMatchExamples: [], location: playbook.tactics.first?.location
                                    ?? SourceLocation(file: playbook.file, line: 1, column: 1))
            return Playbook(valueType: type, name: playbook.name, mode: playbook.mode, summary: playbook.summary, tactics: [tactic],
                            file: playbook.file)
        }
        return TacticCatalog(playbooks: playbooks)
    }
}
