import Foundation

/// The pure scorer: turns the combined findings, the reply's signals, the buyer's value type and the
/// turn's expectation into a 0–100 score and its explanation. Knows nothing of how tactics were found.
struct ReplyScorer: Sendable {
    /// Each value type's tactic ids in playbook order (by `ValueType.ordinal`), and their id numbers.
    private let playbookIDs: [[String]]
    private let playbookNumbers: [[Int]]
    /// For each catalogue position (`CueIndex.tactics`, as the combiner reports them): its id number, the position of
    /// the first tactic with its id. The scorer knows tactics by id (a duplicate id, which the loader reports, is
    /// the same tactic to it) and looks them up by number: comparing and hashing id strings cost a third of its time.
    private let idNumbers: [Int]
    /// The id number of each id, for a turn's expected and avoided ids.
    private let numberOfID: [String: Int]
    /// By id number: the tactic's first model answer in Chinese and in English, for "what would earn it" (of the last
    /// tactic with the id).
    private let examples: [(zh: String?, en: String?)]

    init(catalog: TacticCatalog) {
        let tactics = catalog.allTactics
        var numberOfID: [String: Int] = [:]
        var idNumbers: [Int] = []
        var examples = [(zh: String?, en: String?)](repeating: (nil, nil), count: tactics.count)
        for (position, tactic) in tactics.enumerated() {
            let number = numberOfID[tactic.id] ?? position
            numberOfID[tactic.id] = number
            idNumbers.append(number)
            examples[number] = (Self.example(for: tactic, chinese: true), Self.example(for: tactic, chinese: false))
        }
        playbookIDs = ValueType.allCases.map { catalog.playbook(for: $0)?.tactics.map(\.id) ?? [] }
        playbookNumbers = playbookIDs.map { ids in ids.map { numberOfID[$0] ?? -1 } }
        self.idNumbers = idNumbers
        self.numberOfID = numberOfID
        self.examples = examples
    }

    /// A model answer in the reply's language.
    static func example(for tactic: Tactic, chinese: Bool) -> String? {
        return (chinese ? tactic.modelAnswers.zh : tactic.modelAnswers.en).first ?? tactic.modelAnswers.all.first
    }

    /// Scores the assessment for a buyer; `positions` are the catalogue positions of its tactics and anti-patterns,
    /// `chinese` whether the reply has a CJK ideograph (examples are given in its language).
    func score(_ assessment: inout Assessment, positions: FindingCombiner.Positions, chinese: Bool, buyer: ValueType,
               expectation: TurnExpectation?) {
        var items: [ExplanationItem] = []
        items.reserveCapacity(8)
        // A mismatch of orientation leads the explanation: appended first, not inserted at the front at the end (a
        // generic `replaceSubrange` that moved every item).
        let mismatched = assessment.orientation.flatMap { $0 == buyer ? nil : $0 }
        if let mismatched { items.append(.mismatch(orientation: mismatched, buyer: buyer)) }
        let findings = assessment.tactics
        let expected = expectation?.expect ?? playbookIDs[buyer.ordinal]
        let avoid = expectation?.avoid ?? []
        var usedExpected = 0
        var weighted = 0.0, weights = 0.0
        var avoided = 0.0, anti = 0.0, penalty = 0.0
        // By id number, on the stack: the first finding with the id (-1: none), and whether the id is expected (bit 1)
        // or to be avoided (bit 2); by place in `expected`: its id number (-1: not in the catalogue).
        withUnsafeTemporaryAllocation(of: Int.self, capacity: idNumbers.count) { firstFinding in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: idNumbers.count) { marks in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: expected.count) { expectedNumbers in
        firstFinding.initialize(repeating: -1)
        marks.initialize(repeating: 0)
        for (i, position) in positions.tactics.enumerated() where firstFinding[idNumbers[position]] < 0 {
            firstFinding[idNumbers[position]] = i
        }
        if let expectation {
            for (k, id) in expectation.expect.enumerated() { expectedNumbers[k] = numberOfID[id] ?? -1 }
        } else {
            for (k, number) in playbookNumbers[buyer.ordinal].enumerated() { expectedNumbers[k] = number }
        }
        for number in expectedNumbers where number >= 0 { marks[number] |= 1 }
        for id in avoid { if let number = numberOfID[id] { marks[number] |= 2 } }
        /// The confidence of the tactic with this id number if it was used, else 0.
        func usedConfidence(_ number: Int) -> Double {
            guard number >= 0, firstFinding[number] >= 0, findings[firstFinding[number]].isUsed else { return 0 }
            return findings[firstFinding[number]].confidence
        }
        func isExpected(_ i: Int) -> Bool { marks[idNumbers[positions.tactics[i]]] & 1 != 0 }
        func isAvoided(_ position: Int) -> Bool { marks[idNumbers[position]] & 2 != 0 }

        withUnsafeTemporaryAllocation(of: Double.self, capacity: expected.count + findings.count) { buffer in
            var count = 0
            for number in expectedNumbers {
                let confidence = usedConfidence(number)
                buffer[count] = confidence
                count += 1
                if confidence >= Evaluator.usedThreshold { usedExpected += 1 }
            }
            if expectation != nil {
                // Right-type tactics the turn did not list still show the right instinct: partial credit.
                for i in findings.indices where findings[i].isUsed && findings[i].valueType == buyer && !isExpected(i) {
                    buffer[count] = findings[i].confidence * 0.6
                    count += 1
                }
            }
            var confidences = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            // A playbook's handful of confidences: by insertion (equal numbers cannot be told apart, so the order is the
            // standard sort's), without its set-up.
            if count <= 24 { confidences.stableInsertionSort(count: count, by: >) } else { confidences.sort(by: >) }
            let terms = expectation == nil ? min(2, max(1, count)) : max(1, expected.count)
            // The weights 0.5^i by halving: powers of two, exact either way (`pow` was a libm call per term).
            var w = 1.0
            for i in 0..<terms {
                weights += w
                if i < count { weighted += w * confidences[i] }
                w *= 0.5
            }
        }

        // By index: iterating the findings copied each one (a retain and a release of each of its lists).
        for i in findings.indices where findings[i].isUsed && findings[i].valueType == buyer {
            items.append(.credited(tactic: findings[i].id, quotes: findings[i].evidence, confidence: findings[i].confidence))
        }
        for i in findings.indices where !findings[i].isUsed && findings[i].valueType == buyer && findings[i].similarity > 0
            && isExpected(i) {
            items.append(.resembles(tactic: findings[i].id, similarity: findings[i].similarity))
        }
        for i in findings.indices where findings[i].valueType == buyer || isExpected(i) {
            for negation in findings[i].negated where !findings[i].isUsed {
                items.append(.negated(tactic: findings[i].id, quote: negation.quote, trigger: negation.trigger))
            }
            if !findings[i].isUsed, let quote = findings[i].questioned.first { items.append(.questionOnly(tactic: findings[i].id, quote: quote)) }
        }
        // Without a turn, only point at missing tactics when nothing of the type was used (and then at two).
        if expectation != nil || usedExpected == 0 {
            var shown = 0
            for (k, id) in expected.enumerated() where usedConfidence(expectedNumbers[k]) < Evaluator.usedThreshold {
                if expectation == nil && shown == 2 { break }
                shown += 1
                let number = expectedNumbers[k]
                let example = expectation?.modelAnswer ?? (number >= 0 ? examples[number] : nil).flatMap { chinese ? $0.zh : $0.en }
                items.append(.missing(tactic: id, example: example))
            }
        }
        if mismatched != nil {
            assessment.alignment = .mismatch
            penalty += 25
        } else {
            assessment.alignment = assessment.orientation == nil ? .none : .match
            var offType = 0.0
            for i in findings.indices where findings[i].isUsed && findings[i].valueType != buyer {
                offType += 8
                items.append(.offType(tactic: findings[i].id))
            }
            penalty += min(16, offType)
        }
        let antiPatterns = assessment.antiPatterns
        if !avoid.isEmpty {
            for i in findings.indices where findings[i].isUsed && isAvoided(positions.tactics[i]) {
                avoided += 15
                items.append(.avoided(tactic: findings[i].id, quote: findings[i].evidence.first ?? ""))
            }
            for i in antiPatterns.indices where antiPatterns[i].isUsed && isAvoided(positions.antiPatterns[i]) {
                avoided += 15
                items.append(.avoided(tactic: antiPatterns[i].id, quote: antiPatterns[i].evidence.first ?? ""))
            }
        }
        for i in antiPatterns.indices where !isAvoided(positions.antiPatterns[i]) {
            anti += 15
            items.append(.antiPattern(tactic: antiPatterns[i].id, quote: antiPatterns[i].evidence.first ?? ""))
        }
        }
        }
        }
        let coverage = weights > 0 ? min(1, weighted / weights) : 0

        penalty += min(30, avoided) + min(30, anti)

        let signals = assessment.signals
        var style = 0.0
        switch buyer {
        case .intrinsic:
            style += signals.quantifiesValue ? 10 : (signals.hasNumber ? 5 : 0)
            // Brief means no longer than the turn's own model answer needs (at least 60 units), never "shorter than the model answer".
            let brief = max(60, expectation?.modelAnswerLength ?? 0), tooLong = max(120, (expectation?.modelAnswerLength ?? 0) * 3 / 2)
            style += signals.length <= brief ? 5 : (signals.length > tooLong ? -5 : 0)
            items.append(.style(.quantify, met: signals.quantifiesValue))
            items.append(.style(.brevity, met: signals.length <= brief))
        case .extrinsic:
            style += signals.asksQuestion ? 8 : 0
            style += signals.length >= 15 ? 7 : 0
            items.append(.style(.askQuestion, met: signals.asksQuestion))
            items.append(.style(.substance, met: signals.length >= 15))
        case .strategic:
            style += signals.jointFraming ? 8 : 0
            style += signals.executiveFraming ? 7 : 0
            items.append(.style(.jointFraming, met: signals.jointFraming))
            items.append(.style(.executiveFraming, met: signals.executiveFraming))
        }
        let engagement = min(20, Double(signals.length) * 2)
        var total = 65 * coverage + style + engagement - penalty
        if signals.length < 4 {
            total = min(total, 20)
            items.append(.tooShort)
        }
        if assessment.cueStuffing {
            total = min(total, 25)
            items.append(.cueStuffing)
        }
        assessment.score = Int(max(0, min(100, total.rounded())))
        assessment.explanation = items
    }

    /// Explanation without a buyer: what was found.
    func describe(_ assessment: Assessment) -> [ExplanationItem] {
        var items: [ExplanationItem] = []
        for finding in assessment.usedTactics {
            items.append(.credited(tactic: finding.id, quotes: finding.evidence, confidence: finding.confidence))
        }
        for finding in assessment.tactics where !finding.isUsed {
            for negation in finding.negated { items.append(.negated(tactic: finding.id, quote: negation.quote, trigger: negation.trigger)) }
            if let quote = finding.questioned.first { items.append(.questionOnly(tactic: finding.id, quote: quote)) }
        }
        for finding in assessment.antiPatterns {
            items.append(.antiPattern(tactic: finding.id, quote: finding.evidence.first ?? ""))
        }
        if assessment.cueStuffing { items.append(.cueStuffing) }
        return items
    }

}
