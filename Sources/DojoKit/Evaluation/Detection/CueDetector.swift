/// Evidence from the playbooks' cue phrases: every credited cue match (negation- and question-aware)
/// becomes a unit of evidence quoting the rep's words; negated matches are kept to explain the miss.
struct CueDetector: TacticDetector {
    let index: CueIndex

    func detect(_ context: DetectionContext, into findings: inout [DetectorFinding], buffers: inout ReplyBuffers) {
        let analysis = context.analysis
        guard !analysis.units.isEmpty || !analysis.negated.isEmpty else { return }
        // Which tactics have units (bit 1) or negated matches (bit 2), marked in one pass over each list: asking every
        // tactic of the catalogue about both lists cost more than the findings themselves.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: index.tacticIDs.count) { marks in
        marks.initialize(repeating: 0)
        // Only the positions between the lowest and the highest marked are visited (a reply speaks to two or three of
        // the catalogue's tactics).
        var lowest = Int.max, highest = Int.min
        for unit in analysis.units {
            marks[unit.tactic] |= 1
            lowest = min(lowest, unit.tactic)
            highest = max(highest, unit.tactic)
        }
        for negated in analysis.negated {
            marks[negated.tactic] |= 2
            lowest = min(lowest, negated.tactic)
            highest = max(highest, negated.tactic)
        }
        for position in lowest...highest where marks[position] != 0 {
            let hasUnits = marks[position] & 1 != 0, hasNegated = marks[position] & 2 != 0
            // Units are created in order of position (matches are visited by start), so evidence is in reading order.
            // Both lists are sized first: growing them from empty reallocated every list of more than one quote.
            var evidenceCount = 0, questionedCount = 0
            for unit in analysis.units where unit.tactic == position {
                if unit.questioned { questionedCount += 1 } else { evidenceCount += 1 }
            }
            var evidence: [String] = [], questioned: [String] = [], figure = false
            if evidenceCount > 0 { evidence.reserveCapacity(evidenceCount) }
            if questionedCount > 0 { questioned.reserveCapacity(questionedCount) }
            for unit in analysis.units where unit.tactic == position {
                if unit.questioned {
                    questioned.append(analysis.text.quote(unit.start..<unit.end))
                } else {
                    evidence.append(analysis.text.quote(unit.start..<unit.end))
                    figure = figure || unit.figure
                }
            }
            findings.append(DetectorFinding(
                tactic: position, source: .cues, strength: Self.strength(of: analysis.units, tactic: position),
                evidence: evidence, carriesFigure: figure,
                cues: hasUnits ? cueTexts(of: position, in: analysis) : [],
                negated: hasNegated ? analysis.negated.compactMap { $0.tactic == position ? $0.negated : nil } : [],
                questioned: questioned))
        }
        }
    }

    /// 0.5 for a plain cue, 0.6 for a structured one, +0.2 for each further distinct piece of evidence;
    /// questions count 40 %. Counts the units of tactic `tactic` only (all units when nil).
    ///
    /// The strongest piece counts in full, the others 0.2 each (0.2 × 0.4 inside a question), added strongest first. A
    /// piece's weight is 0.6 or 0.5 outside a question and 0.24 or 0.2 inside one, so that order is: the strongest
    /// piece, then the other pieces outside questions, then those inside; pieces of equal weight add the same amount.
    /// The sum is therefore taken from three counts, adding the same terms in the same order as sorting the pieces
    /// would (a sort in scratch space cost a heap allocation for every call: `withUnsafeTemporaryAllocation` did not
    /// put it on the stack here).
    static func strength(of all: [Analysis.EvidenceUnit], tactic: Int?) -> Double {
        var strongest = 0.0, plain = 0, questioned = 0
        for unit in all where tactic == nil || (unit.tactic == tactic && !unit.continuesPrevious) {
            strongest = max(strongest, unit.weight)
            if unit.questioned { questioned += 1 } else { plain += 1 }
        }
        guard plain + questioned > 0 else { return 0 }
        // The strongest piece is outside a question whenever one is (0.5 and more against at most 0.24).
        if plain > 0 { plain -= 1 } else { questioned -= 1 }
        var cue = 0.0 + strongest
        for _ in 0..<plain { cue += 0.2 * 1 }
        for _ in 0..<questioned { cue += 0.2 * 0.4 }
        return cue
    }

    /// The distinct cue phrases credited to a tactic, in `String` order (sorted by precomputed rank).
    private func cueTexts(of tactic: Int, in analysis: Analysis) -> [String] {
        let cueTactics = index.cueTactics, ranks = index.cueTextRank
        return withUnsafeTemporaryAllocation(of: (rank: Int32, cue: Int32).self, capacity: analysis.credited.count) { buffer in
            var count = 0
            for match in analysis.credited where cueTactics[match.cue] == tactic {
                buffer[count] = (ranks[match.cue], Int32(match.cue))
                count += 1
            }
            buffer.stableInsertionSort(count: count) { $0.rank < $1.rank }
            var texts: [String] = []
            texts.reserveCapacity(count)
            for i in 0..<count where i == 0 || buffer[i].rank != buffer[i - 1].rank {
                texts.append(index.cues[Int(buffer[i].cue)].text)
            }
            return texts
        }
    }
}
