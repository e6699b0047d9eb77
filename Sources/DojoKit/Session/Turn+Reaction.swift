extension Turn {
    /// What the buyer says after a reply that took `branch`. A reaction to a tactic the reply used
    /// (`on:`, first in file order) comes first when the branch moves on to another turn and the reply
    /// did not mismatch the buyer's type (after an anti-pattern, only an `on:` for that anti-pattern);
    /// otherwise the branch's own reaction. Placeholders take the rep's own
    /// figures and words, so the buyer never quotes a number the rep did not say.
    func reaction(to assessment: Assessment, branch: Branch, endsDialogue: Bool) -> String? {
        if !endsDialogue && assessment.alignment != .mismatch {
            // After an anti-pattern only reactions to anti-patterns apply: the buyer answers the push first.
            let pushed = assessment.antiPatterns.contains(where: \.isUsed)
            for entry in on where assessment.used(entry.tactic)
                && (!pushed || assessment.antiPatterns.contains { $0.id == entry.tactic && $0.isUsed }) {
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
            // The longest quote says most of what the rep said (the first of equals).
            return finding?.evidence.reduce(nil) { best, quote in quote.count > (best?.count ?? 0) ? quote : best }
        }
    }
}
