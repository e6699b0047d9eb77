import ArgumentParser
import DojoKit
import Foundation

/// `dojo lint`: everything `validate` checks, plus the authoring lints (DJ0110…), with severities
/// and exceptions from the project's `.dojo-lint.yaml`.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check scenarios like `validate`, plus authoring lints: dead ends, shadowed branches, weak model answers, …",
        discussion: """
        Severities per code and exceptions per scenario or tactic (each with a reason) come from \
        .dojo-lint.yaml in the scenario folder, or --config FILE. Model answers and playbook examples are \
        scored by the evaluator as `play` scores them (with the trained model). \
        Exit status: 0 when clean, 1 when any error was found (or any warning with --strict), 2 for usage errors. \
        Every code is explained in docs/diagnostics.md (`dojo explain DJ0110`).
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("Files or folders to lint (default: the scenario folder).", valueName: "path"))
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Option(help: ArgumentHelp("Lint settings file (default: .dojo-lint.yaml in the scenario folder).", valueName: "file"))
    var config: String?

    @Flag(name: .customLong("no-color"), help: "Do not colour the output.")
    var noColor = false

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        // Everything `validate` checks, then the lint rules.
        var (full, library, extra) = try scenarioOptions.validated(paths: paths)
        let directory = try scenarioOptions.directory()
        ScenarioOptions.printOverrideNotes(full)
        var configuration = LintConfiguration()
        let configPath = config ?? (directory as NSString).appendingPathComponent(LintConfigurationReader.fileName)
        if FileManager.default.fileExists(atPath: configPath) {
            configuration = LintConfigurationReader.read(path: configPath, into: &extra)
        } else if config != nil {
            throw CLIError.cannotOpen(path: TerminalSanitizer.clean(configPath), reason: "no such file")
        }
        let evaluator = try scenarioOptions.evaluator(for: full)
        let result = Linter(configuration: configuration).run(LintContext(library: library, evaluator: evaluator), extra: extra)
        switch format {
        case .text:
            var printer = DiagnosticPrinter(terminal: .current(fileDescriptor: STDOUT_FILENO, noColor: noColor))
            for diagnostic in result.diagnostics { print(printer.render(diagnostic) + "\n") }
            let files = library.fileCount == 1 ? "1 file" : "\(library.fileCount) files"
            var summary = "Linted \(files) (\(library.scenarios.count) scenarios, \(library.authoredPlaybooks.count) playbooks): "
                + "\(result.errors) error(s), \(result.warnings) warning(s), \(result.notes) note(s)"
            if !result.excused.isEmpty { summary += "; \(result.excused.count) excused by the lint file" }
            if result.silenced > 0 { summary += "; \(result.silenced) turned off" }
            print(summary + ".")
        case .json:
            print(try LintReport(library: library, result: result, strict: strict).json())
        }
        if result.errors + (strict ? result.warnings : 0) > 0 { throw ExitCode(1) }
    }
}

/// The machine-readable form of a lint run.
struct LintReport: Encodable {
    struct Entry: Encodable {
        var file: String?
        var line: Int?
        var column: Int?
        var code: String
        var name: String
        var severity: String
        var message: String
        var help: String?
        var excusedBecause: String?

        init(_ diagnostic: Diagnostic, reason: String? = nil) {
            file = diagnostic.location?.file
            line = diagnostic.location?.line
            column = diagnostic.location?.column
            code = diagnostic.code.rawValue
            name = diagnostic.code.name
            severity = diagnostic.severity.rawValue
            message = diagnostic.message
            help = diagnostic.help
            excusedBecause = reason
        }
    }

    var files: Int
    var scenarios: [String]
    var errors: Int
    var warnings: Int
    var notes: Int
    var ok: Bool
    var diagnostics: [Entry]
    var excused: [Entry]

    init(library: ScenarioLibrary, result: Linter.Result, strict: Bool) {
        files = library.fileCount
        scenarios = library.scenarios.map(\.id)
        errors = result.errors
        warnings = result.warnings
        notes = result.notes
        ok = errors == 0 && (!strict || warnings == 0)
        diagnostics = result.diagnostics.map { Entry($0) }
        excused = result.excused.map { Entry($0.diagnostic, reason: $0.exception.reason) }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
