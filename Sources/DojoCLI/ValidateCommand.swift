import ArgumentParser
import DojoKit
import Foundation

/// `dojo validate`: check scenario and playbook files like a compiler.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario and playbook files; print every problem with file:line:column.",
        discussion: """
        Exit status: 0 when clean, 1 when any error was found (or any warning with --strict), 2 for usage errors. \
        With --scenarios DIR (or PATHs), only your files are reported on; the shipped library gives the playbooks \
        and ids they refer to. Every diagnostic code (DJ0001…) is explained by `dojo explain CODE`.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: ArgumentHelp("Files or folders to check, on top of the shipped library (default: --scenarios, else the shipped folder).", valueName: "path"))
    var paths: [String] = []

    @Option(help: "Output format: text or json.")
    var format: Format = .text

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(name: .customLong("no-color"), help: "Do not colour the output.")
    var noColor = false

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        // DJ0108 and the model's staleness are authoring checks (validate and lint), not loading ones: play and
        // test need neither.
        var (full, library, checks) = try scenarioOptions.validated(paths: paths)
        library.diagnostics = Diagnostic.sorted(library.diagnostics + checks)
        ScenarioOptions.printOverrideNotes(full)
        let failing = library.errors.count + (strict ? library.warnings.count : 0)
        switch format {
        case .text:
            var printer = DiagnosticPrinter(terminal: .current(fileDescriptor: STDOUT_FILENO, noColor: noColor))
            for diagnostic in library.diagnostics { print(printer.render(diagnostic) + "\n") }
            let files = library.fileCount == 1 ? "1 file" : "\(library.fileCount) files"
            print("Checked \(files) (\(library.scenarios.count) scenarios, \(full.shippedFiles.isEmpty ? full.catalog.playbooks.count : full.authoredPlaybooks.count) playbooks, \(library.drills.count) drill sets, \(library.tracks.count) tracks): "
                  + "\(library.errors.count) error(s), \(library.warnings.count) warning(s).")
        case .json:
            print(try ValidationReport(library: library, strict: strict).json())
        }
        if failing > 0 { throw ExitCode(1) }
    }
}

/// The machine-readable form of a validation run.
struct ValidationReport: Encodable {
    struct Entry: Encodable {
        var file: String?
        var line: Int?
        var column: Int?
        var code: String
        var name: String
        var severity: String
        var message: String
        var help: String?
    }

    var files: Int
    var scenarios: [String]
    var errors: Int
    var warnings: Int
    var ok: Bool
    var diagnostics: [Entry]

    init(library: ScenarioLibrary, strict: Bool) {
        files = library.fileCount
        scenarios = library.scenarios.map(\.id)
        errors = library.errors.count
        warnings = library.warnings.count
        ok = errors == 0 && (!strict || warnings == 0)
        diagnostics = library.diagnostics.map {
            Entry(file: $0.location?.file, line: $0.location?.line, column: $0.location?.column, code: $0.code.rawValue,
                  name: $0.code.name, severity: $0.severity.rawValue, message: $0.message, help: $0.help)
        }
    }

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
