/// DJ0106: a reaction that states a literal figure — an amount, a percentage, a duration — which
/// neither the turn's buyer lines nor the persona established. The buyer would then "remember" a
/// number the rep may never have said; quote the rep with `{money}`, `{percent}` or `{duration}`.
enum ReactionFigureCheck {
    static func check(turns: [Turn], persona: Persona?, into diagnostics: inout [Diagnostic]) {
        let personaText = persona.map { [$0.name, $0.role, $0.company, $0.background].joined(separator: "\n") } ?? ""
        for turn in turns {
            let established = NormalizedText(([personaText] + turn.lines).joined(separator: "\n")).folded
            let reactions = turn.on.map { ($0.reaction, "the `on: \($0.tactic)` reaction") }
                + turn.branches.compactMap { branch in branch.reaction.map { ($0, "a branch reaction") } }
            for (reaction, what) in reactions {
                for (line, location) in zip(reaction.lines, reaction.lineLocations) {
                    for figure in figures(in: Reaction.literalText(of: line)) where !established.contains(figure.folded) {
                        diagnostics.append(Diagnostic(.unestablishedFigure,
                            ["what": what, "turn": turn.id, "figure": figure.written],
                            at: location,
                            help: "quote the rep with {money}, {percent} or {duration} (and add a fallback line), or drop the figure"))
                    }
                }
            }
        }
    }

    /// Money, percent and duration phrases in `text`: as written, and folded for comparison.
    static func figures(in text: String) -> [(written: String, folded: String)] {
        let normalized = NormalizedText(text)
        return SignalScanner.scan(normalized.scalars)
            .filter { $0.kind == .money || $0.kind == .percent || $0.kind == .duration }
            .map { span in
                let folded = String(String.UnicodeScalarView(normalized.scalars[span.start..<span.end].compactMap(Unicode.Scalar.init)))
                return (normalized.quote(span.start..<span.end), folded)
            }
    }
}
