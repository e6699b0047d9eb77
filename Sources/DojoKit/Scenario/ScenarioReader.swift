import Yams

/// Builds a `Scenario` from a composed YAML document and checks it against the tactic catalogue.
enum ScenarioReader {
    static let topKeys = ["id", "title", "language", "type", "difficulty", "pass_mark", "persona", "meters", "start",
                          "turns", "endings"]
    static let personaKeys = ["name", "role", "company", "background"]
    static let meterKeys = ["start", "min", "max", "on_min", "on_max", "label"]
    static let turnKeys = ["id", "buyer", "variants", "expect", "avoid", "hint", "model_answer", "on", "branches"]
    static let branchKeys = ["when", "effects", "reaction", "goto"]
    static let endingKeys = ["id", "kind", "title", "debrief"]

    static func read(_ document: DocumentLoader.Document, catalog: TacticCatalog,
                     into diagnostics: inout [Diagnostic]) -> Scenario? {
        let source = document.source
        let before = diagnostics.count
        guard let top = MappingReader(document.root, context: "the scenario", allowed: topKeys,
                                      required: ["id", "title", "language", "type", "difficulty", "persona", "turns", "endings"],
                                      source: source, into: &diagnostics) else { return nil }
        let id = top.string("id", into: &diagnostics)
        if let id, !Identifier.isValid(id) {
            diagnostics.append(Diagnostic(.invalidValue, ["what": "scenario", "id": id], variant: "id",
                                          at: top.valueLocation("id"), help: "e.g. `customer-a-lowest-quote`"))
        }
        let title = top.string("title", into: &diagnostics)
        let language = top.language("language", into: &diagnostics)
        var valueType: ValueType?
        if let raw = top.string("type", into: &diagnostics) {
            valueType = ValueType(rawValue: raw)
            if valueType == nil {
                diagnostics.append(Diagnostic(.unknownValueType, ["type": raw], at: top.valueLocation("type"),
                    help: Suggestion.didYouMean(raw, among: ValueType.allCases.map(\.rawValue)) ?? "use intrinsic, extrinsic or strategic"))
            }
        }
        let difficulty = top.int("difficulty", in: 1...5, into: &diagnostics)
        let passMark = top.has("pass_mark") ? top.int("pass_mark", in: 0...100, into: &diagnostics) : Scenario.defaultPassMark
        let persona = top.value("persona").flatMap { readPersona($0, source: source, into: &diagnostics) }
        let meterEntries = top.value("meters").map { readMeters($0, source: source, into: &diagnostics) } ?? []
        let meters = meterEntries.map(\.meter)

        let meterNames = Set(meters.map(\.name))
        let conditions = ConditionParser(meters: meterNames, tactics: catalog.ids)
        var turns: [Turn] = []
        for node in top.sequence("turns", into: &diagnostics) ?? [] {
            if let turn = readTurn(node, valueType: valueType, meters: meterNames, conditions: conditions, catalog: catalog,
                                   source: source, into: &diagnostics) {
                turns.append(turn)
            }
        }
        var endings: [Ending] = []
        for node in top.sequence("endings", into: &diagnostics) ?? [] {
            if let ending = readEnding(node, source: source, into: &diagnostics) { endings.append(ending) }
        }
        // Ids as written, including turns and endings that failed to load, so one bad turn does not
        // cascade into "undefined target" errors everywhere it is referenced.
        let declaredTurns = (top.value("turns")?.sequence.map(Array.init) ?? []).compactMap { $0.mapping?["id"]?.string }
        let declaredEndings = (top.value("endings")?.sequence.map(Array.init) ?? []).compactMap { $0.mapping?["id"]?.string }
        // Every `goto` as written, also in turns and branches that failed to load for another reason, so a
        // mistyped target is reported in the same run as the other errors of the file.
        let gotos: [(target: String, location: SourceLocation)] = (top.value("turns")?.sequence.map(Array.init) ?? [])
            .flatMap { turn in
                (turn.mapping?["branches"]?.sequence.map(Array.init) ?? []).compactMap { branch in
                    guard let node = branch.mapping?["goto"], let target = node.string else { return nil }
                    return (target, DocumentLoader.location(of: node, in: source))
                }
            }
        let start = top.string("start", into: &diagnostics) ?? declaredTurns.first
        let scenarioLocation = top.has("id") ? top.valueLocation("id") : top.location

        checkGraph(turns: turns, gotos: gotos, endings: endings, declaredTurns: Set(declaredTurns), declaredEndings: Set(declaredEndings),
                   meters: meterEntries, start: start,
                   startLocation: top.has("start") ? top.valueLocation("start") : top.location,
                   turnsDeclared: top.has("turns"), into: &diagnostics)
        ReactionFigureCheck.check(turns: turns, persona: persona, into: &diagnostics)

        guard !diagnostics[before...].contains(where: { $0.severity == .error }),
              let id, let title, let language, let valueType, let difficulty, let passMark, let persona, let start else {
            return nil
        }
        var scenario = Scenario(id: id, title: title, language: language, valueType: valueType, difficulty: difficulty,
                                passMark: passMark, persona: persona, meters: meters, start: start, turns: turns, endings: endings,
                                location: scenarioLocation)
        scenario.contentHash = "fnv1a64:" + String(FNV1a.hash(Array(source.text.utf8)), radix: 16)
        return scenario
    }

    static func readPersona(_ node: Node, source: SourceText, into diagnostics: inout [Diagnostic]) -> Persona? {
        guard let reader = MappingReader(node, context: "`persona`", allowed: personaKeys, required: personaKeys,
                                         source: source, into: &diagnostics),
              let name = reader.string("name", into: &diagnostics),
              let role = reader.string("role", into: &diagnostics),
              let company = reader.string("company", into: &diagnostics),
              let background = reader.string("background", into: &diagnostics) else { return nil }
        return Persona(name: name, role: role, company: company, background: background)
    }

    /// A meter with the positions of its ending targets, for checking them once endings are known.
    struct MeterEntry {
        var meter: Meter
        var onMinLocation: SourceLocation
        var onMaxLocation: SourceLocation
    }

    static func readMeters(_ node: Node, source: SourceText, into diagnostics: inout [Diagnostic]) -> [MeterEntry] {
        guard case let .mapping(mapping) = node else {
            diagnostics.append(Diagnostic(.wrongType, variant: "meters",
                                          at: DocumentLoader.location(of: node, in: source)))
            return []
        }
        var entries: [MeterEntry] = []
        for (key, value) in mapping {
            let keyLocation = DocumentLoader.location(of: key, in: source)
            guard let name = key.scalar?.string, Identifier.isValidMeter(name) else {
                diagnostics.append(Diagnostic(.invalidValue, ["name": key.scalar?.string ?? "?"], variant: "meter-name",
                    at: keyLocation, help: "e.g. `patience` or `trust`; `score` and `turn` are built in"))
                continue
            }
            guard let reader = MappingReader(value, context: "meter `\(name)`", allowed: meterKeys, required: ["start", "min", "max"],
                                             source: source, into: &diagnostics),
                  let start = reader.int("start", in: Meter.valueRange, code: .numberOutOfRange, into: &diagnostics),
                  let min = reader.int("min", in: Meter.valueRange, code: .numberOutOfRange, into: &diagnostics),
                  let max = reader.int("max", in: Meter.valueRange, code: .numberOutOfRange, into: &diagnostics) else { continue }
            if min >= max {
                diagnostics.append(Diagnostic(.invalidValue, ["meter": name, "min": String(min), "max": String(max)], variant: "meter-bounds",
                                              at: reader.valueLocation("min")))
                continue
            }
            if start < min || start > max {
                diagnostics.append(Diagnostic(.invalidValue, ["meter": name, "start": String(start), "min": String(min), "max": String(max)],
                                              variant: "meter-start",
                                              at: reader.valueLocation("start")))
                continue
            }
            let onMin = reader.string("on_min", into: &diagnostics)
            let onMax = reader.string("on_max", into: &diagnostics)
            let label = reader.value("label").flatMap {
                LocalizedText.read($0, context: "label of meter `\(name)`", source: source, into: &diagnostics)
            }
            entries.append(MeterEntry(meter: Meter(name: name, start: start, min: min, max: max, onMin: onMin, onMax: onMax,
                                                   label: label),
                                      onMinLocation: reader.valueLocation("on_min"),
                                      onMaxLocation: reader.valueLocation("on_max")))
        }
        return entries
    }

    static func readTurn(_ node: Node, valueType: ValueType?, meters: Set<String>, conditions: ConditionParser,
                         catalog: TacticCatalog, source: SourceText, into diagnostics: inout [Diagnostic]) -> Turn? {
        let idHint = node.mapping?["id"]?.string.map { "turn `\($0)`" } ?? "a turn"
        guard let reader = MappingReader(node, context: idHint, allowed: turnKeys, required: ["id", "expect", "branches"],
                                         source: source, into: &diagnostics) else { return nil }
        let before = diagnostics.count
        let id = reader.string("id", into: &diagnostics)
        if let id, !Identifier.isValid(id) {
            diagnostics.append(Diagnostic(.invalidValue, ["what": "turn", "id": id], variant: "id",
                                          at: reader.valueLocation("id")))
        }
        var lines: [String] = []
        switch (reader.has("buyer"), reader.has("variants")) {
        case (true, true):
            diagnostics.append(Diagnostic(.invalidValue, ["turn": idHint], variant: "buyer-and-variants",
                                          at: reader.keyLocation("variants"), help: "keep one: `buyer` for one line, `variants` for several"))
        case (false, false):
            diagnostics.append(Diagnostic(.missingField, ["turn": idHint], variant: "buyer",
                                          at: reader.location, help: "add `buyer: ...` with the buyer's line"))
        case (true, false):
            if let line = reader.string("buyer", into: &diagnostics) { lines = [line] }
        case (false, true):
            lines = (reader.strings("variants", into: &diagnostics) ?? []).map(\.0)
            if lines.isEmpty && reader.value("variants").map({ if case .sequence = $0 { true } else { false } }) == true {
                diagnostics.append(Diagnostic(.invalidValue, ["turn": idHint], variant: "empty-variants", at: reader.valueLocation("variants")))
            }
        }
        let expect = tacticList("expect", reader: reader, idHint: idHint, valueType: valueType, catalog: catalog, into: &diagnostics)
        let avoid = tacticList("avoid", reader: reader, idHint: idHint, valueType: nil, catalog: catalog, into: &diagnostics)
        for tactic in expect where avoid.contains(tactic) {
            diagnostics.append(Diagnostic(.expectAndAvoid, ["turn": idHint, "tactic": tactic],
                                          at: reader.valueLocation("avoid"), help: "remove it from one of the lists"))
        }
        let hint = reader.string("hint", into: &diagnostics)
        let modelAnswer = reader.string("model_answer", into: &diagnostics)
        let on = reader.value("on").flatMap { ReactionReader.readOn($0, idHint: idHint, catalog: catalog, source: source, into: &diagnostics) } ?? []
        var branches: [Branch] = []
        let branchNodes = reader.sequence("branches", into: &diagnostics) ?? []
        if reader.has("branches") && branchNodes.isEmpty {
            diagnostics.append(Diagnostic(.invalidValue, ["turn": idHint], variant: "no-branches", at: reader.valueLocation("branches"),
                                          help: "add at least one branch with `goto`"))
        }
        for branchNode in branchNodes {
            if let branch = readBranch(branchNode, idHint: idHint, meters: meters, conditions: conditions, source: source,
                                       into: &diagnostics) {
                branches.append(branch)
            }
        }
        if let last = branches.last, last.condition != nil {
            diagnostics.append(Diagnostic(.noFallbackBranch, ["turn": idHint],
                                          at: last.location, help: "end with a branch without `when` as the fallback"))
        }
        guard diagnostics[before...].allSatisfy({ $0.severity == .warning }), let id else { return nil }
        let turn = Turn(id: id, lines: lines, expect: expect, avoid: avoid, hint: hint, modelAnswer: modelAnswer,
                        on: on, branches: branches, location: reader.location)
        return turn
    }

    static func tacticList(_ key: String, reader: MappingReader, idHint: String, valueType: ValueType?, catalog: TacticCatalog,
                           into diagnostics: inout [Diagnostic]) -> [String] {
        var ids: [String] = []
        for (id, location) in reader.strings(key, into: &diagnostics) ?? [] {
            guard let tactic = catalog.tactic(id) else {
                if catalog.ids.isEmpty { ids.append(id); continue }  // reported once by the library
                diagnostics.append(Diagnostic(.unknownTactic, ["tactic": id, "key": key, "turn": idHint], at: location,
                    help: Suggestion.didYouMean(id, among: catalog.ids) ?? "tactic ids are defined in Scenarios/playbooks/*.yaml"))
                continue
            }
            if let valueType, tactic.valueType != valueType {
                let what = tactic.valueType.map { "a \($0.rawValue) tactic" } ?? "an anti-pattern"
                diagnostics.append(Diagnostic(.offTypeExpectation,
                    ["turn": idHint, "tactic": id, "what": what, "type": valueType.rawValue], at: location,
                    help: "expect tactics of the buyer's type; list off-type tactics under `avoid`"))
            }
            ids.append(id)
        }
        return ids
    }

    static func readBranch(_ node: Node, idHint: String, meters: Set<String>, conditions: ConditionParser, source: SourceText,
                           into diagnostics: inout [Diagnostic]) -> Branch? {
        guard let reader = MappingReader(node, context: "a branch of \(idHint)", allowed: branchKeys, required: ["goto"],
                                         source: source, into: &diagnostics) else { return nil }
        var condition: Condition?
        var ok = true
        if let text = reader.string("when", into: &diagnostics) {
            let raw = reader.value("when")?.scalar?.string ?? text
            do {
                condition = try conditions.parse(raw)
            } catch {
                diagnostics.append(Diagnostic(error.code, error.arguments, variant: error.variant, at: reader.location(inValueOf: "when", offset: error.offset),
                                              help: error.help))
                ok = false
            }
        } else if reader.has("when") {
            ok = false
        }
        var effects: [Branch.Effect] = []
        if let effectsNode = reader.value("effects") {
            if case let .mapping(mapping) = effectsNode {
                for (key, value) in mapping {
                    let name = key.scalar?.string ?? ""
                    guard meters.contains(name) else {
                        diagnostics.append(Diagnostic(.undefinedMeter, ["meter": name],
                            at: DocumentLoader.location(of: key, in: source),
                            help: Suggestion.didYouMean(name, among: meters) ?? "define it under `meters:`"))
                        ok = false
                        continue
                    }
                    guard let delta = MappingReader.integer(value, what: "the effect on `\(name)`", range: Meter.valueRange,
                                                            code: .numberOutOfRange, source: source,
                                                            into: &diagnostics) else { ok = false; continue }
                    effects.append(Branch.Effect(meter: name, delta: delta))
                }
            } else {
                diagnostics.append(Diagnostic(.wrongType, variant: "effects",
                                              at: reader.valueLocation("effects")))
                ok = false
            }
        }
        var reaction: Reaction?
        if let node = reader.value("reaction") {
            reaction = ReactionReader.read(node, what: "the reaction of a branch of \(idHint)", source: source, into: &diagnostics)
            if reaction == nil { ok = false }
        }
        guard let target = reader.string("goto", into: &diagnostics), ok else { return nil }
        return Branch(condition: condition, effects: effects, reaction: reaction, target: target,
                      location: reader.valueLocation("goto"))
    }

    static func readEnding(_ node: Node, source: SourceText, into diagnostics: inout [Diagnostic]) -> Ending? {
        let idHint = node.mapping?["id"]?.string.map { "ending `\($0)`" } ?? "an ending"
        guard let reader = MappingReader(node, context: idHint, allowed: endingKeys, required: endingKeys, source: source,
                                         into: &diagnostics) else { return nil }
        let id = reader.string("id", into: &diagnostics)
        if let id, !Identifier.isValid(id) {
            diagnostics.append(Diagnostic(.invalidValue, ["what": "ending", "id": id], variant: "id",
                                          at: reader.valueLocation("id")))
            return nil
        }
        var kind: Ending.Kind?
        if let raw = reader.string("kind", into: &diagnostics) {
            kind = Ending.Kind(rawValue: raw)
            if kind == nil {
                diagnostics.append(Diagnostic(.invalidValue, ["kind": raw], variant: "ending-kind", at: reader.valueLocation("kind"),
                    help: Suggestion.didYouMean(raw, among: Ending.Kind.allCases.map(\.rawValue)) ?? "use won, lost or left"))
            }
        }
        guard let id, let kind, let title = reader.string("title", into: &diagnostics),
              let debrief = reader.string("debrief", into: &diagnostics) else { return nil }
        return Ending(id: id, kind: kind, title: title, debrief: debrief, location: reader.location)
    }

    /// Cross-references inside one scenario: unique ids, defined targets, a start, reachability, a way to win.
    static func checkGraph(turns: [Turn], gotos: [(target: String, location: SourceLocation)], endings: [Ending], declaredTurns: Set<String>, declaredEndings: Set<String>,
                           meters: [MeterEntry], start: String?, startLocation: SourceLocation,
                           turnsDeclared: Bool, into diagnostics: inout [Diagnostic]) {
        var ids: [String: SourceLocation] = [:]
        for (id, location) in turns.map({ ($0.id, $0.location) }) + endings.map({ ($0.id, $0.location) }) {
            if let first = ids[id] {
                diagnostics.append(Diagnostic(.duplicateID, ["id": id], at: location,
                                              help: "turn and ending ids must be unique; the first is at line \(first.line)"))
            } else {
                ids[id] = location
            }
        }
        let turnIDs = declaredTurns, endingIDs = declaredEndings
        for (target, location) in gotos where !turnIDs.contains(target) && !endingIDs.contains(target) {
            diagnostics.append(Diagnostic(.undefinedTarget, ["target": target], at: location,
                help: Suggestion.didYouMean(target, among: turnIDs.union(endingIDs)) ?? "define it or fix the id"))
        }
        for entry in meters {
            for (target, location) in [(entry.meter.onMin, entry.onMinLocation), (entry.meter.onMax, entry.onMaxLocation)] {
                guard let target, !endingIDs.contains(target) else { continue }
                diagnostics.append(Diagnostic(.undefinedTarget, ["meter": entry.meter.name, "target": target], variant: "meter",
                    at: location, help: Suggestion.didYouMean(target, among: endingIDs) ?? "name an ending id"))
            }
        }
        guard let start, turnIDs.contains(start) else {
            if turnsDeclared || start != nil {
                diagnostics.append(Diagnostic(.noStartTurn, ["start": start ?? ""], variant: start == nil ? "no-turns" : "",
                    at: startLocation, help: start.flatMap { Suggestion.didYouMean($0, among: turnIDs) } ?? "add a turn under `turns:`"))
            }
            return
        }
        var reached: Set<String> = [start]
        var queue = [start]
        while let id = queue.popLast() {
            guard let turn = turns.first(where: { $0.id == id }) else { continue }
            for branch in turn.branches where turnIDs.contains(branch.target) && !reached.contains(branch.target) {
                reached.insert(branch.target)
                queue.append(branch.target)
            }
            for branch in turn.branches where endingIDs.contains(branch.target) { reached.insert(branch.target) }
        }
        for entry in meters { [entry.meter.onMin, entry.meter.onMax].compactMap { $0 }.forEach { reached.insert($0) } }
        let hasErrors = diagnostics.contains { $0.severity == .error && $0.location?.file == startLocation.file }
        if hasErrors { return }
        for turn in turns where !reached.contains(turn.id) {
            diagnostics.append(Diagnostic(.unreachableTurn, ["turn": turn.id], at: turn.location,
                                          help: "add a `goto: \(turn.id)` or remove the turn"))
        }
        if !endings.contains(where: { $0.kind == .won && reached.contains($0.id) }) {
            diagnostics.append(Diagnostic(.noWinningEnding, at: startLocation,
                                          help: "give the trainee a way to win"))
        }
    }
}
