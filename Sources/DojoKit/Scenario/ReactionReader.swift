import Yams

/// Reads reactions: a branch's `reaction` and a turn's `on:` map. A reaction is one text or a list
/// of texts; placeholders must be known slots, and a list should end with a line that needs none.
enum ReactionReader {
    /// A reaction from a text or a list of texts.
    static func read(_ node: Node, what: String, source: SourceText, into diagnostics: inout [Diagnostic]) -> Reaction? {
        let location = MappingReader.location(of: node, in: source)
        var lines: [(String, SourceLocation)] = []
        switch node {
        case let .sequence(sequence):
            for item in sequence {
                if let text = MappingReader.text(item, what: "a line of \(what)", source: source, into: &diagnostics) {
                    lines.append((text, MappingReader.location(of: item, in: source)))
                }
            }
            if sequence.isEmpty {
                diagnostics.append(Diagnostic(.invalidValue, ["what": what], variant: "empty-list", at: location))
            }
        default:
            guard let text = MappingReader.text(node, what: what, source: source, into: &diagnostics) else { return nil }
            lines = [(text, location)]
        }
        var ok = !lines.isEmpty
        for (line, lineLocation) in lines {
            for name in Reaction.placeholders(in: line) where Reaction.Slot(rawValue: name) == nil {
                diagnostics.append(Diagnostic(.invalidValue, ["name": name, "what": what], variant: "placeholder", at: lineLocation,
                    help: Suggestion.didYouMean(name, among: Reaction.Slot.allCases.map(\.rawValue))
                        ?? "use {money}, {percent}, {duration} or {evidence}"))
                ok = false
            }
        }
        guard ok else { return nil }
        if let last = lines.last, !Reaction.placeholders(in: last.0).isEmpty {
            diagnostics.append(Diagnostic(.reactionWithoutFallback, ["what": what],
                at: last.1, help: "end the list with a line without placeholders"))
        }
        return Reaction(lines: lines.map(\.0), location: location, lineLocations: lines.map(\.1))
    }

    /// A turn's `on:` map: tactic id → reaction, in file order.
    static func readOn(_ node: Node, idHint: String, catalog: TacticCatalog, source: SourceText,
                       into diagnostics: inout [Diagnostic]) -> [TacticReaction]? {
        guard case let .mapping(mapping) = node else {
            diagnostics.append(Diagnostic(.wrongType, ["turn": idHint], variant: "reactions",
                                          at: MappingReader.location(of: node, in: source)))
            return nil
        }
        var entries: [TacticReaction] = []
        var ok = true
        for (key, value) in mapping {
            let id = key.scalar?.string ?? ""
            if catalog.tactic(id) == nil && !catalog.ids.isEmpty {
                diagnostics.append(Diagnostic(.unknownTactic, ["tactic": id, "key": "on", "turn": idHint],
                    at: MappingReader.location(of: key, in: source),
                    help: Suggestion.didYouMean(id, among: catalog.ids) ?? "tactic ids are defined in Scenarios/playbooks/*.yaml"))
                ok = false
                continue
            }
            guard let reaction = read(value, what: "the `on: \(id)` reaction of \(idHint)", source: source, into: &diagnostics) else {
                ok = false
                continue
            }
            entries.append(TacticReaction(tactic: id, reaction: reaction))
        }
        return ok ? entries : nil
    }
}
