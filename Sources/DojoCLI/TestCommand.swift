import ArgumentParser
import DojoKit
import Foundation

/// `dojo test`: run the scenarios' transcript tests (scripted play-throughs and the endings they must reach).
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the scenarios' transcript tests (Scenarios/tests/*.yaml): each play must reach its expected ending.",
        discussion: """
        Filter with scenario ids. --format junit prints JUnit XML (one testcase per play) for CI systems. \
        Exit status: 0 when every play passes, 1 when any fails, 2 for usage errors (an unknown option, \
        or an id that names no scenario).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, junit }

    @Argument(help: ArgumentHelp("Only the tests of these scenario ids.", valueName: "scenario"))
    var only: [String] = []

    @Option(help: "Output format: text, or junit (JUnit XML on stdout for CI; notes go to stderr).")
    var format: Format = .text

    @Flag(name: .customLong("no-color"), help: "Do not colour the output.")
    var noColor = false

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        let full = try scenarioOptions.library()
        // With --scenarios, the tests of the author's folders run (against shipped or own scenarios).
        let library = full.authored()
        ScenarioOptions.printOverrideNotes(full)
        let terminal = Terminal.current(noColor: noColor || format == .junit)
        try Self.checkKnown(only, library: full)
        let evaluator = try scenarioOptions.evaluator(for: full)
        let plans = library.plans.filter { only.isEmpty || only.contains($0.scenario) }
        /// A result line: stdout in text mode, left out of the XML.
        func report(_ line: String) { if format == .text { print(line) } }
        /// A note: stdout in text mode, stderr beside the XML.
        func note(_ line: String) {
            if format == .text { print(line) } else { FileHandle.standardError.write(Data((line + "\n").utf8)) }
        }
        var cases: [JUnitReport.Case] = []
        for plan in plans {
            guard let scenario = full.scenario(plan.scenario) else {
                let failure = "the scenario did not load (run `dojo validate`)"
                report(terminal.paint("FAIL", .bold, .red) + " \(plan.scenario): " + failure)
                for play in plan.plays {
                    cases.append(JUnitReport.Case(scenario: plan.scenario, name: TerminalSanitizer.clean(play.name), location: play.location,
                                                  failure: failure, detail: failure))
                }
                continue
            }
            for result in plan.run(scenario, evaluator: evaluator) {
                let reached = result.ending.map { "\($0.kind.rawValue) (\($0.id))" } ?? "no ending"
                let name = TerminalSanitizer.clean(result.play.name)
                let summary = "\(reached) after \(result.replies) replies, total \(result.total)"
                    + (result.play.route != nil ? " via " + result.route.joined(separator: " → ") : "")
                let detail = "\(plan.scenario)/\(name): " + summary
                let failure = result.failure.map { TerminalSanitizer.clean($0) }
                if let failure {
                    report(terminal.paint("FAIL", .bold, .red) + " " + detail + "; \(failure)  (\(result.play.location))")
                } else {
                    report(terminal.paint("PASS", .green) + " " + detail)
                }
                cases.append(JUnitReport.Case(scenario: plan.scenario, name: name, location: result.play.location,
                                              failure: failure.map { "\($0) (\(result.play.location))" }, detail: summary))
            }
        }
        let untested = library.scenarios.map(\.id).filter { id in
            (only.isEmpty || only.contains(id)) && !library.plans.contains { $0.scenario == id }
        }
        for id in untested { note(terminal.paint("note", .yellow) + ": scenario \(id) has no transcript tests") }
        for scenario in library.scenarios where (only.isEmpty || only.contains(scenario.id)) && !untested.contains(scenario.id) {
            let gaps = TranscriptPlan.uncovered(scenario, by: library.plans)
            if !gaps.endings.isEmpty {
                note(terminal.paint("note", .yellow) + ": \(scenario.id): no play declares it reaches " + gaps.endings.joined(separator: ", "))
            }
            if !gaps.turns.isEmpty {
                note(terminal.paint("note", .yellow) + ": \(scenario.id): no play's route passes " + gaps.turns.joined(separator: ", "))
            }
            if !gaps.branches.isEmpty {
                note(terminal.paint("note", .yellow) + ": \(scenario.id): no play's route takes " + gaps.branches.joined(separator: ", "))
            }
        }
        let failed = cases.filter { $0.failure != nil }.count
        switch format {
        case .text: print("\(cases.count - failed) passed, \(failed) failed")
        case .junit: print(JUnitReport(cases: cases).render(), terminator: "")
        }
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
