/// How the evaluator does on a labelled set: orientation accuracy and confusion matrix, per-label
/// precision/recall/F1 for tactics and anti-patterns, per-language orientation accuracy, and every miss.
public struct EvaluationReport: Sendable {
    /// Counts for one label.
    public struct LabelCounts: Sendable, Hashable {
        public var truePositives = 0, falsePositives = 0, falseNegatives = 0
        public var precision: Double { Double(truePositives) / Double(max(1, truePositives + falsePositives)) }
        public var recall: Double { Double(truePositives) / Double(max(1, truePositives + falseNegatives)) }
        public var f1: Double { precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0 }
        /// Replies that carry the label.
        public var support: Int { truePositives + falseNegatives }

        mutating func add(_ other: LabelCounts) {
            truePositives += other.truePositives
            falsePositives += other.falsePositives
            falseNegatives += other.falseNegatives
        }
    }

    /// One reply the evaluator got wrong.
    public struct Miss: Sendable, Hashable {
        public var item: LabelledReply
        public var foundOrientation: ValueType?
        public var foundTactics: [String]
        public var foundAntiPatterns: [String]
        public var orientationWrong: Bool { foundOrientation != item.orientation }
    }

    /// Orientation classes in matrix order: intrinsic, extrinsic, strategic, none.
    public static let classes = ValueType.allCases.map(\.rawValue) + ["none"]

    public private(set) var count = 0
    public private(set) var correctOrientation = 0
    /// `confusion[expected][found]`, indexed like `classes`.
    public private(set) var confusion = [[Int]](repeating: [Int](repeating: 0, count: 4), count: 4)
    /// Per tactic id, sorted by id when listed.
    public private(set) var tactics: [String: LabelCounts] = [:]
    public private(set) var antiPatterns: [String: LabelCounts] = [:]
    /// Per language: (replies, orientation right).
    public private(set) var languages: [String: (count: Int, correct: Int)] = [:]
    public private(set) var misses: [Miss] = []

    /// Assesses every reply (without a buyer: what the reply does, not how it suits one) and compares.
    public init(_ items: [LabelledReply], evaluator: Evaluator) {
        for item in items { add(item, evaluator.assess(item.reply, prompt: item.buyer)) }
    }

    /// Builds the report from assessments already made.
    public init(_ pairs: [(LabelledReply, Assessment)]) {
        for (item, assessment) in pairs { add(item, assessment) }
    }

    /// One report over several (the folds of a cross-validation): counts added, misses in order.
    public init(merging reports: [EvaluationReport]) {
        for report in reports {
            count += report.count
            correctOrientation += report.correctOrientation
            for i in 0..<4 { for j in 0..<4 { confusion[i][j] += report.confusion[i][j] } }
            for (id, counts) in report.tactics { tactics[id, default: LabelCounts()].add(counts) }
            for (id, counts) in report.antiPatterns { antiPatterns[id, default: LabelCounts()].add(counts) }
            for (language, value) in report.languages {
                let old = languages[language] ?? (0, 0)
                languages[language] = (old.count + value.count, old.correct + value.correct)
            }
            misses += report.misses
        }
    }

    private static func classIndex(_ type: ValueType?) -> Int { type?.ordinal ?? 3 }

    private mutating func add(_ item: LabelledReply, _ assessment: Assessment) {
        count += 1
        let found = assessment.orientation
        confusion[Self.classIndex(item.orientation)][Self.classIndex(found)] += 1
        var language = languages[item.language] ?? (0, 0)
        language.count += 1
        if found == item.orientation { correctOrientation += 1; language.correct += 1 }
        languages[item.language] = language
        let foundTactics = assessment.usedTactics.map(\.id).sorted()
        let foundAnti = assessment.antiPatterns.filter(\.isUsed).map(\.id).sorted()
        Self.count(expected: item.tactics, found: foundTactics, into: &tactics)
        Self.count(expected: item.antiPatterns, found: foundAnti, into: &antiPatterns)
        if found != item.orientation || foundTactics != item.tactics || foundAnti != item.antiPatterns {
            misses.append(Miss(item: item, foundOrientation: found, foundTactics: foundTactics, foundAntiPatterns: foundAnti))
        }
    }

    private static func count(expected: [String], found: [String], into table: inout [String: LabelCounts]) {
        for id in Set(expected).union(found) {
            var counts = table[id] ?? LabelCounts()
            switch (expected.contains(id), found.contains(id)) {
            case (true, true): counts.truePositives += 1
            case (false, true): counts.falsePositives += 1
            case (true, false): counts.falseNegatives += 1
            case (false, false): break
            }
            table[id] = counts
        }
    }

    /// Orientation accuracy.
    public var accuracy: Double { Double(correctOrientation) / Double(max(1, count)) }
    /// Micro-averaged over all tactics (anti-patterns apart).
    public var micro: LabelCounts { Self.sum(tactics.values) }
    /// Micro-averaged over anti-patterns.
    public var antiPatternMicro: LabelCounts { Self.sum(antiPatterns.values) }
    /// Orientation accuracy per language, sorted by language.
    public var languageAccuracy: [(language: String, count: Int, accuracy: Double)] {
        languages.keys.sorted().map { key in
            let value = languages[key] ?? (0, 0)
            return (key, value.count, Double(value.correct) / Double(max(1, value.count)))
        }
    }

    private static func sum(_ values: some Sequence<LabelCounts>) -> LabelCounts {
        var total = LabelCounts()
        for counts in values { total.add(counts) }
        return total
    }
}
