import Foundation

/// Errors the command line reports to the user, each a full sentence that says what to do.
enum CLIError: Error, CustomStringConvertible, LocalizedError {
    case noScenarioFolder
    case scenarioFolderMissing(path: String, source: String)
    case unknownScenario(id: String, suggestion: String?)
    case scenarioHasErrors(id: String, count: Int)
    case noPlaybooks
    case noScenarios
    case noDrills
    case cannotOpen(path: String, reason: String)
    case cannotWrite(path: String, reason: String)
    case damagedTranscript(path: String, detail: String)
    case store(String)
    case noTracks
    case unknownTrack(id: String, suggestion: String?)
    case unknownDrill(id: String, known: [String])
    case cannotExport(path: String, reason: String)
    case unreadableModel(path: String, detail: String)
    case noCorpus(path: String)
    case labelErrors(count: Int)
    case cannotCreate(path: String, reason: String)
    case unknownDiagnosticCode(code: String, suggestion: String?)
    case wouldOverwrite(path: String)
    case scenarioIDTaken(id: String, file: String)

    /// Every message may quote a path, an id or a transcript's text: it is cleaned of terminal escapes.
    var description: String { TerminalSanitizer.clean(message) }

    private var message: String {
        switch self {
        case .noScenarioFolder:
            "No scenario library found: no shipped share folder next to dojo (reinstall with `make install PREFIX=…`, or set DOJO_SHARE to the folder holding Scenarios/) and no --scenarios DIR or DOJO_SCENARIOS."
        case let .scenarioFolderMissing(path, source):
            "The scenario folder '\(path)' (from \(source)) does not exist. Check the path."
        case let .unknownScenario(id, suggestion):
            "No scenario has the id '\(id)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "") + " Run `dojo list` to see them."
        case let .scenarioHasErrors(id, count):
            "Scenario '\(id)' has \(count) error(s). Run `dojo validate` to see them."
        case .noDrills:
            "No drill sets were found (Scenarios/drills/*.yaml). Pass --scenarios DIR or run `dojo validate`."
        case .noScenarios:
            "No scenarios to play. Run `dojo validate` to see what is wrong with the scenario files."
        case .noPlaybooks:
            "No playbooks were found in the scenario folder's playbooks/. Pass --scenarios DIR or run `dojo validate`."
        case let .cannotOpen(path, reason):
            "Cannot open '\(path)': \(reason)."
        case let .cannotWrite(path, reason):
            "Cannot write the transcript '\(path)': \(reason). Pass --transcript FILE to write it elsewhere."
        case let .store(message):
            message
        case .noTracks:
            "No tracks were found (Scenarios/tracks/*.yaml). Pass --scenarios DIR or run `dojo validate`."
        case let .unknownTrack(id, suggestion):
            "No track has the id '\(id)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "") + " Run `dojo track` to see them."
        case let .unknownDrill(id, known):
            "No drill set has the id '\(id)'. Known: \(known.sorted().joined(separator: ", "))."
        case let .cannotExport(path, reason):
            "Cannot write the report '\(path)': \(reason). Pass --out FILE to write it elsewhere."
        case let .damagedTranscript(path, detail):
            "The transcript '\(path)' is \(detail). Only a torn last line can be skipped: restore the file from a backup, or move it out of the way."
        case let .unreadableModel(path, detail):
            "Cannot use the trained model '\(path)': \(detail). Move it away to score with the cue lists alone."
        case let .noCorpus(path):
            "No labelled replies found in '\(path)' (*.jsonl). Add corpus files there (see docs/labelling.md) or pass --corpus DIR."
        case let .cannotCreate(path, reason):
            "Cannot write '\(path)': \(reason). Check the folder exists and is writable."
        case let .labelErrors(count):
            "\(count) problem(s) in the labelled replies (listed above); fix them and run again."
        case let .wouldOverwrite(path):
            "'\(path)' already exists; dojo new never overwrites a file. Choose another id or --dir, or move the file away."
        case let .scenarioIDTaken(id, file):
            "A scenario with the id '\(id)' already exists (\(file)); scenario ids are global. Choose another id."
        case let .unknownDiagnosticCode(code, suggestion):
            "No diagnostic has the code '\(code)'." + (suggestion.map { " Did you mean \($0)?" } ?? "")
                + " Codes are DJ0001… as printed by `dojo validate`; `dojo explain --all` lists them all."
        }
    }

    var errorDescription: String? { description }
}
