extension Turn {
    /// What the buyer says after a reply that took `branch`. A reaction to a tactic the reply used
    /// (`on:`, first in file order) comes first when the branch moves on to another turn and the reply
    /// spoke to the buyer's type; otherwise the branch's own reaction. Placeholders take the rep's own
    /// figures and words, so the buyer never quotes a number the rep did not say.
    func reaction(to assessment: Assessment, branch: Branch, endsDialogue: Bool) -> String? {
        if !endsDialogue && assessment.alignment != .mismatch {
            for entry in on where assessment.used(entry.tactic) {
                if let line = entry.reaction.render({ Self.value($0, in: assessment, tactic: entry.tactic) }) { return line }
            }
        }
        let tactic = expect.first { assessment.used($0) } ?? assessment.usedTactics.first?.id
        return branch.reaction?.render { Self.value($0, in: assessment, tactic: tactic) }
    }

    static func value(_ slot: Reaction.Slot, in assessment: Assessment, tactic: String?) -> String? {
        switch slot {
        case .money: return assessment.signals.firstFigure(.money)
        case .percent: return assessment.signals.firstFigure(.percent)
        case .duration: return assessment.signals.firstFigure(.duration)
        case .evidence:
            guard let tactic else { return nil }
            let finding = assessment.tactics.first { $0.id == tactic } ?? assessment.antiPatterns.first { $0.id == tactic }
            return finding?.evidence.first
        }
    }
}
