import ArgumentParser
import DojoKit
import Foundation

/// `dojo guide [TYPE]`: the three-type chart in the terminal, or exported for handouts.
struct GuideCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "guide",
        abstract: "The three value types side by side (or one in depth): what they value, how they buy, how to sell.",
        discussion: "Fits the terminal width (side by side when wide, stacked when narrow). --format markdown|svg exports the same chart."
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, markdown, svg }

    @Argument(help: ArgumentHelp("One type in depth: intrinsic, extrinsic or strategic (also 1/2/3, 内/外/战).", valueName: "type"))
    var type: String?


    @Option(help: "Output: text (terminal), markdown or svg.")
    var format: Format = .text

    @Option(help: "Width in columns for text output (default: the terminal's, or 80).")
    var width: Int?

    @Option(help: "Who is reading (default: $USER); the text chart marks the guide step of their track done.")
    var trainee: String?

    @OptionGroup var display: DisplayOptions

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var scenarioOptions: ScenarioOptions

    func validate() throws {
        if let type, ValueType.parse(type) == nil {
            throw ValidationError("'\(type)' is not a value type; use intrinsic, extrinsic or strategic (or 1/2/3, 内/外/战).")
        }
        if let width, width < 20 { throw ValidationError("--width must be at least 20.") }
    }

    func run() throws {
        let library = try scenarioOptions.library(need: .playbooks)
        guard !library.catalog.playbooks.isEmpty else { throw CLIError.noPlaybooks }
        let chart = GuideChart(catalog: library.catalog, chinese: (display.lang ?? .zh) == .zh, only: type.flatMap(ValueType.parse))
        switch format {
        case .markdown: print(chart.markdown(), terminator: "")
        case .svg: print(chart.svg(), terminator: "")
        case .text:
            let terminal = Terminal.current(noColor: display.noColor)
            for line in GuideLayout(chart: chart, terminal: terminal).lines(width: width ?? terminal.width ?? 80) { print(line) }
            // Reading the chart is the first step of every track; exports (markdown, svg) are handouts, not reading.
            storeOptions.recordGuideRead(trainee: StoreOptions.trainee(trainee))
        }
    }
}

/// Lays the chart out in the terminal: columns side by side when each gets at least
/// `minimumColumn` display columns, otherwise one panel under the other.
struct GuideLayout {
    var chart: GuideChart
    var terminal: Terminal
    static let minimumColumn = 30
    static let separator = " │ "

    func lines(width: Int) -> [String] {
        let count = chart.columns.count
        let sideBySide = count > 1 && (width - (count - 1) * DisplayWidth.of(Self.separator)) / count >= Self.minimumColumn
        var out = [terminal.paint(DisplayWidth.truncate(chart.title, to: width), .bold), ""]
        if sideBySide {
            let columnWidth = (width - (count - 1) * DisplayWidth.of(Self.separator)) / count
            // Sections line up across columns: each starts on the same row in every panel.
            let sectionCount = chart.columns.map(\.sections.count).max() ?? 0
            var blocks = chart.columns.map { header($0, width: columnWidth) }
            for index in 0..<sectionCount {
                let parts = chart.columns.map { column in
                    index < column.sections.count ? section(column.sections[index], width: columnWidth) : []
                }
                let tallest = parts.map(\.count).max() ?? 0
                for k in blocks.indices {
                    blocks[k] += parts[k] + Array(repeating: (text: "", style: nil), count: tallest - parts[k].count)
                }
            }
            let height = blocks.map(\.count).max() ?? 0
            for row in 0..<height {
                let cells = blocks.enumerated().map { index, block -> String in
                    let cell = row < block.count ? block[row] : (text: "", style: nil)
                    let padded = index == count - 1 ? cell.text : DisplayWidth.padRight(cell.text, to: columnWidth)
                    return cell.style.map { terminal.paint(padded, $0) } ?? padded
                }
                out.append(trimTrailing(cells.joined(separator: Self.separator)))
            }
        } else {
            for (index, column) in chart.columns.enumerated() {
                if index > 0 { out.append(String(repeating: "─", count: min(width, 60))) }
                for cell in panel(column, width: width) {
                    out.append(cell.style.map { terminal.paint(cell.text, $0) } ?? cell.text)
                }
            }
        }
        return out
    }

    typealias Line = (text: String, style: Terminal.Style?)

    /// One column as lines no wider than `width`, with an optional style per line.
    func panel(_ column: GuideChart.Column, width: Int) -> [Line] {
        header(column, width: width) + column.sections.flatMap { section($0, width: width) }
    }

    func header(_ column: GuideChart.Column, width: Int) -> [Line] {
        [(DisplayWidth.truncate(column.title, to: width), .bold), (DisplayWidth.truncate(column.mode, to: width), .dim)]
    }

    func section(_ section: GuideChart.Section, width: Int) -> [Line] {
        var lines: [Line] = [("", nil), (DisplayWidth.truncate(section.heading, to: width), .cyan)]
        for (i, item) in section.lines.enumerated() {
            let marker = section.numbered ? "\(i + 1). " : "· "
            let indent = DisplayWidth.of(marker)
            for (k, line) in TextWrap.lines(item, width: max(4, width - indent)).enumerated() {
                lines.append(((k == 0 ? marker : String(repeating: " ", count: indent)) + line, nil))
            }
        }
        return lines
    }

    private func trimTrailing(_ s: String) -> String {
        var s = s
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
