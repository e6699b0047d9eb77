import DojoKit
import Foundation

/// The text and JSON of `dojo coverage`.
enum CoverageText {
    static func lines(_ results: [CoverageReport.ScenarioCoverage], terminal: Terminal) -> [String] {
        var out: [String] = []
        for result in results {
            func fraction(_ items: [CoverageReport.Item]) -> String { "\(items.filter { $0.hits > 0 }.count)/\(items.count)" }
            out.append(terminal.paint(clean(result.scenario), .bold) + ": turns \(fraction(result.turns)), branches \(fraction(result.branches)), "
                       + "endings \(fraction(result.endings)) (\(result.sessions) play(s) and session(s))")
            if result.staleTranscripts > 0 {
                out.append("  note: \(result.staleTranscripts) transcript(s) were recorded against another version of this scenario")
            }
            for (title, items) in [("turns", result.turns), ("branches", result.branches), ("endings", result.endings)] {
                let width = items.map { String($0.hits).count }.max() ?? 1
                out.append("  \(title):")
                for item in items {
                    let hits = String(repeating: " ", count: width - String(item.hits).count) + String(item.hits)
                    out.append("    " + (item.hits == 0 ? terminal.paint(hits, .red) : hits) + "  " + clean(item.label))
                }
            }
            let unreached = result.unreached
            if !unreached.isEmpty {
                out.append("  never reached:")
                for item in unreached { out.append("    \(clean(item.location.description))  \(clean(item.label))") }
            }
            out.append("")
        }
        return out
    }

    static func json(_ results: [CoverageReport.ScenarioCoverage]) throws -> String {
        struct Item: Encodable { var label: String; var hits: Int; var file: String; var line: Int; var column: Int }
        struct Entry: Encodable {
            var scenario: String; var sessions: Int; var staleTranscripts: Int
            var turns: [Item]; var branches: [Item]; var endings: [Item]
        }
        func items(_ list: [CoverageReport.Item]) -> [Item] {
            list.map { Item(label: $0.label, hits: $0.hits, file: $0.location.file, line: $0.location.line, column: $0.location.column) }
        }
        let entries = results.map {
            Entry(scenario: $0.scenario, sessions: $0.sessions, staleTranscripts: $0.staleTranscripts,
                  turns: items($0.turns), branches: items($0.branches), endings: items($0.endings))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(entries), as: UTF8.self)
    }

    private static func clean(_ text: String) -> String { TerminalSanitizer.clean(text) }
}
