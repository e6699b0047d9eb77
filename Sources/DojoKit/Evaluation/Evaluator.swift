/// Scores free-text replies against the playbooks: concept matching with typed slots, negation and
/// question awareness, exemplar similarity as secondary evidence, orientation, and a 0–100 score
/// with an explanation. Pure and deterministic: the same reply gives the same assessment.
public struct Evaluator: Sendable {
    /// Confidence at which a tactic counts as used — everywhere: scores, explanations, exports.
    public static let usedThreshold = 0.5
    /// Replies are analysed up to this many scalars; the rest is ignored (the REPL refuses longer lines anyway).
    public static let maxAnalysedScalars = 8_192

    /// The tactic catalogue.
    public let catalog: TacticCatalog
    let index: CueIndex
    let exemplars: ExemplarIndex
    /// Each value type's tactic ids in playbook order (by `ValueType.ordinal`), precomputed for scoring.
    private let playbookIDs: [[String]]
    /// Each tactic's first model answer in Chinese and in English, for "what would earn it".
    private let examples: [String: (zh: String?, en: String?)]

    /// Compiles the catalogue's cues and model answers.
    public init(catalog: TacticCatalog) {
        self.catalog = catalog
        index = CueIndex(catalog: catalog)
        exemplars = ExemplarIndex(tactics: index.tactics)
        playbookIDs = ValueType.allCases.map { catalog.playbook(for: $0)?.tactics.map(\.id) ?? [] }
        var examples: [String: (zh: String?, en: String?)] = [:]
        for tactic in catalog.allTactics {
            examples[tactic.id] = (Self.example(for: tactic, chinese: true), Self.example(for: tactic, chinese: false))
        }
        self.examples = examples
    }

    /// Assesses a reply; with a buyer type it is also scored (against the turn's expectations, or
    /// against the buyer's whole playbook when no turn is given).
    public func assess(_ reply: String, buyer: ValueType? = nil, expectation: TurnExpectation? = nil) -> Assessment {
        let analysis = Analysis(reply: reply, index: index)
        // Resemblance is secondary evidence; in a reply that negates something ("不是 A，而是 B") it
        // cannot tell the negated part from the rest, so it is not used at all.
        // Resemblance only matters for the buyer's type and for types the reply already has cue
        // evidence for; model answers of the other types are not compared at all.
        var wanted: UInt8 = 0
        if let buyer { wanted |= 1 << buyer.ordinal }
        let tacticIDs = index.tacticIDs, tacticTypes = index.tacticTypes
        for unit in analysis.units { if let type = tacticTypes[unit.tactic] { wanted |= 1 << type.ordinal } }
        let similarities = analysis.hasNegation || wanted == 0 ? nil
            : exemplars.similarities(analysis.text.scalars, typeMask: wanted)
        var findings: [Assessment.TacticFinding] = []
        findings.reserveCapacity(8)
        var antiPatterns: [Assessment.TacticFinding] = []
        for position in tacticIDs.indices {
            let valueType = tacticTypes[position]
            let isAntiPattern = valueType == nil
            let similarity = isAntiPattern ? 0 : similarities?[position] ?? 0
            let hasUnits = analysis.units.contains { $0.tactic == position }
            let hasNegated = analysis.negated.contains { $0.tactic == position }
            if !hasUnits && similarity < Self.similarityFloor && !hasNegated { continue }
            // Units are created in order of position (matches are visited by start), so evidence is in reading order.
            var evidence: [String] = [], questioned: [String] = []
            for unit in analysis.units where unit.tactic == position {
                if unit.questioned {
                    questioned.append(analysis.text.quote(unit.start..<unit.end))
                } else {
                    evidence.append(analysis.text.quote(unit.start..<unit.end))
                }
            }
            let finding = Assessment.TacticFinding(
                id: tacticIDs[position], valueType: valueType, confidence: Self.confidence(units: analysis.units, of: position, similarity: similarity),
                evidence: evidence,
                cues: hasUnits ? cueTexts(of: position, in: analysis) : [],
                similarity: similarity >= Self.similarityFloor ? (similarity * 1000).rounded() / 1000 : 0,
                negated: hasNegated ? analysis.negated.compactMap { $0.tactic == position ? $0.negated : nil } : [],
                questioned: questioned)
            if isAntiPattern {
                if finding.isUsed { antiPatterns.append(finding) }
            } else {
                findings.append(finding)
            }
        }
        let signals = analysis.signals()
        let stuffing = analysis.looksLikeCueStuffing(usedTactics: findings.count { $0.isUsed } + antiPatterns.count)
        if stuffing {
            // A keyword list earns no tactic: the words are there, the reply is not.
            for i in findings.indices { findings[i].confidence = min(findings[i].confidence, Self.usedThreshold - 0.1) }
        }
        let orientation = Self.orientation(of: findings, buyer: buyer)
        var assessment = Assessment(reply: reply, tactics: findings, antiPatterns: antiPatterns, orientation: orientation,
                                    signals: signals, cueStuffing: stuffing, score: nil,
                                    alignment: .none, explanation: [])
        if let buyer {
            score(&assessment, buyer: buyer, expectation: expectation)
        } else {
            assessment.explanation = describe(assessment)
        }
        return assessment
    }

    static let similarityFloor = 0.2

    /// The distinct cue phrases credited to a tactic, in `String` order (sorted by precomputed rank).
    private func cueTexts(of tactic: Int, in analysis: Analysis) -> [String] {
        let cueTactics = index.cueTactics, ranks = index.cueTextRank
        return withUnsafeTemporaryAllocation(of: (rank: Int32, cue: Int32).self, capacity: analysis.credited.count) { buffer in
            var count = 0
            for match in analysis.credited where cueTactics[match.cue] == tactic {
                buffer[count] = (ranks[match.cue], Int32(match.cue))
                count += 1
            }
            // Insertion sort: a tactic has a handful of credited cues.
            for i in 1..<max(1, count) {
                let item = buffer[i]
                var j = i
                while j > 0 && buffer[j - 1].rank > item.rank { buffer[j] = buffer[j - 1]; j -= 1 }
                buffer[j] = item
            }
            var texts: [String] = []
            texts.reserveCapacity(count)
            for i in 0..<count where i == 0 || buffer[i].rank != buffer[i - 1].rank {
                texts.append(index.cues[Int(buffer[i].cue)].text)
            }
            return texts
        }
    }

    /// Cue evidence first (0.5 for a plain cue, 0.6 for a structured one, +0.2 for each further distinct
    /// piece of evidence; questions count 40 %), plus up to 0.225 from resembling a model answer.
    /// Resemblance alone never reaches the used threshold.
    /// Counts the units of tactic `tactic` only (all units when nil).
    static func confidence(units all: [Analysis.EvidenceUnit], of tactic: Int?, similarity: Double) -> Double {
        let simConfidence = min(1, max(0, (similarity - similarityFloor) / 0.5)) * 0.45
        // Strongest first (earlier first among equals): the strongest piece of evidence counts in full.
        let cue = withUnsafeTemporaryAllocation(of: Analysis.EvidenceUnit.self, capacity: all.count) { ordered -> Double in
            var count = 0
            for unit in all where tactic == nil || unit.tactic == tactic {
                var j = count
                while j > 0 && (ordered[j - 1].weight, unit.start) < (unit.weight, ordered[j - 1].start) {
                    ordered[j] = ordered[j - 1]
                    j -= 1
                }
                ordered[j] = unit
                count += 1
            }
            var cue = 0.0
            for (i, unit) in ordered[0..<count].enumerated() {
                cue += (i == 0 ? (unit.strong ? 0.6 : 0.5) : 0.2) * (unit.questioned ? 0.4 : 1)
            }
            return cue
        }
        let total = cue > 0 ? min(1, cue + 0.5 * simConfidence) : min(0.45, simConfidence)
        return (total * 1000).rounded() / 1000
    }

    /// The value type with the most confident used tactics; ties go to more tactics, then to the
    /// buyer's type, then to the seed's order.
    static func orientation(of findings: [Assessment.TacticFinding], buyer: ValueType?) -> ValueType? {
        var sums = (0.0, 0.0, 0.0), counts = (0, 0, 0)
        for finding in findings where finding.isUsed {
            switch finding.valueType {
            case .intrinsic?: sums.0 += finding.confidence; counts.0 += 1
            case .extrinsic?: sums.1 += finding.confidence; counts.1 += 1
            case .strategic?: sums.2 += finding.confidence; counts.2 += 1
            case nil: break
            }
        }
        func total(_ type: ValueType) -> (sum: Double, count: Int) {
            switch type {
            case .intrinsic: (sums.0, counts.0)
            case .extrinsic: (sums.1, counts.1)
            case .strategic: (sums.2, counts.2)
            }
        }
        var best: ValueType?
        for type in ValueType.allCases where total(type).count > 0 {
            guard let current = best else { best = type; continue }
            let ta = total(current), tb = total(type)
            // `type` wins over `current` when it ranks higher; ties keep the earlier type unless the
            // later one is the buyer's.
            let better: Bool
            if abs(ta.sum - tb.sum) > 1e-9 { better = tb.sum > ta.sum }
            else if ta.count != tb.count { better = tb.count > ta.count }
            else if (current == buyer) != (type == buyer) { better = type == buyer }
            else { better = type.ordinal < current.ordinal }
            if better { best = type }
        }
        return best
    }

    // MARK: scoring

    private func score(_ assessment: inout Assessment, buyer: ValueType, expectation: TurnExpectation?) {
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
                if confidence >= Self.usedThreshold { usedExpected += 1 }
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
            for id in expected where usedConfidence(id) < Self.usedThreshold {
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
            style += signals.length <= 60 ? 5 : (signals.length > 120 ? -5 : 0)
            items.append(.style(.quantify, met: signals.quantifiesValue))
            items.append(.style(.brevity, met: signals.length <= 60))
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
    private func describe(_ assessment: Assessment) -> [ExplanationItem] {
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

    /// A model answer in the reply's language.
    static func example(for tactic: Tactic, chinese: Bool) -> String? {
        return (chinese ? tactic.modelAnswers.zh : tactic.modelAnswers.en).first ?? tactic.modelAnswers.all.first
    }
}

import Foundation
