/// Turns every detector's findings into one finding per tactic with one confidence.
///
/// Cue evidence gives 0.5 for a plain cue, 0.6 for a structured one, +0.2 for each further piece, and
/// resemblance to a model answer adds up to 0.225 (alone it never reaches the used threshold). With the
/// trained model, a clear cue stays decisive, and the model supplies recall: a tactic it is confident about
/// counts as used, with or without a cue — unless a cue for it was negated and none was credited (a
/// negation still cancels). Cue evidence short of clear (one cue, or two plain ones; for a tactic, not one
/// carrying a figure) that the model does not bear out (below its veto) is withdrawn (a plain answer that happens to
/// contain a cue phrase).
struct FindingCombiner: Sendable {
    let tacticIDs: [String]
    let tacticTypes: [ValueType?]
    let policy: Policy

    /// How model probabilities map to confidence.
    struct Policy: Sendable {
        /// A model probability at or above this credits the tactic.
        var credit = 0.5
        /// Cue evidence short of `decisive` (and, for a tactic, carrying no figure) whose tactic the model puts
        /// below this on both readings is withdrawn.
        var veto = 0.05
        /// How much surer the model must be to credit a tactic no cue speaks to.
        var modelOnlyMargin = 0.15
        /// Credited confidence at the threshold and at probability 1.
        var creditedFloor = 0.55, creditedCeiling = 0.9
    }

    init(tacticIDs: [String], tacticTypes: [ValueType?], policy: Policy = Policy()) {
        self.tacticIDs = tacticIDs
        self.tacticTypes = tacticTypes
        self.policy = policy
    }

    /// Where each combined finding's tactic sits in the catalogue (`CueIndex.tactics`), in the order of the
    /// findings: the scorer looks tactics up by position, where comparing and hashing ids cost a third of its time.
    struct Positions: Sendable {
        var tactics: [Int] = []
        var antiPatterns: [Int] = []
    }

    func combine(_ findings: [DetectorFinding]) -> (tactics: [Assessment.TacticFinding], antiPatterns: [Assessment.TacticFinding]) {
        var positions = Positions()
        return combine(findings, positions: &positions)
    }

    /// The same, with the findings' catalogue positions in `positions` (emptied first, its storage reused).
    func combine(_ findings: [DetectorFinding], positions: inout Positions)
        -> (tactics: [Assessment.TacticFinding], antiPatterns: [Assessment.TacticFinding]) {
        var tactics: [Assessment.TacticFinding] = [], antiPatterns: [Assessment.TacticFinding] = []
        positions.tactics.emptyKeepingCapacity()
        positions.antiPatterns.emptyKeepingCapacity()
        guard !findings.isEmpty else { return ([], []) }
        tactics.reserveCapacity(8)
        // Read by tactic, then by source, through a sorted list of their indices on the stack: a sorted copy of the
        // findings cost an allocation and a retain of every finding's lists (sorting them in place, as many copies).
        withUnsafeTemporaryAllocation(of: Int.self, capacity: findings.count) { order in
        for k in findings.indices { order[k] = k }
        order.stableInsertionSort(count: findings.count) { (findings[$0].tactic, findings[$0].source) < (findings[$1].tactic, findings[$1].source) }
        var i = 0
        while i < findings.count {
            let position = findings[order[i]].tactic
            // The tactic's cue and model findings by index: copying a finding retained (and dropping it released)
            // each of its four lists, for every finding of every reply.
            var cue: Int?, similarity = 0.0, model: Int?
            while i < findings.count && findings[order[i]].tactic == position {
                let index = order[i]
                switch findings[index].source {
                case .cues: cue = index
                case .exemplars: similarity = findings[index].strength
                case .model: model = index
                }
                i += 1
            }
            let valueType = tacticTypes[position]
            let isAntiPattern = valueType == nil
            var confidence = Self.confidence(cue: cue.map { findings[$0].strength } ?? 0, similarity: isAntiPattern ? 0 : similarity)
            // The evidence quoted is the cues', or the model's where it credits the tactic and no cue quotes any.
            var evidenceFromModel = false
            if let model {
                let modelStrength = findings[model].strength
                let cueCredited = cue.map { !findings[$0].evidence.isEmpty } ?? false
                let onlyNegated = !cueCredited && (cue.map { !findings[$0].negated.isEmpty } ?? false)
                // For an anti-pattern no cue speaks to, the model must be surer: a penalty from a guess costs
                // the rep more trust than a missed credit.
                let needed = cue == nil ? policy.credit + (isAntiPattern ? max(policy.modelOnlyMargin, Self.antiPatternMargin) : policy.modelOnlyMargin)
                    : policy.credit
                if modelStrength >= needed && !onlyNegated {
                    let scaled = policy.creditedFloor + (policy.creditedCeiling - policy.creditedFloor)
                        * (modelStrength - policy.credit) / max(1e-9, 1 - policy.credit)
                    let credited = (scaled * 1000).rounded() / 1000
                    confidence = max(confidence, credited)
                    evidenceFromModel = !cueCredited
                } else if let cue, Self.cueMayBeVetoed(findings[cue], isAntiPattern: isAntiPattern),
                          confidence >= Evaluator.usedThreshold,
                          max(modelStrength, findings[model].unnegatedStrength ?? 0) < policy.veto {
                    // Cue evidence short of clear that the model does not bear out (below the veto on both readings) is
                    // withdrawn: a plain answer that happens to contain a cue phrase. A clear cue stays decisive.
                    confidence = Evaluator.usedThreshold - 0.05
                }
            }
            let modelCredited = confidence >= Evaluator.usedThreshold && cue == nil
            if cue == nil && similarity < ExemplarDetector.floor && !modelCredited { continue }
            let evidence: [String]
            if evidenceFromModel, let model { evidence = findings[model].evidence } else { evidence = cue.map { findings[$0].evidence } ?? [] }
            let finding = Assessment.TacticFinding(
                id: tacticIDs[position], valueType: valueType, confidence: confidence,
                evidence: evidence,
                cues: cue.map { findings[$0].cues } ?? [],
                similarity: similarity >= ExemplarDetector.floor ? (similarity * 1000).rounded() / 1000 : 0,
                negated: cue.map { findings[$0].negated } ?? [],
                questioned: cue.map { findings[$0].questioned } ?? [])
            if isAntiPattern {
                if finding.isUsed {
                    antiPatterns.append(finding)
                    positions.antiPatterns.append(position)
                }
            } else {
                tactics.append(finding)
                positions.tactics.append(position)
            }
        }
        }
        return (tactics, antiPatterns)
    }

    /// How much surer than `credit` the model must be to find an anti-pattern no cue speaks to.
    static let antiPatternMargin = 0.25

    /// Cue evidence at least this strong is clear and never withdrawn: a structured cue with a second piece of
    /// evidence, or three pieces (0.8 and more; the line sits just below, clear of rounding, and above every sum a
    /// weaker mix reaches: two plain pieces make 0.7, with a piece inside a question 0.78). So is a tactic's cue
    /// that carries a figure ("节约 ... {money}"): a figure makes the offer concrete, and the model must not let a
    /// refusal before it ("最低价给不了，不过每年能为您节约 20 万元") drag it down.
    /// Out-of-fold models on the 41,065-reply corpus (5 folds): letting the model withdraw a single cue, structured
    /// or not, or two plain ones, when it puts the tactic below 0.05 on both readings scores 0.888 / 0.818 against
    /// 0.872 / 0.801 for withdrawing only a lone plain cue (the figure exception: the same either way). The veto
    /// itself is the model's (`TacticModel.Metadata.veto`, written from `ModelTrainer.Settings.veto`).
    static let decisive = 0.79

    /// Cue evidence the veto may withdraw (when it counts as used and the model puts it below the veto on both
    /// readings): short of `decisive` and, for a tactic, carrying no figure. `ModelDetector` asks the same to know when
    /// a second reading cannot change the outcome.
    static func cueMayBeVetoed(_ cue: DetectorFinding, isAntiPattern: Bool) -> Bool {
        cue.strength < decisive && (isAntiPattern || !cue.carriesFigure)
    }

    /// Cue strength plus up to 0.225 from resembling a model answer; resemblance alone stays below the
    /// used threshold (at most 0.45).
    static func confidence(cue: Double, similarity: Double) -> Double {
        let simConfidence = min(1, max(0, (similarity - ExemplarDetector.floor) / 0.5)) * 0.45
        let total = cue > 0 ? min(1, cue + 0.5 * simConfidence) : min(0.45, simConfidence)
        return (total * 1000).rounded() / 1000
    }
}
