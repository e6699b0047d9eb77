import ArgumentParser
import DojoKit
import Foundation

/// `dojo explain DJ0007`: a diagnostic code's explanation, example and fix from docs/diagnostics.md.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a diagnostic code (DJ0007, 7 or unknown-key): what it means, an example and the fix.",
        discussion: """
        Reads docs/diagnostics.md: <prefix>/share/salesdojo/docs/ next to an installed dojo, the checkout a \
        built dojo lives in, or ./docs. Exit status: 0, or 1 for a code that does not exist.
        """
    )

    @Argument(help: ArgumentHelp("The code, its number or its name (as printed by `dojo validate`).", valueName: "code"))
    var code: String

    func run() throws {
        guard let known = DiagnosticDocumentation.code(for: code) else {
            throw CLIError.unknownDiagnosticCode(code: code, suggestion: DiagnosticDocumentation.suggestion(for: code))
        }
        let candidates = Self.documentCandidates()
        guard let path = candidates.first(where: { FileManager.default.isReadableFile(atPath: $0) }),
              let data = FileManager.default.contents(atPath: path) else {
            throw CLIError.noDiagnosticDocs(searched: candidates)
        }
        guard let section = DiagnosticDocumentation.section(for: known, in: String(decoding: data, as: UTF8.self)) else {
            throw CLIError.undocumentedCode(code: known.rawValue, path: path)
        }
        for line in SourceText(path: path, text: section).lines { print(TerminalSanitizer.clean(String(line))) }
    }

    /// Where docs/diagnostics.md may be, in order: beside an installed binary (`<prefix>/bin/dojo` →
    /// `<prefix>/share/salesdojo/docs`), in the checkout a built binary sits in (`.build/…/dojo`), then ./docs.
    static func documentCandidates() -> [String] {
        var candidates: [String] = []
        var directory = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
            candidates.append(directory.appendingPathComponent("share/salesdojo/docs/diagnostics.md").path)
            candidates.append(directory.appendingPathComponent("docs/diagnostics.md").path)
        }
        candidates.append(FileManager.default.currentDirectoryPath + "/docs/diagnostics.md")
        var seen = Set<String>()
        return candidates.filter { seen.insert($0).inserted }
    }
}
