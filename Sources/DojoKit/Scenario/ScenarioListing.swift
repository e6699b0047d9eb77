/// The scenarios of a folder as `dojo list` shows them, and how many errors the folder has
/// (the same as a full load reports).
public struct ScenarioListing: Sendable {
    /// Scenarios that loaded without errors, in the library's order.
    public var scenarios: [ScenarioSummary]
    /// Errors in the folder, as `dojo validate` counts them.
    public var errorCount: Int
    /// Scenario files parsed to make this listing (the others came from the index).
    public var parsedScenarioFiles: Int

    /// Creates a listing.
    public init(scenarios: [ScenarioSummary], errorCount: Int, parsedScenarioFiles: Int) {
        self.scenarios = scenarios
        self.errorCount = errorCount
        self.parsedScenarioFiles = parsedScenarioFiles
    }
}
