import DojoKit
import Foundation

/// The text form of an `EvaluationReport`: headline figures, the orientation confusion matrix, a table
/// per label, per-language accuracy and the misses, CJK-aligned. Every string that comes from a
/// file (labelled ids, replies, languages, paths, and tactic ids, which come from the playbooks)
/// passes the terminal sanitiser; the rest is numbers and fixed words.
struct EvaluationReportText {
    let report: EvaluationReport
    let terminal: Terminal
    let misses: Int
    let model: Bool

    func lines() -> [String] {
        var out: [String] = []
        let micro = report.micro, anti = report.antiPatternMicro
        out.append(terminal.paint("\(report.count) labelled replies", .bold) + " · evaluator: cues + exemplars" + (model ? " + trained model" : ""))
        out.append("orientation accuracy \(Self.f(report.accuracy)) · tactics precision \(Self.f(micro.precision)) recall \(Self.f(micro.recall)) "
                   + "micro-F1 \(Self.f(micro.f1)) · anti-patterns precision \(Self.f(anti.precision)) recall \(Self.f(anti.recall))")
        out.append("")
        out.append(terminal.paint("Orientation (rows: labelled, columns: found)", .bold))
        var confusion = TextTable(headers: [""] + EvaluationReport.classes, alignments: [.left] + EvaluationReport.classes.map { _ in .right })
        for (i, name) in EvaluationReport.classes.enumerated() {
            confusion.rows.append([name] + report.confusion[i].map(String.init))
        }
        out += confusion.render(width: nil, terminal: terminal)
        out.append("")
        out.append(terminal.paint("By language", .bold))
        for entry in report.languageAccuracy {
            out.append("  \(TerminalSanitizer.clean(entry.language.isEmpty ? "(none)" : entry.language)): \(entry.count) replies, orientation \(Self.f(entry.accuracy))")
        }
        out.append("")
        var labels = TextTable(headers: ["label", "support", "precision", "recall", "F1", "tp", "fp", "fn"],
                               alignments: [.left, .right, .right, .right, .right, .right, .right, .right])
        for (id, counts) in report.tactics.sorted(by: { $0.key < $1.key }) + report.antiPatterns.sorted(by: { $0.key < $1.key }) {
            labels.rows.append([TerminalSanitizer.clean(id), String(counts.support), Self.f(counts.precision), Self.f(counts.recall), Self.f(counts.f1),
                                String(counts.truePositives), String(counts.falsePositives), String(counts.falseNegatives)])
        }
        out += labels.render(width: nil, terminal: terminal)
        if !report.misses.isEmpty && misses > 0 {
            out.append("")
            out.append(terminal.paint("Misses (\(report.misses.count))", .bold) + (report.misses.count > misses ? ", first \(misses):" : ":"))
            for miss in report.misses.prefix(misses) {
                let expected = Self.labels(miss.item.orientation, miss.item.tactics, miss.item.antiPatterns)
                let found = Self.labels(miss.foundOrientation, miss.foundTactics, miss.foundAntiPatterns)
                out.append("  \(TerminalSanitizer.clean(miss.item.location.description)) \(TerminalSanitizer.clean(miss.item.id))")
                out.append("    " + TerminalSanitizer.clean(miss.item.reply))
                out.append("    expected " + expected)
                out.append("    found    " + found)
            }
        }
        return out
    }

    static func labels(_ orientation: ValueType?, _ tactics: [String], _ anti: [String]) -> String {
        TerminalSanitizer.clean("\(orientation?.rawValue ?? "none") [\((tactics + anti.map { "!" + $0 }).joined(separator: ", "))]")
    }

    static func f(_ value: Double) -> String { String(format: "%.3f", value) }
}
