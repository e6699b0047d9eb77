import Foundation

/// Evidence from the trained model: the probability that each tactic is used, and for a tactic it
/// credits, the clauses of the reply that carry its largest positive weights (the rep's own words).
/// With an n-gram table (`TacticModel.ngram`), a tactic's probability is that of the weighted mean of the network's
/// and the table's logits (`NgramTable.networkWeight`; a product of the two models' odds), each read as written and, where a negation may matter, without
/// the negation words; the evidence is the network's strongest features, or the table's where the network has none.
struct ModelDetector: TacticDetector {
    let model: TacticModel
    /// Each catalogue tactic's label in the model (nil when the model does not know it).
    private let labelOfTactic: [Int?]
    /// The catalogue positions the model knows, in order, and their labels' logit table (the logits are read for all at once).
    private let knownPositions: [Int], knownLabels: TacticModel.LogitTable
    private let credit: Double
    /// The combiner's veto (`FindingCombiner.Policy.veto`): with which tactics are anti-patterns (`tacticTypes`), it
    /// tells when the second, negation-free reading cannot change the outcome (see `detect`).
    private let veto: Double
    /// Each catalogue tactic's value type (nil: an anti-pattern), and the model's orientation labels (intrinsic,
    /// extrinsic, strategic; nil when the model has none), read when candidates of two types compete (`detect`).
    private let tacticTypes: [ValueType?]
    private let orientationLabels: [Int]?
    /// Per catalogue tactic: said with a negation (`TacticModel.Metadata.saidWithNegation`), so the reply's own reading
    /// stands and no negation-free second reading lowers it.
    private let readAsWritten: [Bool]

    /// Below this logit a tactic's probability is surely under `credit` (the logit of `credit`, less a margin far
    /// wider than the error of `TacticModel.exp`): such a tactic, with no cue for it, is no candidate, and its
    /// probability is not computed.
    private let ruledOutLogit: Float
    /// Per catalogue tactic: its lane in the n-gram table (nil: the table does not score it, or there is no table).
    private let ngramLane: [Int?]

    init(model: TacticModel, tacticIDs: [String], tacticTypes: [ValueType?], credit: Double, veto: Double) {
        self.model = model
        self.credit = credit
        self.veto = veto
        self.tacticTypes = tacticTypes
        let saidWithNegation = Set(model.metadata.saidWithNegation)
        readAsWritten = tacticIDs.map(saidWithNegation.contains)
        let labels = Dictionary(model.metadata.labels.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let orientationLabels = ValueType.allCases.compactMap { labels[ModelTrainer.orientationLabel($0)] }
        self.orientationLabels = orientationLabels.count == ValueType.allCases.count ? orientationLabels : nil
        labelOfTactic = tacticIDs.map { labels[$0] }
        knownPositions = labelOfTactic.indices.filter { [labelOfTactic] in labelOfTactic[$0] != nil }
        knownLabels = model.logitTable(of: labelOfTactic.compactMap { $0 })
        ruledOutLogit = credit > 0 && credit < 1 ? Float(Foundation.log(credit / (1 - credit))) - 0.05 : -.infinity
        let lanes = Dictionary((model.ngram?.labels ?? []).enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        let known = labelOfTactic.map { $0 != nil }
        ngramLane = tacticIDs.enumerated().map { position, id in known[position] ? lanes[id] : nil }
    }

    /// The table's logits for the reply read as written (`withoutNegations`: without its negation words) into `logits`.
    private func ngramLogits(_ table: NgramTable, _ analysis: Analysis, withoutNegations: Bool, buffers: inout ReplyBuffers,
                             into logits: UnsafeMutableBufferPointer<Float>) {
        if withoutNegations {
            NgramReader.read(analysis.text.scalars, skipping: analysis.negationWords, charBits: table.charBits, wordBits: table.wordBits,
                             view: &buffers.ngramView, into: &buffers.plainNgrams)
            table.logits(buffers.plainNgrams[...], into: logits)
        } else {
            NgramReader.read(analysis.text.scalars, skipping: EmptyCollection<Range<Int>>(), charBits: table.charBits, wordBits: table.wordBits,
                             view: &buffers.ngramView, into: &buffers.ngrams)
            table.logits(buffers.ngrams[...], into: logits)
        }
    }

    func detect(_ context: DetectionContext, into findings: inout [DetectorFinding], buffers: inout ReplyBuffers) {
        let analysis = context.analysis
        let buyerLine = context.prompt.flatMap { $0.isEmpty ? nil : buffers.buyerLines.buyerLine($0) }
        let reading = FeatureExtractor.Reading(analysis, buyerLine: buyerLine, reusing: &buffers.reading)
        var features: [FeatureExtractor.Feature] = []
        swap(&features, &buffers.features)
        FeatureExtractor.features(reading, analysis, ignoringNegation: false, words: buffers.words, tokens: &buffers.tokens, into: &features)
        defer {
            // Storage for the next reply.
            buffers.reading = reading.scalars
            buffers.features = features
        }
        let positions = labelOfTactic.count, hidden = model.hidden
        // Everything per tactic or per hidden unit lives on the stack (each array would cost an allocation): the
        // activations of both readings; each tactic's probability (by catalogue position), the lower of the two
        // readings once there are two, and the higher; what the cues found per tactic; the labels asked about; the
        // first reading's row sums, which the second reading changes. Each allocation is kept to 1 KiB or less, the
        // most the standard library puts on the stack without asking the system (one of 1.3 KiB was a heap
        // allocation every reply).
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: hidden) { sums in
        withUnsafeTemporaryAllocation(of: Float.self, capacity: hidden) { activations in
        withUnsafeTemporaryAllocation(of: Float.self, capacity: hidden) { plain in
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 3 * positions) { floats in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 2 * positions) { ints in
        withUnsafeTemporaryAllocation(of: Bool.self, capacity: positions) { quotedBuffer in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: positions) { cueKind in
        withUnsafeTemporaryAllocation(of: Float.self, capacity: positions) { peaks in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * positions) { strongestInts in
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 2 * NgramTable.lanes) { linearLogits in
            activations.initialize(repeating: 0)
            plain.initialize(repeating: 0)
            floats.initialize(repeating: 0)
            let probability = UnsafeMutableBufferPointer(rebasing: floats[0..<positions])
            let higher = UnsafeMutableBufferPointer(rebasing: floats[positions..<2 * positions])
            let logits = UnsafeMutableBufferPointer(rebasing: floats[(2 * positions)...])
            let labelBuffer = UnsafeMutableBufferPointer(rebasing: ints[0..<positions])
            let candidateBuffer = UnsafeMutableBufferPointer(rebasing: ints[positions...])
            model.rowSums(features, into: sums)
            model.activations(rowSums: UnsafeBufferPointer(sums), into: activations)
            // Per tactic, what the cues found: 0 nothing, 1 a cue that quotes none of the rep's words (only negated or
            // questioned), 2 a cue that quotes them (the combiner quotes the model's evidence only where no cue does);
            // plus `vetoable` where the combiner could withdraw the cue's credit on the model's word. One scan of the
            // findings, not a scan per tactic.
            cueKind.initialize(repeating: 0)
            // By index: iterating the findings copied each one (a retain of each of its lists).
            for i in findings.indices where findings[i].source == .cues && cueKind[findings[i].tactic] == 0 {
                let tactic = findings[i].tactic
                cueKind[tactic] = findings[i].evidence.isEmpty ? 1 : 2
                if Self.mayBeVetoed(findings[i], isAntiPattern: tacticTypes[tactic] == nil) { cueKind[tactic] |= Self.vetoable }
            }
            // A tactic with no cue whose logit rules it out keeps probability 0: only its being no candidate is used.
            model.logits(knownLabels, activations: UnsafeBufferPointer(activations), into: logits)
            // A tactic the model would credit, or one a cue speaks to.
            func isCandidate(_ position: Int) -> Bool {
                labelOfTactic[position] != nil && (Double(probability[position]) >= credit || cueKind[position] != 0)
            }
            // The candidates (in catalogue order: the known positions are) are listed here, once: the passes below read
            // only them, not every tactic (three more passes over every tactic). A probability only falls after this,
            // so a later pass keeps those of them that are still candidates.
            var candidateCount = 0
            // The n-gram table's logits, as written (and below, without the negation words), and the network's share.
            let table = model.ngram, networkWeight = Float(table?.networkWeight ?? 1)
            let linear = UnsafeMutableBufferPointer(rebasing: linearLogits[0..<NgramTable.lanes])
            let plainLinear = UnsafeMutableBufferPointer(rebasing: linearLogits[NgramTable.lanes...])
            if let table { ngramLogits(table, analysis, withoutNegations: false, buffers: &buffers, into: linear) }
            // The probability of the weighted mean of the two logits (with the table's share 0, the network's own).
            @inline(__always) func blended(logit network: Float, lane: Int?, _ logits: UnsafeMutableBufferPointer<Float>) -> Float {
                guard let lane else { return TacticModel.probability(logit: network) }
                return TacticModel.probability(logit: networkWeight * network + (1 - networkWeight) * logits[lane])
            }
            for (k, position) in knownPositions.enumerated() {
                let logit = logits[k], lane = ngramLane[position]
                // Below credit on both models, the weighted mean of their logits is too.
                if logit >= ruledOutLogit || cueKind[position] != 0 || lane.map({ linear[$0] >= ruledOutLogit }) == true {
                    probability[position] = blended(logit: logit, lane: lane, linear)
                } else if credit > 0 {
                    // Most tactics: probability 0 and no cue, so no candidate (`isCandidate` would say so).
                    continue
                }
                if isCandidate(position) {
                    candidateBuffer[candidateCount] = position
                    candidateCount += 1
                }
            }
            let candidates = UnsafeBufferPointer(rebasing: candidateBuffer[0..<candidateCount])
            // The model's reading of the value type, which weighs between tactics of two types (`Evaluator.orientation`):
            // read only when the candidates (a superset of what will be used) are of two types or more.
            if let orientationLabels, spansTypes(candidates) {
                let reading = UnsafeBufferPointer(activations)
                for (lane, label) in orientationLabels.enumerated() {
                    buffers.typeLean[lane] = model.probability(of: label, activations: reading)
                }
            }
            var hasUnnegated = false
            if analysis.hasNegation || analysis.hasNegationWord, secondReadingMatters(candidates, probability: probability, cueKind: cueKind) {
                // Never more than the same words without the negation: a negation cannot add credit. Only the
                // candidates are read again: taking the lower reading can only take a tactic off the list.
                let added = FeatureExtractor.negationFreeChange(reading, analysis, firstTokens: buffers.tokens, firstFeatures: features,
                                                                words: buffers.words, tokens: &buffers.plainTokens, into: &buffers.plainFeatures)
                model.changeRowSums(sums, removing: buffers.plainFeatures[..<added], adding: buffers.plainFeatures[added...])
                model.activations(rowSums: UnsafeBufferPointer(sums), into: plain)
                if let table { ngramLogits(table, analysis, withoutNegations: true, buffers: &buffers, into: plainLinear) }
                for position in candidates {
                    guard let label = labelOfTactic[position] else { continue }
                    let negating = probability[position]
                    let withoutNegation = blended(logit: model.logit(of: label, activations: UnsafeBufferPointer(plain)), lane: ngramLane[position],
                                                  plainLinear)
                    // A tactic said with a negation ("no visits", "we won't go lower") keeps the reading as written.
                    probability[position] = readAsWritten[position] ? negating : min(negating, withoutNegation)
                    higher[position] = max(negating, withoutNegation)
                }
                hasUnnegated = true
            }
            // The candidates the model credits, in catalogue order. For a tactic a cue quotes, all that matters is
            // whether some feature pushes it up.
            var count = 0
            for position in candidates where isCandidate(position) {
                guard let label = labelOfTactic[position], Double(probability[position]) >= credit else { continue }
                labelBuffer[count] = label
                quotedBuffer[count] = cueKind[position] & 3 != 2
                count += 1
            }
            // Per credited candidate: its peak push, how many features speak for it, and those (two at most).
            let limit = 2
            let featureCounts = UnsafeMutableBufferPointer(rebasing: strongestInts[0..<positions])
            let strongestFeatures = UnsafeMutableBufferPointer(rebasing: strongestInts[positions...])
            model.strongest(features, activations: UnsafeBufferPointer(activations), labels: UnsafeBufferPointer(rebasing: labelBuffer[0..<count]),
                            quoted: UnsafeBufferPointer(rebasing: quotedBuffer[0..<count]), limit: limit, peaks: peaks,
                            strongestFeatures: strongestFeatures, featureCounts: featureCounts)
            var k = 0
            for position in candidates where isCandidate(position) {
                var p = Double(probability[position])
                var evidence: [String] = []
                if p >= credit {
                    let peak = peaks[k], strongest = UnsafeBufferPointer(rebasing: strongestFeatures[(k * limit)..<(k * limit + featureCounts[k])])
                    k += 1
                    // Where no network feature pushes the tactic up, the table's strongest n-grams (if any push it) stand in.
                    let linearStrongest = peak <= 0 ? table.flatMap { table in ngramLane[position].map { table.strongest(buffers.ngrams[...], label: $0, limit: limit) } } ?? [] : []
                    if peak <= 0 && linearStrongest.isEmpty { p = min(p, credit - 0.001) }
                    if p < credit && cueKind[position] == 0 { continue }
                    if p >= credit {
                        evidence = peak > 0 ? self.evidence(count: strongest.count, span: { (features[strongest[$0]].start, features[strongest[$0]].end) }, analysis: analysis)
                            : self.evidence(count: linearStrongest.count, span: { (linearStrongest[$0].start, linearStrongest[$0].end) }, analysis: analysis)
                    }
                }
                let ceiling = hasUnnegated ? (Double(higher[position]) * 1000).rounded() / 1000 : nil
                findings.append(DetectorFinding(tactic: position, source: .model, strength: (p * 1000).rounded() / 1000,
                                                unnegatedStrength: ceiling.flatMap { $0 > p ? $0 : nil }, evidence: evidence))
            }
        }
        }
        }
        }
        }
        }
        }
        }
        }
        }
    }

    /// Whether the candidate tactics speak to more than one value type.
    private func spansTypes(_ candidates: UnsafeBufferPointer<Int>) -> Bool {
        var first: ValueType?
        for position in candidates {
            guard let type = tacticTypes[position] else { continue }
            if let first, first != type { return true }
            first = type
        }
        return false
    }

    /// `cueKind`'s mark of a tactic whose cue credit the combiner could withdraw when the model puts it below the veto
    /// (`mayBeVetoed`).
    private static let vetoable: UInt8 = 4

    /// Whether the combiner's veto can apply to this cue finding, whatever the model says (the combiner's own test,
    /// `FindingCombiner.cueMayBeVetoed`). A finding of negated cues alone (strength 0) never counts as used:
    /// resemblance alone stays below the used threshold.
    private static func mayBeVetoed(_ cue: DetectorFinding, isAntiPattern: Bool) -> Bool {
        cue.strength > 0 && FindingCombiner.cueMayBeVetoed(cue, isAntiPattern: isAntiPattern)
    }

    /// Whether reading a negating reply again without its negations can change the outcome. The lower reading only
    /// lowers a probability, and the higher one only matters to the combiner's veto, so the second reading cannot
    /// change what the combiner decides (or what this detector quotes) when every candidate is a tactic a cue speaks
    /// to, short of credit on the first reading (then short of it on the lower one as well), and not below the veto
    /// on it where a veto could apply (then the higher reading is not either). The margins of 0.001 keep both clear
    /// of the rounding of the strengths to three decimals. The findings' strengths may then differ from those of a
    /// second reading, but the combiner only compares them with `credit` and `veto`, and every comparison comes out
    /// the same. (About half the negating replies have such candidates only.)
    private func secondReadingMatters(_ candidates: UnsafeBufferPointer<Int>, probability: UnsafeMutableBufferPointer<Float>,
                                      cueKind: UnsafeMutableBufferPointer<UInt8>) -> Bool {
        for position in candidates {
            let p = Double(probability[position])
            if cueKind[position] == 0 || p >= credit - 0.001 || (cueKind[position] & Self.vetoable != 0 && p < veto + 0.001) { return true }
        }
        return false
    }

    /// The clause (at most 40 scalars around it) holding each of the `count` strongest features (their folded scalar
    /// spans, `span(k)`), in reading order.
    private func evidence(count spans: Int, span: (Int) -> (start: Int32, end: Int32), analysis: Analysis) -> [String] {
        let n = analysis.text.scalars.count
        // The ranges (one per feature at most) on the stack, merged, ordered and quoted in place: as arrays (the
        // features picked, the ranges, sorted, quoted, filtered) they cost five allocations a quoted tactic.
        return withUnsafeTemporaryAllocation(of: Range<Int>.self, capacity: spans) { ranges in
        var count = 0
        for k in 0..<spans {
            let feature = span(k)
            guard feature.end - feature.start < Int32(n) || n < 12 else { continue }
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
            if let overlap = (0..<count).first(where: { ranges[$0].overlaps(start..<end) || ranges[$0].upperBound == start || end == ranges[$0].lowerBound }) {
                ranges[overlap] = min(ranges[overlap].lowerBound, start)..<max(ranges[overlap].upperBound, end)
            } else {
                ranges[count] = start..<end
                count += 1
            }
        }
        // In reading order.
        ranges.stableInsertionSort(count: count) { $0.lowerBound < $1.lowerBound }
        var quotes: [String] = []
        quotes.reserveCapacity(count)
        for range in ranges[0..<count] {
            let quote = analysis.text.quote(range)
            if !quote.isEmpty { quotes.append(quote) }
        }
        return quotes
        }
    }
}
