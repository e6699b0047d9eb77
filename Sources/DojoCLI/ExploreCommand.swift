import ArgumentParser
import DojoKit
import Foundation

/// `dojo explore ID`: every reachable ending with its score range and a shortest path, dead ends and
/// meter effects held at a bound; `--random N` plays real replies instead.
struct ExploreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explore",
        abstract: "Walk a scenario's branches: reachable endings with min/max total score and a shortest path, dead ends, meter violations.",
        discussion: """
        By default every dialogue state is visited once (paths that meet in the same turn with the same \
        meters and reply count are merged), which covers every path. A reply is one of the classes the \
        turn's conditions tell apart: a score band, the tactics used among those the conditions ask \
        about, mismatch or not; these are treated as independent. Totals assume no hints. \
        --exhaustive walks every path one by one (up to --cap paths, then says so). \
        --random N plays N sessions with real replies (model answers, playbook examples, \
        anti-patterns, non-answers) through the evaluator, seeded by --seed: same seed, same output.
        """
    )

    @Argument(help: ArgumentHelp("The scenario id (see `dojo list`).", valueName: "id"))
    var id: String

    @Flag(help: "Walk every path one by one (up to --cap).")
    var exhaustive = false

    @Option(help: "Paths --exhaustive walks before it stops.")
    var cap: Int = Explorer.defaultPathCap

    @Option(help: ArgumentHelp("Play N random sessions with real replies instead.", valueName: "n"))
    var random: Int?

    @Option(help: "Seed for --random.")
    var seed: UInt64 = 1

    @Flag(name: .customLong("no-color"), help: "Do not colour the output.")
    var noColor = false

    @OptionGroup var scenarioOptions: ScenarioOptions

    func validate() throws {
        if exhaustive && random != nil { throw ValidationError("--exhaustive and --random cannot be combined.") }
        if let random, !(1...100_000).contains(random) { throw ValidationError("--random takes 1 to 100000 walks.") }
        if cap < 1 { throw ValidationError("--cap must be at least 1.") }
    }

    func run() throws {
        let (library, scenario) = try ScenarioLookup.find(id, options: scenarioOptions)
        let terminal = Terminal.current(noColor: noColor)
        let text: [String]
        if let random {
            let evaluator = try scenarioOptions.evaluator(for: library)
            let report = RandomWalker(scenario: scenario, evaluator: evaluator).run(walks: random, seed: seed)
            text = ExplorationText.random(report, scenario: scenario, seed: seed, terminal: terminal)
        } else {
            let explorer = Explorer(scenario: scenario)
            let exploration = exhaustive ? explorer.exhaustive(cap: cap) : explorer.walk()
            text = ExplorationText.lines(exploration, scenario: scenario, cap: cap, terminal: terminal)
        }
        for line in text { print(line) }
    }
}
