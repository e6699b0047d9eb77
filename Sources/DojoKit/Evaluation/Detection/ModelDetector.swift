/// Evidence from the trained model: the probability that each tactic is used, and for a tactic it
/// credits, the clauses of the reply that carry its largest positive weights (the rep's own words).
struct ModelDetector: TacticDetector {
    let model: TacticModel
    /// Each catalogue tactic's label in the model (nil when the model does not know it).
    private let labelOfTactic: [Int?]
    private let credit: Double

    init(model: TacticModel, tacticIDs: [String], credit: Double) {
        self.model = model
        self.credit = credit
        let labels = Dictionary(model.metadata.labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        labelOfTactic = tacticIDs.map { labels[$0] }
    }

    func detect(_ context: DetectionContext, into findings: inout [DetectorFinding]) {
        let analysis = context.analysis
        let prompt = context.prompt.flatMap { $0.isEmpty ? nil : NormalizedText(String($0.unicodeScalars.prefix(Evaluator.maxAnalysedScalars))) }
        let reading = FeatureExtractor.Reading(analysis, prompt: prompt)
        let features = FeatureExtractor.features(reading, analysis)
        let activations = model.activations(features)
        let positions = labelOfTactic.count
        // Each tactic's probability (by catalogue position), the lower of the two readings once there are two.
        var probability = [Float](repeating: 0, count: positions)
        for (position, label) in labelOfTactic.enumerated() {
            if let label { probability[position] = model.probability(of: label, activations: activations) }
        }
        // Per tactic, what the cues found: 0 nothing, 1 a cue that quotes none of the rep's words (only negated or
        // questioned), 2 a cue that quotes them (the combiner quotes the model's evidence only where no cue does).
        // One scan of the findings into stack space, not a scan per tactic into arrays of tuples (each such array
        // costs a generic-metadata lookup to allocate).
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: positions) { cueKind in
            cueKind.initialize(repeating: 0)
            for finding in findings where finding.source == .cues && cueKind[finding.tactic] == 0 {
                cueKind[finding.tactic] = finding.evidence.isEmpty ? 1 : 2
            }
            // A tactic the model would credit, or one a cue speaks to.
            func isCandidate(_ position: Int) -> Bool {
                labelOfTactic[position] != nil && (Double(probability[position]) >= credit || cueKind[position] != 0)
            }
            var unnegated: [Float]?
            if analysis.hasNegation || analysis.hasNegationWord, (0..<positions).contains(where: isCandidate) {
                // Never more than the same words without the negation: a negation cannot add credit. Only the
                // candidates are read again: taking the lower reading can only take a tactic off the list.
                let plain = model.activations(FeatureExtractor.features(reading, analysis, ignoringNegation: true))
                var higher = probability
                for position in 0..<positions where isCandidate(position) {
                    guard let label = labelOfTactic[position] else { continue }
                    let negating = probability[position], withoutNegation = model.probability(of: label, activations: plain)
                    probability[position] = min(negating, withoutNegation)
                    higher[position] = max(negating, withoutNegation)
                }
                unnegated = higher
            }
            // The candidates the model credits, in catalogue order. For a tactic a cue quotes, all that matters is
            // whether some feature pushes it up.
            var labels: [Int] = [], quoted: [Bool] = []
            for position in 0..<positions where isCandidate(position) {
                guard let label = labelOfTactic[position], Double(probability[position]) >= credit else { continue }
                labels.append(label)
                quoted.append(cueKind[position] != 2)
            }
            let strongest = model.strongest(features, activations: activations, labels: labels, quoted: quoted, limit: 2)
            var k = 0
            for position in 0..<positions where isCandidate(position) {
                var p = Double(probability[position])
                var evidence: [String] = []
                if p >= credit {
                    let best = strongest[k]
                    k += 1
                    if best.peak <= 0 { p = min(p, credit - 0.001) }
                    if p < credit && cueKind[position] == 0 { continue }
                    if p >= credit { evidence = self.evidence(best.features.map { features[$0] }, analysis: analysis) }
                }
                let ceiling = unnegated.map { (Double($0[position]) * 1000).rounded() / 1000 }
                findings.append(DetectorFinding(tactic: position, source: .model, strength: (p * 1000).rounded() / 1000,
                                                unnegatedStrength: ceiling.flatMap { $0 > p ? $0 : nil }, evidence: evidence))
            }
        }
    }

    /// The clause (at most 40 scalars around it) holding each of the two strongest features, in reading order.
    private func evidence(_ strongest: [FeatureExtractor.Feature], analysis: Analysis) -> [String] {
        let n = analysis.text.scalars.count
        var ranges: [Range<Int>] = []
        for feature in strongest where feature.end - feature.start < Int32(n) || n < 12 {
            var start = Int(feature.start), end = Int(feature.end)
            while start > 0 && !analysis.endsClause(start - 1) && Int(feature.start) - start < 20 { start -= 1 }
            while end < n && !analysis.endsClause(end) && end - Int(feature.end) < 20 { end += 1 }
            // Whole words: never quote half of one ("r plant" for "our plant").
            let scalars = analysis.text.scalars
            while start > 0 && SignalScanner.isWordScalar(scalars[start - 1]) && SignalScanner.isWordScalar(scalars[start]) { start -= 1 }
            while end < n && end > 0 && SignalScanner.isWordScalar(scalars[end]) && SignalScanner.isWordScalar(scalars[end - 1]) { end += 1 }
            while start < end && analysis.text.scalars[start] == 0x20 { start += 1 }
            while end > start && analysis.text.scalars[end - 1] == 0x20 { end -= 1 }
            guard start < end else { continue }
            if let overlap = ranges.firstIndex(where: { $0.overlaps(start..<end) || $0.upperBound == start || end == $0.lowerBound }) {
                ranges[overlap] = min(ranges[overlap].lowerBound, start)..<max(ranges[overlap].upperBound, end)
            } else {
                ranges.append(start..<end)
            }
        }
        return ranges.sorted { $0.lowerBound < $1.lowerBound }.map { analysis.text.quote($0) }.filter { !$0.isEmpty }
    }
}
