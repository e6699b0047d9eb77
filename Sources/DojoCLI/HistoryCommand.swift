import ArgumentParser
import DojoKit
import DojoStore
import Foundation

/// `dojo history`: recent sessions and the score trend per scenario.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Recent sessions (newest last) and the score trend per scenario or drill."
    )

    @Option(help: "Whose sessions (default: $USER).")
    var trainee: String?

    @Option(help: "Only this scenario or drill id.")
    var scenario: String?

    @Option(help: "How many recent sessions to list (default: 20).")
    var limit: Int = 20

    @OptionGroup var display: DisplayOptions

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let name = StoreOptions.trainee(trainee)
        let sessions = try storeOptions.open(create: false).sessions(SessionQuery(trainee: name, activity: scenario))
        let ui = display.lang ?? .en
        let terminal = Terminal.current(noColor: display.noColor)
        let clean = TerminalSanitizer.clean
        guard !sessions.isEmpty else {
            print(ui.pick("\(clean(name)) 没有符合条件的练习记录。", "No sessions for \(clean(name))") + (scenario.map { " (\(clean($0)))" } ?? "") + ui.pick("", "."))
            return
        }
        print(terminal.paint(ui.pick("━━ \(clean(name)) 的练习记录 ━━", "━━ History of \(clean(name)) ━━"), .bold))
        var table = TextTable(headers: [ui.pick("开始", "started"), ui.pick("练习", "exercise"), ui.pick("模式", "mode"),
                                        ui.pick("结果", "outcome"), ui.pick("总分", "total")],
                              alignments: [.left, .left, .left, .left, .right], flexibleColumn: 1)
        for s in sessions.suffix(limit) {
            table.rows.append([clean(String(s.startedAt.prefix(16))).replacingOccurrences(of: "T", with: " "), clean(s.activity), clean(s.mode),
                               s.outcome.rawValue + (s.passed.map { $0 ? " ✓" : " ✗" } ?? ""), "\(s.total)"])
        }
        table.render(width: terminal.width, terminal: terminal).forEach { print($0) }
        print("")
        print(terminal.paint(ui.pick("分数走势", "Score trend"), .bold))
        let byActivity = Dictionary(grouping: sessions.filter { $0.outcome != .unfinished }, by: \.activity)
        for activity in byActivity.keys.sorted() {
            let totals = (byActivity[activity] ?? []).map(\.total)
            let shown = totals.suffix(10)
            let trend = totals.count < 2 ? "" : (totals[totals.count - 1] > totals[totals.count - 2] ? " ↑" : totals[totals.count - 1] < totals[totals.count - 2] ? " ↓" : " →")
            print("  " + clean(activity) + ": " + shown.map(String.init).joined(separator: " → ") + "  " + Self.sparkline(Array(shown)) + trend)
        }
    }

    /// Block characters for totals 0–100.
    static func sparkline(_ values: [Int]) -> String {
        let blocks = Array("▁▂▃▄▅▆▇█")
        return String(values.map { blocks[min(7, max(0, $0) * 8 / 101)] })
    }
}
