import ArgumentParser
import DojoKit
import Foundation

/// `dojo test`: run the scenarios' transcript tests (scripted play-throughs and the endings they must reach).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the scenarios' transcript tests (Scenarios/tests/*.yaml): each play must reach its expected ending.",
        discussion: """
        Filter with scenario ids. Exit status: 0 when every play passes, 1 when any fails, 2 for usage errors \
        (an unknown option, or an id that names no scenario).
        """
    )

    @Argument(help: ArgumentHelp("Only the tests of these scenario ids.", valueName: "scenario"))
    var only: [String] = []

    @Flag(name: .customLong("no-color"), help: "Do not colour the output.")
    var noColor = false

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        let library = try scenarioOptions.library()
        let terminal = Terminal.current(noColor: noColor)
        try Self.checkKnown(only, library: library)
        let evaluator = try scenarioOptions.evaluator(for: library)
        let plans = library.plans.filter { only.isEmpty || only.contains($0.scenario) }
        var passed = 0, failed = 0
        for plan in plans {
            guard let scenario = library.scenario(plan.scenario) else {
                print(terminal.paint("FAIL", .bold, .red) + " \(plan.scenario): the scenario did not load (run `dojo validate`)")
                failed += plan.plays.count
                continue
            }
            for result in plan.run(scenario, evaluator: evaluator) {
                let reached = result.ending.map { "\($0.kind.rawValue) (\($0.id))" } ?? "no ending"
                let detail = "\(plan.scenario)/\(TerminalSanitizer.clean(result.play.name)): \(reached) after \(result.replies) replies, total \(result.total)"
                    + (result.play.route != nil ? " via " + result.route.joined(separator: " → ") : "")
                if let failure = result.failure {
                    failed += 1
                    print(terminal.paint("FAIL", .bold, .red) + " " + detail + "; \(TerminalSanitizer.clean(failure))  (\(result.play.location))")
                } else {
                    passed += 1
                    print(terminal.paint("PASS", .green) + " " + detail)
                }
            }
        }
        let untested = library.scenarios.map(\.id).filter { id in
            (only.isEmpty || only.contains(id)) && !library.plans.contains { $0.scenario == id }
        }
        for id in untested { print(terminal.paint("note", .yellow) + ": scenario \(id) has no transcript tests") }
        for scenario in library.scenarios where (only.isEmpty || only.contains(scenario.id)) && !untested.contains(scenario.id) {
            let gaps = TranscriptPlan.uncovered(scenario, by: library.plans)
            if !gaps.endings.isEmpty {
                print(terminal.paint("note", .yellow) + ": \(scenario.id): no play declares it reaches " + gaps.endings.joined(separator: ", "))
            }
            if !gaps.turns.isEmpty {
                print(terminal.paint("note", .yellow) + ": \(scenario.id): no play's route passes " + gaps.turns.joined(separator: ", "))
            }
            if !gaps.branches.isEmpty {
                print(terminal.paint("note", .yellow) + ": \(scenario.id): no play's route takes " + gaps.branches.joined(separator: ", "))
            }
        }
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }

    /// Every id must name a scenario (or a scenario some test plan targets): a mistyped id would otherwise
    /// run nothing and pass. All unknown ids are reported at once, each with the closest known id; exit status 2.
    static func checkKnown(_ ids: [String], library: ScenarioLibrary) throws {
        let known = Set(library.scenarios.map(\.id) + library.plans.map(\.scenario))
        var seen = Set<String>()
        let unknown = ids.filter { !known.contains($0) && seen.insert($0).inserted }
        guard !unknown.isEmpty else { return }
        let lines = unknown.map { id in
            TerminalSanitizer.clean("No scenario has the id '\(id)'."
                + (Suggestion.closest(to: id, among: known.sorted()).map { " Did you mean '\($0)'?" } ?? ""))
        }
        let message = "Error: " + lines.joined(separator: "\n") + "\nRun `dojo list` to see the scenario ids.\n"
        FileHandle.standardError.write(Data(message.utf8))
        throw ExitCode(2)
    }
}
