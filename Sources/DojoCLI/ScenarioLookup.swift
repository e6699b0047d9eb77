import DojoKit

/// Finds one scenario by id for a command, with the same errors as `dojo show`: the id names a
/// scenario whose file has errors, or no scenario at all (with the closest id).
enum ScenarioLookup {
    static func find(_ id: String, options: ScenarioOptions) throws -> (ScenarioLibrary, Scenario) {
        let library = try options.library(need: .scenario(id))
        guard let scenario = library.scenario(id) else {
            let failed = library.errors.filter { $0.location.map { ShowCommand.fileMentions($0.file, id: id) } ?? false }
            if !failed.isEmpty { throw CLIError.scenarioHasErrors(id: id, count: failed.count) }
            throw CLIError.unknownScenario(id: id, suggestion: Suggestion.closest(to: id, among: library.scenarios.map(\.id)))
        }
        return (library, scenario)
    }
}
