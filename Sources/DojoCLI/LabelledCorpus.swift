import DojoKit
import Foundation

/// Reads every corpus file, printing problems like a compiler; fails when any line is malformed.
enum LabelledCorpus {
    static func read(_ files: [String], catalog: TacticCatalog, terminal: Terminal) throws -> [LabelledReply] {
        let reader = LabelledSetReader(catalog: catalog)
        var replies: [LabelledReply] = [], problems: [Diagnostic] = []
        for file in files {
            let (read, diagnostics) = reader.read(path: file)
            replies += read
            problems += diagnostics
        }
        if !problems.isEmpty {
            var printer = DiagnosticPrinter(terminal: terminal)
            for problem in problems { printError(printer.render(problem)) }
            throw CLIError.labelErrors(count: problems.count)
        }
        return replies
    }
}
