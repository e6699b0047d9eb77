import ArgumentParser
import DojoKit
import Foundation

/// `dojo coverage`: which turns, branches and endings the transcript tests (and real sessions) reach.
struct CoverageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "coverage",
        abstract: "Show which turns, branches and endings the transcript tests reach, with hit counts and file:line of what none reaches.",
        discussion: """
        The plays of Scenarios/tests/*.yaml are run as `dojo test` runs them. --transcripts DIR adds real \
        sessions: every *.jsonl transcript under DIR (rewound replies left out). A transcript recorded \
        against another version of a scenario is counted and reported, since its branch numbers may have moved.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("Only these scenario ids.", valueName: "scenario"))
    var only: [String] = []

    @Option(help: ArgumentHelp("Also count the sessions in the transcripts under this folder.", valueName: "dir"))
    var transcripts: String?

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(name: .customLong("no-color"), help: "Do not colour the output.")
    var noColor = false

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        let full = try scenarioOptions.library()
        // With --scenarios, the author's scenarios are reported on (the shipped ones otherwise).
        let library = full.authored()
        try TestCommand.checkKnown(only, library: full)
        let evaluator = try scenarioOptions.evaluator(for: full)
        let scenarios = (only.isEmpty ? library.scenarios : full.scenarios).filter { only.isEmpty || only.contains($0.id) }
        var report = CoverageReport(scenarios: scenarios)
        var plays = 0
        for plan in full.plans {
            guard let scenario = scenarios.first(where: { $0.id == plan.scenario }) else { continue }
            for play in plan.plays {
                report.add(TranscriptPlan.play(play, scenario, evaluator: evaluator))
                plays += 1
            }
        }
        var sessions = 0
        if let transcripts {
            for file in try Self.transcriptFiles(under: transcripts) {
                do {
                    let reader = try TranscriptReader(path: file)
                    var records: [TranscriptRecord] = []
                    while let record = try reader.next() { records.append(record) }
                    report.add(records: records)
                    sessions += 1
                } catch {
                    printError("warning: '\(TerminalSanitizer.clean(file))' skipped: \(TerminalSanitizer.clean(ImportCommand.reason(error))).")
                }
            }
        }
        let results = report.results
        switch format {
        case .text:
            let terminal = Terminal.current(noColor: noColor)
            for line in CoverageText.lines(results, terminal: terminal) { print(line) }
            print("Counted \(plays) play(s) from the transcript tests" + (transcripts == nil ? "" : " and \(sessions) session transcript(s)") + ".")
        case .json:
            print(try CoverageText.json(results))
        }
    }

    /// `*.jsonl` files under a folder (recursively) or the file itself, sorted by path.
    static func transcriptFiles(under path: String) throws -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError.cannotOpen(path: TerminalSanitizer.clean(path), reason: "no such file or folder")
        }
        guard isDirectory.boolValue else { return [path] }
        let names = FileManager.default.enumerator(atPath: path)?.allObjects.compactMap { $0 as? String } ?? []
        return names.filter { $0.hasSuffix(".jsonl") }.sorted().map { (path as NSString).appendingPathComponent($0) }
    }
}
