import ArgumentParser
import DojoKit
import Foundation

/// `dojo eval`: how the evaluator does on an instructor's own labelled replies.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Measure the evaluator on labelled replies: orientation accuracy, per-tactic precision/recall/F1, every miss.",
        discussion: """
        Input: JSON Lines as in docs/labelling.md (id, lang, reply, orientation, tactics, anti_patterns); lines \
        starting with # are comments. The test suite measures the development and held-out sets with the same code.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("Labelled reply files (.jsonl).", valueName: "labels"))
    var files: [String]

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Option(help: ArgumentHelp("Show at most this many misses in text output (all in json).", valueName: "n"))
    var misses: Int = 50

    @Option(help: ArgumentHelp("Use this model file instead of the scenario folder's (to compare a candidate).", valueName: "file"))
    var model: String?

    @Flag(help: "Score with the cue lists and exemplars alone, without the trained model.")
    var noModel = false

    @OptionGroup var display: DisplayOptions
    @OptionGroup var scenarioOptions: ScenarioOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("Give at least one labelled reply file (.jsonl).") }
        if misses < 0 { throw ValidationError("--misses takes 0 or more (got \(misses)).") }
    }

    func run() throws {
        let library = try scenarioOptions.library()
        guard !library.catalog.playbooks.isEmpty else { throw CLIError.noPlaybooks }
        let evaluator = noModel ? Evaluator(catalog: library.catalog) : try scenarioOptions.evaluator(for: library, model: model)
        let replies = try LabelledCorpus.read(files, catalog: library.catalog, terminal: Terminal.current(fileDescriptor: 2))
        let report = EvaluationReport(replies, evaluator: evaluator)
        switch format {
        case .json:
            FileHandle.standardOutput.write(Data(report.json(model: evaluator.model?.metadata).utf8))
        case .text:
            let terminal = Terminal.current(noColor: display.noColor)
            for line in EvaluationReportText(report: report, terminal: terminal, misses: misses, model: evaluator.model != nil).lines() {
                print(line)
            }
        }
    }
}
