import Foundation

/// The pure scorer: turns the combined findings, the reply's signals, the buyer's value type and the
/// turn's expectation into a 0–100 score and its explanation. Knows nothing of how tactics were found.
struct ReplyScorer: Sendable {
    /// Each value type's tactic ids in playbook order (by `ValueType.ordinal`).
    private let playbookIDs: [[String]]
    /// Each tactic's first model answer in Chinese and in English, for "what would earn it".
    private let examples: [String: (zh: String?, en: String?)]

    init(catalog: TacticCatalog) {
        playbookIDs = ValueType.allCases.map { catalog.playbook(for: $0)?.tactics.map(\.id) ?? [] }
        var examples: [String: (zh: String?, en: String?)] = [:]
        for tactic in catalog.allTactics {
            examples[tactic.id] = (Self.example(for: tactic, chinese: true), Self.example(for: tactic, chinese: false))
        }
        self.examples = examples
    }

    /// A model answer in the reply's language.
    static func example(for tactic: Tactic, chinese: Bool) -> String? {
        return (chinese ? tactic.modelAnswers.zh : tactic.modelAnswers.en).first ?? tactic.modelAnswers.all.first
    }
    func score(_ assessment: inout Assessment, buyer: ValueType, expectation: TurnExpectation?) {
        var items: [ExplanationItem] = []
        items.reserveCapacity(8)
        let findings = assessment.tactics
        /// The confidence of a tactic if it was used, else 0.
        func usedConfidence(_ id: String) -> Double {
            guard let i = findings.firstIndex(where: { $0.id == id }), findings[i].isUsed else { return 0 }
            return findings[i].confidence
        }
        let expected = expectation?.expect ?? playbookIDs[buyer.ordinal]
        var usedExpected = 0
        var weighted = 0.0, weights = 0.0
        withUnsafeTemporaryAllocation(of: Double.self, capacity: expected.count + findings.count) { buffer in
            var count = 0
            for id in expected {
                let confidence = usedConfidence(id)
                buffer[count] = confidence
                count += 1
                if confidence >= Evaluator.usedThreshold { usedExpected += 1 }
            }
            if expectation != nil {
                // Right-type tactics the turn did not list still show the right instinct: partial credit.
                for finding in findings where finding.isUsed && finding.valueType == buyer && !expected.contains(finding.id) {
                    buffer[count] = finding.confidence * 0.6
                    count += 1
                }
            }
            var confidences = UnsafeMutableBufferPointer(rebasing: buffer[0..<count])
            confidences.sort(by: >)
            let terms = expectation == nil ? min(2, max(1, count)) : max(1, expected.count)
            for i in 0..<terms {
                let w = pow(0.5, Double(i))
                weights += w
                if i < count { weighted += w * confidences[i] }
            }
        }
        let coverage = weights > 0 ? min(1, weighted / weights) : 0

        for finding in findings where finding.isUsed && finding.valueType == buyer {
            items.append(.credited(tactic: finding.id, quotes: finding.evidence, confidence: finding.confidence))
        }
        for finding in findings where !finding.isUsed && finding.valueType == buyer && finding.similarity > 0
            && expected.contains(finding.id) {
            items.append(.resembles(tactic: finding.id, similarity: finding.similarity))
        }
        for finding in findings where finding.valueType == buyer || expected.contains(finding.id) {
            for negation in finding.negated where !finding.isUsed {
                items.append(.negated(tactic: finding.id, quote: negation.quote, trigger: negation.trigger))
            }
            if !finding.isUsed, let quote = finding.questioned.first { items.append(.questionOnly(tactic: finding.id, quote: quote)) }
        }
        // Without a turn, only point at missing tactics when nothing of the type was used (and then at two).
        if expectation != nil || usedExpected == 0 {
            let chinese = assessment.reply.containsCJK
            var shown = 0
            for id in expected where usedConfidence(id) < Evaluator.usedThreshold {
                if expectation == nil && shown == 2 { break }
                shown += 1
                let example = expectation?.modelAnswer ?? examples[id].flatMap { chinese ? $0.zh : $0.en }
                items.append(.missing(tactic: id, example: example))
            }
        }

        var penalty = 0.0
        if let orientation = assessment.orientation, orientation != buyer {
            assessment.alignment = .mismatch
            penalty += 25
            items.insert(.mismatch(orientation: orientation, buyer: buyer), at: 0)
        } else {
            assessment.alignment = assessment.orientation == nil ? .none : .match
            var offType = 0.0
            for finding in findings where finding.isUsed && finding.valueType != buyer {
                offType += 8
                items.append(.offType(tactic: finding.id))
            }
            penalty += min(16, offType)
        }
        let avoid = expectation?.avoid ?? []
        var avoided = 0.0
        if !avoid.isEmpty {
            for list in [findings, assessment.antiPatterns] {
                for finding in list where finding.isUsed && avoid.contains(finding.id) {
                    avoided += 15
                    items.append(.avoided(tactic: finding.id, quote: finding.evidence.first ?? ""))
                }
            }
        }
        var anti = 0.0
        for finding in assessment.antiPatterns where !avoid.contains(finding.id) {
            anti += 15
            items.append(.antiPattern(tactic: finding.id, quote: finding.evidence.first ?? ""))
        }
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
