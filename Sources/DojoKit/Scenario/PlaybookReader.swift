import Yams

/// Builds a `Playbook` from a composed YAML document, reporting every problem with its position.
enum PlaybookReader {
    static let topKeys = ["type", "name", "mode", "summary", "profile", "tactics"]
    static let requiredTopKeys = ["type", "name", "mode", "summary", "tactics"]
    static let profileKeys = ["values", "buying", "avoid", "dialogue", "criteria"]
    static let tacticKeys = ["id", "name", "description", "cues", "model_answers", "examples"]

    static func read(_ document: DocumentLoader.Document, into diagnostics: inout [Diagnostic]) -> Playbook? {
        let source = document.source
        let before = diagnostics.count
        guard let top = MappingReader(document.root, context: "the playbook", allowed: topKeys, required: requiredTopKeys,
                                      source: source, into: &diagnostics) else { return nil }
        var valueType: ValueType?
        var isAny = false
        if let type = top.string("type", into: &diagnostics) {
            if type == "any" { isAny = true } else if let parsed = ValueType(rawValue: type) { valueType = parsed } else {
                diagnostics.append(Diagnostic(.unknownValueType, ["type": type], at: top.valueLocation("type"),
                    help: Suggestion.didYouMean(type, among: ValueType.allCases.map(\.rawValue) + ["any"])
                        ?? "use intrinsic, extrinsic, strategic (or any for anti-patterns)"))
            }
        }
        let name = top.value("name").flatMap { LocalizedText.read($0, context: "`name`", source: source, into: &diagnostics) }
        let mode = top.value("mode").flatMap { LocalizedText.read($0, context: "`mode`", source: source, into: &diagnostics) }
        let summary = top.value("summary").flatMap { LocalizedText.read($0, context: "`summary`", source: source, into: &diagnostics) }
        let profile = top.value("profile").flatMap { readProfile($0, source: source, into: &diagnostics) }
        var tactics: [Tactic] = []
        var seen: [String: SourceLocation] = [:]
        for node in top.sequence("tactics", into: &diagnostics) ?? [] {
            guard let tactic = readTactic(node, valueType: valueType, source: source, into: &diagnostics) else { continue }
            if let first = seen[tactic.id] {
                diagnostics.append(Diagnostic(.duplicateID, ["tactic": tactic.id], variant: "tactic-in-playbook", at: tactic.location,
                                              help: "it is first defined at line \(first.line)"))
                continue
            }
            seen[tactic.id] = tactic.location
            tactics.append(tactic)
        }
        guard diagnostics.count == before, let name, let mode, let summary, valueType != nil || isAny else { return nil }
        return Playbook(valueType: valueType, name: name, mode: mode, summary: summary, profile: profile, tactics: tactics,
                        file: source.path)
    }

    static func readProfile(_ node: Node, source: SourceText, into diagnostics: inout [Diagnostic]) -> PlaybookProfile? {
        guard let reader = MappingReader(node, context: "`profile`", allowed: profileKeys, required: profileKeys,
                                         source: source, into: &diagnostics) else { return nil }
        let values = reader.value("values").flatMap { LocalizedText.read($0, context: "`profile.values`", source: source, into: &diagnostics) }
        let buying = reader.value("buying").flatMap { LocalizedText.read($0, context: "`profile.buying`", source: source, into: &diagnostics) }
        let avoid = reader.value("avoid").flatMap { LocalizedText.read($0, context: "`profile.avoid`", source: source, into: &diagnostics) }
        var dialogue: [PlaybookProfile.Exchange] = []
        for item in reader.sequence("dialogue", into: &diagnostics) ?? [] {
            guard let exchange = MappingReader(item, context: "a `profile.dialogue` exchange", allowed: ["buyer", "rep"],
                                               required: ["buyer", "rep"], source: source, into: &diagnostics),
                  let buyer = exchange.value("buyer").flatMap({ LocalizedText.read($0, context: "`buyer`", source: source, into: &diagnostics) }),
                  let rep = exchange.value("rep").flatMap({ LocalizedText.read($0, context: "`rep`", source: source, into: &diagnostics) })
            else { continue }
            dialogue.append(PlaybookProfile.Exchange(buyer: buyer, rep: rep))
        }
        let criteria = reader.value("criteria").flatMap {
            phrases($0, context: "`profile.criteria`", checkCues: true, source: source, into: &diagnostics)
        }
        guard let values, let buying, let avoid, let criteria else { return nil }
        return PlaybookProfile(values: values, buying: buying, avoid: avoid, dialogue: dialogue, criteria: criteria)
    }

    static func readTactic(_ node: Node, valueType: ValueType?, source: SourceText,
                           into diagnostics: inout [Diagnostic]) -> Tactic? {
        let idHint = node.mapping?["id"]?.string.map { "tactic `\($0)`" } ?? "a tactic"
        guard let reader = MappingReader(node, context: idHint, allowed: tacticKeys,
                                         required: ["id", "name", "description", "cues", "model_answers"],
                                         source: source, into: &diagnostics) else { return nil }
        let id = reader.string("id", into: &diagnostics)
        if let id, !Identifier.isValid(id) {
            diagnostics.append(Diagnostic(.invalidValue, ["what": "tactic", "id": id], variant: "id",
                                          at: reader.valueLocation("id")))
        }
        let name = reader.value("name").flatMap { LocalizedText.read($0, context: "`name` of \(idHint)", source: source, into: &diagnostics) }
        let description = reader.value("description").flatMap {
            LocalizedText.read($0, context: "`description` of \(idHint)", source: source, into: &diagnostics)
        }
        let cues = reader.value("cues").flatMap { phrases($0, context: "`cues` of \(idHint)", checkCues: true, source: source, into: &diagnostics) }
        let answers = reader.value("model_answers").flatMap {
            phrases($0, context: "`model_answers` of \(idHint)", checkCues: false, source: source, into: &diagnostics)
        }
        var match: [String] = [], noMatch: [String] = []
        if let examples = reader.value("examples"),
           let ex = MappingReader(examples, context: "`examples` of \(idHint)", allowed: ["match", "no_match"], required: [],
                                  source: source, into: &diagnostics) {
            match = (ex.strings("match", into: &diagnostics) ?? []).map(\.0)
            noMatch = (ex.strings("no_match", into: &diagnostics) ?? []).map(\.0)
        }
        guard let id, let name, let description, let cues, let answers else { return nil }
        return Tactic(id: id, valueType: valueType, name: name, description: description, cues: cues, modelAnswers: answers,
                      matchExamples: match, noMatchExamples: noMatch, location: reader.location)
    }

    static func phrases(_ node: Node, context: String, checkCues: Bool, source: SourceText,
                        into diagnostics: inout [Diagnostic]) -> Tactic.Phrases? {
        guard let reader = MappingReader(node, context: context, allowed: ["zh", "en"], required: ["zh", "en"],
                                         source: source, into: &diagnostics) else { return nil }
        let zh = reader.strings("zh", into: &diagnostics) ?? []
        let en = reader.strings("en", into: &diagnostics) ?? []
        if checkCues {
            for (cue, location) in zh + en {
                do { _ = try CuePattern.parse(cue) } catch {
                    diagnostics.append(Diagnostic(.badCue, ["problem": error.message], at: location,
                        help: "cues are literal phrases with optional slots ({money}, {percent}, {number}, {duration}, {question}) and ` ... ` gaps"))
                }
            }
        }
        return Tactic.Phrases(zh: zh.map(\.0), en: en.map(\.0))
    }
}

/// Rules for ids of scenarios, turns, endings and tactics.
enum Identifier {
    /// Lower-case ASCII letters, digits and hyphens, starting with a letter or digit.
    static func isValid(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first != "-" else { return false }
        return id.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "-" }
    }

    /// Meter names: lower-case letters, digits and underscores, starting with a letter; not a keyword.
    static func isValidMeter(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first >= "a" && first <= "z" else { return false }
        return !reservedWords.contains(name)
            && name.unicodeScalars.allSatisfy { ($0 >= "a" && $0 <= "z") || ($0 >= "0" && $0 <= "9") || $0 == "_" }
    }

    static let reservedWords: Set<String> = ["score", "turn", "and", "or", "not", "used", "mismatch", "true", "false"]
}
