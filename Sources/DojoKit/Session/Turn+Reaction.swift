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
            // The longest quote says most of what the rep said (the first of equals), read out as
            // the rep's whole clause around it so the buyer echoes a thought, not a cue fragment.
            let quote = finding?.evidence.reduce(nil) { best, quote in quote.count > (best?.count ?? 0) ? quote : best }
            return quote.map { clause(around: $0, in: assessment.reply) }
        }
    }

    /// Longest echo, in columns; a longer clause is quoted by its evidence alone.
    static let maxEchoWidth = 60

    /// The clause of `reply` that contains `quote`: out to the nearest sentence or clause punctuation
    /// (a `.` or `,` only when a space or the end follows, so "1.20" and "50,000" stay whole).
    static func clause(around quote: String, in reply: String) -> String {
        guard let range = reply.range(of: quote) else { return quote }
        let hardStops: Set<Character> = ["，", "。", "；", "：", "！", "？", ";", ":", "!", "?", "\n", "—"]
        func isStop(_ index: String.Index) -> Bool {
            let c = reply[index]
            if hardStops.contains(c) { return true }
            guard c == "." || c == "," else { return false }
            let next = reply.index(after: index)
            return next == reply.endIndex || reply[next] == " "
        }
        var lower = range.lowerBound
        while lower > reply.startIndex, !isStop(reply.index(before: lower)) { lower = reply.index(before: lower) }
        var upper = range.upperBound
        while upper < reply.endIndex, !isStop(upper) { upper = reply.index(after: upper) }
        var clause = String(reply[lower..<upper].drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
        // A leading conjunction belongs to the sentence, not to the thought being echoed.
        for word in ["and ", "but ", "so ", "And ", "But ", "So "] where clause.hasPrefix(word) { clause.removeFirst(word.count) }
        return DisplayWidth.of(clause) <= maxEchoWidth ? clause : quote
    }
}
