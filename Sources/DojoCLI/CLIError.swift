import Foundation

/// Errors the command line reports to the user, each a full sentence that says what to do.
enum CLIError: Error, CustomStringConvertible, LocalizedError {
    case noScenarioFolder
    case scenarioFolderMissing(path: String, source: String)
    case unknownScenario(id: String, suggestion: String?)
    case scenarioHasErrors(id: String, count: Int)
    case noPlaybooks
    case cannotOpen(path: String, reason: String)

    var description: String {
        switch self {
        case .noScenarioFolder:
            "No scenario folder found. Run dojo from the SalesDojo folder, pass --scenarios DIR, or set DOJO_SCENARIOS."
        case let .scenarioFolderMissing(path, source):
            "The scenario folder '\(path)' (from \(source)) does not exist. Check the path."
        case let .unknownScenario(id, suggestion):
            "No scenario has the id '\(id)'." + (suggestion.map { " Did you mean '\($0)'?" } ?? "") + " Run `dojo list` to see them."
        case let .scenarioHasErrors(id, count):
            "Scenario '\(id)' has \(count) error(s). Run `dojo validate` to see them."
        case .noPlaybooks:
            "No playbooks were found in the scenario folder's playbooks/. Pass --scenarios DIR or run `dojo validate`."
        case let .cannotOpen(path, reason):
            "Cannot open '\(path)': \(reason)."
        }
    }

    var errorDescription: String? { description }
}
