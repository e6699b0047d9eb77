import Yams

/// Builds a `Track` from a composed YAML document, with coded diagnostics; ids are checked against
/// the library afterwards (`TrackReader.check`).
enum TrackReader {
    static let topKeys = ["id", "title", "language", "steps"]
    static let stepKeys = ["kind", "id", "pass"]

    static func read(_ document: DocumentLoader.Document, into diagnostics: inout [Diagnostic]) -> Track? {
        let source = document.source
        guard let top = MappingReader(document.root, context: "the track", allowed: topKeys, required: topKeys,
                                      source: source, into: &diagnostics) else { return nil }
        let id = top.string("id", into: &diagnostics)
        if let id, !Identifier.isValid(id) {
            diagnostics.append(Diagnostic(.invalidValue, ["what": "track", "id": id], variant: "id",
                                          at: top.valueLocation("id")))
        }
        let title = top.string("title", into: &diagnostics)
        let language = top.language("language", into: &diagnostics)
        var steps: [Track.Step] = []
        for (index, node) in (top.sequence("steps", into: &diagnostics) ?? []).enumerated() {
            guard let reader = MappingReader(node, context: "step \(index + 1)", allowed: stepKeys, required: ["kind"], source: source,
                                             into: &diagnostics),
                  let rawKind = reader.string("kind", into: &diagnostics) else { continue }
            guard let kind = Track.Step.Kind(rawValue: rawKind) else {
                diagnostics.append(Diagnostic(.invalidValue, ["kind": rawKind], variant: "step-kind", at: reader.valueLocation("kind"),
                    help: Suggestion.didYouMean(rawKind, among: Track.Step.Kind.allCases.map(\.rawValue))
                        ?? "use guide, drill, scenario or exam"))
                continue
            }
            var stepID = ""
            var pass: Int?
            if kind != .guide {
                guard reader.has("id") else {
                    diagnostics.append(Diagnostic(.missingField, ["step": String(index + 1), "kind": kind.rawValue], variant: "track-step-id",
                                                  at: reader.location, help: "add `id: ...` with the \(kind == .drill ? "drill" : "scenario") id"))
                    continue
                }
                stepID = reader.string("id", into: &diagnostics) ?? ""
                pass = reader.has("pass") ? reader.int("pass", into: &diagnostics) : nil
                if let mark = pass, mark > 100 {
                    diagnostics.append(Diagnostic(.unreachablePassMark, ["mark": String(mark)],
                                                  at: reader.valueLocation("pass"), help: "use a pass mark from 0 to 100"))
                } else if let mark = pass, mark < 0 {
                    diagnostics.append(Diagnostic(.invalidValue, ["mark": String(mark)], variant: "negative-pass-mark", at: reader.valueLocation("pass"),
                                                  help: "use a pass mark from 0 to 100"))
                }
            }
            steps.append(Track.Step(kind: kind, id: stepID, pass: pass, location: reader.location))
        }
        if steps.isEmpty, top.has("steps") {
            diagnostics.append(Diagnostic(.missingField, variant: "track-steps", at: top.valueLocation("steps"),
                                          help: "list at least one step: `- kind: scenario` with `id:` and `pass:`"))
        }
        // Step problems are reported and the track is still returned, so its ids are checked too;
        // the library's errors keep it from being used.
        guard let id, Identifier.isValid(id), let title, let language else { return nil }
        return Track(id: id, title: title, language: language, steps: steps,
                     location: top.has("id") ? top.valueLocation("id") : top.location)
    }

    /// Checks a track's ids against what loaded: every scenario and drill must exist.
    static func check(_ track: Track, scenarios: [String: Scenario], drills: Set<String>, into diagnostics: inout [Diagnostic]) {
        for (index, step) in track.steps.enumerated() {
            switch step.kind {
            case .guide:
                continue
            case .drill:
                if !drills.contains(step.id) {
                    diagnostics.append(Diagnostic(.unknownTrackStep, ["step": String(index + 1), "id": step.id], variant: "drill",
                        at: step.location, help: Suggestion.didYouMean(step.id, among: drills) ?? "use the `id` of a file in drills/"))
                }
            case .scenario, .exam:
                if scenarios[step.id] == nil {
                    diagnostics.append(Diagnostic(.unknownTrackStep, ["step": String(index + 1), "id": step.id], variant: "scenario",
                        at: step.location, help: Suggestion.didYouMean(step.id, among: Set(scenarios.keys)) ?? "run `dojo list` for the ids"))
                }
            }
        }
    }
}
