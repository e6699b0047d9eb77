/// Scores free-text replies against the playbooks. Detectors (cue phrases with typed slots, negation and
/// question awareness; the trained model when one is given, else resemblance to model answers) find evidence,
/// `FindingCombiner` turns it into one confidence per tactic, and `ReplyScorer` into a 0–100 score with
/// an explanation. Pure and deterministic: the same reply gives the same assessment.
public struct Evaluator: Sendable {
    /// Confidence at which a tactic counts as used — everywhere: scores, explanations, exports.
    public static let usedThreshold = 0.5
    /// Replies are analysed up to this many scalars; the rest is ignored (the REPL refuses longer lines anyway).
    public static let maxAnalysedScalars = 8_192

    /// The part of `text` that is analysed: its first `maxAnalysedScalars` scalars. (`utf8.count` is O(1) for native
    /// strings; only long texts pay for counting scalars.)
    static func analysedPart(of text: String) -> String {
        guard text.utf8.count > maxAnalysedScalars, text.unicodeScalars.count > maxAnalysedScalars else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.prefix(maxAnalysedScalars)))
    }

    /// The tactic catalogue.
    public let catalog: TacticCatalog
    /// The trained model, when one was given.
    public let model: TacticModel?
    let index: CueIndex
    private let detectors: [any TacticDetector]
    private let combiner: FindingCombiner
    private let scorer: ReplyScorer
    /// Working arrays for `assess`, reused from reply to reply (one set per call in flight).
    private let bufferPool = ReplyBufferPool()

    /// Compiles the catalogue's cues; with a model, its detector joins the cue detector, without one the model answers' resemblance does.
    public init(catalog: TacticCatalog, model: TacticModel? = nil) {
        self.catalog = catalog
        self.model = model
        index = CueIndex(catalog: catalog)
        var detectors: [any TacticDetector] = [CueDetector(index: index)]
        var policy = FindingCombiner.Policy()
        if let model {
            policy.credit = model.metadata.credit
            policy.veto = model.metadata.veto
            policy.modelOnlyMargin = model.metadata.modelOnlyMargin
            detectors.append(ModelDetector(model: model, tacticIDs: index.tacticIDs, tacticTypes: index.tacticTypes,
                                             credit: policy.credit, veto: policy.veto))
        } else {
            // Without a model, resemblance to the model answers is the only evidence beyond the cues. A model learns
            // from those answers (and the corpus) and decides every credit the resemblance could have touched: with
            // it, the resemblance changed no tactic, orientation or outcome on the blind sets or the scenario tests,
            // only confidences by up to 0.225 (23 of 200,000 graded replies scored 1-4 points higher) and a
            // "resembles" line in 0.2 % of explanations, for 12 % of the evaluator's work.
            detectors.append(ExemplarDetector(exemplars: ExemplarIndex(tactics: index.tactics), tacticTypes: index.tacticTypes))
        }
        self.detectors = detectors
        combiner = FindingCombiner(tacticIDs: index.tacticIDs, tacticTypes: index.tacticTypes, policy: policy)
        scorer = ReplyScorer(catalog: catalog)
    }

    /// Assesses a reply; with a buyer type it is also scored (against the turn's expectations, or
    /// against the buyer's whole playbook when no turn is given). `prompt` is the buyer's line the reply
    /// answers, when known: a plain answer to the buyer's question is told apart from an offer by it.
    public func assess(_ reply: String, buyer: ValueType? = nil, expectation: TurnExpectation? = nil, prompt: String? = nil) -> Assessment {
        let box = bufferPool.take()
        // The analysis lives in the context only: a copy of it would retain each of its arrays. With a model, it reads the
        // reply's words for the model's tokens as it stems the reply.
        var context = DetectionContext(analysis: Analysis(reply: reply, index: index, buffers: &box.buffers, readingWords: model != nil), buyer: buyer, prompt: prompt)
        var found: [DetectorFinding] = []
        swap(&found, &box.buffers.findings)
        found.emptyKeepingCapacity()
        // Room for a typical reply's findings at once: growing the list 1, 2, 4, 8 copied every finding each time.
        found.reserveCapacity(16)
        box.buffers.typeLean = SIMD4()
        // By index: iterating copied each detector (an existential: a boxed copy and its release per detector and reply).
        for i in detectors.indices { detectors[i].detect(context, into: &found, buffers: &box.buffers) }
        var (findings, antiPatterns) = combiner.combine(found, positions: &box.buffers.positions)
        let signals = context.analysis.signals()
        // Judged on what the cues credited too: a keyword list stays one even when the model withdraws some of its words.
        // By index: iterating the findings copied each one (a retain of each of its lists).
        let cueCredited = found.indices.count { found[$0].source == .cues && found[$0].strength >= Self.usedThreshold && !found[$0].evidence.isEmpty }
        let stuffing = context.analysis.looksLikeCueStuffing(usedTactics: max(findings.count { $0.isUsed } + antiPatterns.count, cueCredited))
        if stuffing {
            // A keyword list earns no tactic: the words are there, the reply is not.
            for i in findings.indices { findings[i].confidence = min(findings[i].confidence, Self.usedThreshold - 0.1) }
        }
        let orientation = Self.orientation(of: findings, buyer: buyer, lean: box.buffers.typeLean)
        var assessment = Assessment(reply: reply, tactics: findings, antiPatterns: antiPatterns, orientation: orientation,
                                    signals: signals, cueStuffing: stuffing, score: nil,
                                    alignment: .none, explanation: [])
        if let buyer {
            scorer.score(&assessment, positions: box.buffers.positions, chinese: context.analysis.containsCJK, buyer: buyer,
                         expectation: expectation)
        } else {
            assessment.explanation = scorer.describe(assessment)
        }
        // The findings' strings live on in the assessment; the list itself, emptied, is kept for the next reply.
        found.emptyKeepingCapacity()
        box.buffers.findings = found
        context.analysis.recycle(into: &box.buffers)
        bufferPool.giveBack(box)
        return assessment
    }

    /// The combined confidence of all units (of tactic `tactic` only, unless nil) with a similarity.
    static func confidence(units: [Analysis.EvidenceUnit], of tactic: Int?, similarity: Double) -> Double {
        FindingCombiner.confidence(cue: CueDetector.strength(of: units, tactic: tactic), similarity: similarity)
    }

    /// How much the model's own reading of the value type (`ReplyBuffers.typeLean`, a probability) adds to a type's
    /// total. Chosen on the read blind sets (session 20): orientation +0.003 on v8-v20, +0.005 on v40-v47, +0.003 on
    /// v48+v49, flat from 0.5 to 5. The model's reading alone in place of the tactics scored higher on v48+v49 and lower on
    /// the larger sets, and would name orientations no credited tactic explains.
    static let typeLeanWeight = 1.0

    /// The value type with the most confident used tactics, each type's total raised by the model's own reading of the
    /// type (`lean`, zero without a model) so that where tactics of two types compete the one the reply leads with wins
    /// (the guide's rule for mixed replies); only a type with a used tactic can win. Ties go to more tactics, then to the
    /// buyer's type, then to the seed's order.
    static func orientation(of findings: [Assessment.TacticFinding], buyer: ValueType?, lean: SIMD4<Float> = SIMD4()) -> ValueType? {
        var sums = (0.0, 0.0, 0.0), counts = (0, 0, 0)
        for finding in findings where finding.isUsed {
            switch finding.valueType {
            case .intrinsic?: sums.0 += finding.confidence; counts.0 += 1
            case .extrinsic?: sums.1 += finding.confidence; counts.1 += 1
            case .strategic?: sums.2 += finding.confidence; counts.2 += 1
            case nil: break
            }
        }
        let weight = typeLeanWeight
        func total(_ type: ValueType) -> (sum: Double, count: Int) {
            switch type {
            case .intrinsic: (sums.0 + weight * Double(lean[0]), counts.0)
            case .extrinsic: (sums.1 + weight * Double(lean[1]), counts.1)
            case .strategic: (sums.2 + weight * Double(lean[2]), counts.2)
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
}

import Foundation
