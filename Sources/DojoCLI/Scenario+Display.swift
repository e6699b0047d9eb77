import DojoKit

extension Scenario {
    /// A copy whose every text field has passed the terminal sanitiser, for printing whole outlines.
    /// `dojo validate` already rejects control characters in scenario text (DJ0026); this keeps the
    /// rule true for scenarios built any other way.
    var sanitizedForDisplay: Scenario {
        let clean = TerminalSanitizer.clean
        func cleanReaction(_ reaction: Reaction) -> Reaction {
            var reaction = reaction
            reaction.lines = reaction.lines.map(clean)
            return reaction
        }
        var copy = self
        copy.id = clean(id)
        copy.title = clean(title)
        copy.persona = Persona(name: clean(persona.name), role: clean(persona.role), company: clean(persona.company),
                               background: clean(persona.background))
        copy.meters = meters.map { meter in
            var meter = meter
            meter.name = clean(meter.name)
            meter.onMin = meter.onMin.map(clean)
            meter.onMax = meter.onMax.map(clean)
            meter.label = meter.label.map { LocalizedText(zh: clean($0.zh), en: clean($0.en)) }
            return meter
        }
        copy.start = clean(start)
        copy.turns = turns.map { turn in
            var turn = turn
            turn.id = clean(turn.id)
            turn.lines = turn.lines.map(clean)
            turn.expect = turn.expect.map(clean)
            turn.avoid = turn.avoid.map(clean)
            turn.hint = turn.hint.map(clean)
            turn.modelAnswer = turn.modelAnswer.map(clean)
            turn.on = turn.on.map { var on = $0; on.reaction = cleanReaction(on.reaction); return on }
            turn.branches = turn.branches.map { branch in
                var branch = branch
                branch.reaction = branch.reaction.map(cleanReaction)
                branch.target = clean(branch.target)
                return branch
            }
            return turn
        }
        copy.endings = endings.map { ending in
            var ending = ending
            ending.id = clean(ending.id)
            ending.title = clean(ending.title)
            ending.debrief = clean(ending.debrief)
            return ending
        }
        return copy
    }
}
