import ArgumentParser
import DojoKit
import Foundation

/// `dojo explain DJ0007`: a diagnostic code's explanation, message, example and fix from the catalogue built
/// into dojo; `dojo explain --all` lists every code (`--format markdown` is docs/diagnostics.md).
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a diagnostic code (DJ0007, 7 or unknown-key): what it means, an example and the fix.",
        discussion: """
        The catalogue is built into dojo, so this works from any directory. `dojo explain --all` lists every \
        code; `--all --format markdown` prints docs/diagnostics.md, `--format json` the catalogue as data. \
        Exit status: 0, or 1 for a code that does not exist.
        """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, json }

    @Argument(help: ArgumentHelp("The code, its number or its name (as printed by `dojo validate`).", valueName: "code"))
    var code: String?

    @Flag(help: "Every code: a one-line list (text), the whole catalogue (markdown) or data (json).")
    var all = false

    @Option(help: "text, markdown or json.")
    var format: Format = .text

    func validate() throws {
        if code == nil && !all { throw ValidationError("give a code to explain (e.g. `dojo explain DJ0013`), or --all") }
        if code != nil && all { throw ValidationError("give either a code or --all, not both") }
    }

    func run() throws {
        guard let code else { return printAll() }
        guard let known = DiagnosticDocumentation.code(for: code) else {
            throw CLIError.unknownDiagnosticCode(code: code, suggestion: DiagnosticDocumentation.suggestion(for: code))
        }
        switch format {
        case .text, .markdown:
            print(DiagnosticCatalogue.markdown(for: known.descriptor), terminator: "")
        case .json:
            print(Self.json([known.descriptor]))
        }
    }

    private func printAll() {
        switch format {
        case .markdown:
            print(DiagnosticCatalogue.markdown(), terminator: "")
        case .json:
            print(Self.json(DiagnosticCatalogue.descriptors))
        case .text:
            let rows = DiagnosticCatalogue.descriptors.map { d in
                [d.code.rawValue, d.severity.rawValue, d.name, d.summary]
            }
            let nameWidth = rows.map { DisplayWidth.of($0[2]) }.max() ?? 0
            for row in rows {
                print("\(row[0])  \(row[1].padding(toLength: 7, withPad: " ", startingAt: 0))  "
                      + row[2] + String(repeating: " ", count: nameWidth - DisplayWidth.of(row[2])) + "  \(row[3])")
            }
        }
    }

    private struct Entry: Encodable {
        var code: String, name: String, severity: String, summary: String
        var messages: [String: String], explanation: String, fix: String
    }

    static func json(_ descriptors: [DiagnosticDescriptor]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let entries = descriptors.map {
            Entry(code: $0.code.rawValue, name: $0.name, severity: $0.severity.rawValue, summary: $0.summary,
                  messages: $0.messages, explanation: $0.explanation, fix: $0.fix)
        }
        return (try? encoder.encode(entries)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    }
}
