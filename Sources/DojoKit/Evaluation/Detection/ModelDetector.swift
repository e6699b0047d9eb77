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
        var probabilities = model.probabilities(activations: activations)
        // The tactics the model would credit, and those a cue speaks to (and whether the cue quotes the rep's words:
        // the combiner quotes the model's evidence only where no cue does).
        func findCandidates() -> [(position: Int, label: Int, p: Double, hasCue: Bool, cueQuotes: Bool)] {
            var candidates: [(position: Int, label: Int, p: Double, hasCue: Bool, cueQuotes: Bool)] = []
            for (position, label) in labelOfTactic.enumerated() {
                guard let label else { continue }
                let p = Double(probabilities[label])
                let cue = findings.first { $0.tactic == position && $0.source == .cues }
                guard p >= credit || cue != nil else { continue }
                candidates.append((position, label, p, cue != nil, !(cue?.evidence.isEmpty ?? true)))
            }
            return candidates
        }
        var candidates = findCandidates()
        var unnegated: [Float]?
        if !candidates.isEmpty && (analysis.hasNegation || !analysis.negationWords.isEmpty) {
            // Never more than the same words without the negation: a negation cannot add credit. (Taking the
            // lower reading only lowers probabilities, so with no candidate there is nothing to read again.)
            let plain = model.probabilities(FeatureExtractor.features(reading, analysis, ignoringNegation: true))
            unnegated = zip(probabilities, plain).map { max($0, $1) }
            for l in probabilities.indices { probabilities[l] = min(probabilities[l], plain[l]) }
            candidates = findCandidates()
        }
        let wanted = candidates.filter { $0.p >= credit }
        // For a tactic a cue quotes, all that matters is whether some feature pushes it up.
        let strongest = model.strongest(features, activations: activations, labels: wanted.map(\.label),
                                        quoted: wanted.map { !$0.cueQuotes }, limit: 2)
        for candidate in candidates {
            var p = candidate.p
            var evidence: [String] = []
            if let k = wanted.firstIndex(where: { $0.position == candidate.position }) {
                if strongest[k].peak <= 0 { p = min(p, credit - 0.001) }
                if p < credit && !candidate.hasCue { continue }
                if p >= credit { evidence = self.evidence(strongest[k].features.map { features[$0] }, analysis: analysis) }
            }
            let ceiling = unnegated.map { (Double($0[candidate.label]) * 1000).rounded() / 1000 }
            findings.append(DetectorFinding(tactic: candidate.position, source: .model, strength: (p * 1000).rounded() / 1000,
                                            unnegatedStrength: ceiling.flatMap { $0 > p ? $0 : nil }, evidence: evidence))
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
