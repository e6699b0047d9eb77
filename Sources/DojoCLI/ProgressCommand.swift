import ArgumentParser
import DojoKit
import DojoStore
import Foundation

/// `dojo progress`: where a trainee stands, tactic by tactic, and what to practise next.
struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress",
        abstract: "Per value type and tactic: used when expected, average credit; alignment; weakest tactics; what next.",
        discussion: """
        "Used" counts the replies (not rewound) whose turn expected the tactic and that were credited with it;
        "credit" is the average score of those replies. The recommendation is the next step of the trainee's
        track (--track, else the track with most steps passed), else a scenario that exercises the weakest
        tactic and is not passed.
        """
    )

    @Option(help: "Whose progress (default: $USER).")
    var trainee: String?

    @Option(help: "Recommend the next step of this track (default: the track with most steps passed, if any).")
    var track: String?

    @OptionGroup var display: DisplayOptions

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        let name = StoreOptions.trainee(trainee)
        let store = try storeOptions.open(create: false)
        let history = try TrackCommand.history(of: name, in: store)
        let sessions = history.sessions
        let library = try scenarioOptions.library(quiet: true)
        let ui = display.lang ?? .en
        let terminal = Terminal.current(noColor: display.noColor)
        let clean = TerminalSanitizer.clean
        guard !sessions.isEmpty else {
            print(ui.pick("\(clean(name)) 还没有练习记录。先试试 `dojo play` 或 `dojo drill`。",
                          "No sessions for \(clean(name)) yet. Start with `dojo play` or `dojo drill`."))
            return
        }
        let analysis = ProgressAnalysis(sessions: sessions, catalog: library.catalog)
        let renderer = ExplanationRenderer(catalog: library.catalog, chinese: ui == .zh)
        print(terminal.paint(ui.pick("━━ \(clean(name)) 的进度 ━━", "━━ Progress of \(clean(name)) ━━"), .bold))
        print(ui.label("练习", "Sessions") + "\(analysis.sessions) " + ui.pick("次角色扮演", "role-plays")
              + ", \(sessions.count - analysis.sessions) " + ui.pick("次分类练习", "drills"))
        print(ui.label("类型匹配率", "Type alignment") + Self.percent(analysis.alignmentRate)
              + " (\(analysis.matched)/\(analysis.replies))")
        print("")
        var types = TextTable(headers: [ui.pick("价值类型", "value type"), ui.pick("应用/应有", "used/expected"), ui.pick("平均得分", "avg credit")],
                              alignments: [.left, .right, .right])
        for t in analysis.types where t.expected > 0 {
            types.rows.append([ui.name(of: t.valueType), "\(t.used)/\(t.expected)", "\(t.averageCredit)"])
        }
        if !types.rows.isEmpty { types.render(width: terminal.width, terminal: terminal).forEach { print($0) } }
        print("")
        var tactics = TextTable(headers: [ui.pick("战术", "tactic"), ui.pick("应用/应有", "used/expected"), ui.pick("比例", "rate"),
                                          ui.pick("平均得分", "avg credit")],
                                alignments: [.left, .right, .right, .right], flexibleColumn: 0)
        for t in analysis.tactics {
            tactics.rows.append([clean(renderer.name(t.id)), "\(t.used)/\(t.expected)", Self.percent(t.rate), "\(t.averageCredit)"])
        }
        tactics.render(width: terminal.width, terminal: terminal).forEach { print($0) }
        if !analysis.weakest.isEmpty {
            print("")
            print(terminal.paint(ui.pick("最弱的战术", "Weakest tactics"), .bold))
            for (i, t) in analysis.weakest.enumerated() {
                print("\(i + 1). \(clean(renderer.name(t.id))) — \(t.used)/\(t.expected)")
                if let example = t.example { print("   " + ui.pick("你的回答：", "Your reply: ") + "“" + clean(example) + "”") }
            }
        }
        print("")
        let recommendation = try TrackCommand.recommendation(track: track, trainee: name, history: history, analysis: analysis,
                                                             library: library, scenarioOptions: scenarioOptions)
        print(ui.label("下一步", "Next") + Self.describe(recommendation, library: library, renderer: renderer, ui: ui))
    }

    static func percent(_ rate: Double) -> String { "\(Int((rate * 100).rounded()))%" }

    static func describe(_ r: Recommendation?, library: ScenarioLibrary, renderer: ExplanationRenderer, ui: UILanguage) -> String {
        guard let r else { return ui.pick("全部通过了。", "everything is passed.") }
        let clean = TerminalSanitizer.clean
        let command = switch r.kind {
        case .scenario: "dojo play \(clean(r.id))"
        case .drill: "dojo drill"
        case .guide: "dojo guide"
        }
        let why = switch r.reason {
        case let .weakTactic(id): ui.pick("练习“\(clean(renderer.name(id)))”", "exercises \(clean(renderer.name(id)))")
        case .lowAlignment: ui.pick("先练习识别客户类型", "practise naming the buyer's type first")
        case .notYetPassed: ui.pick("还没有通过", "not yet passed")
        case let .trackStep(track, step): ui.pick("课程 \(clean(track)) 第 \(step) 步", "step \(step) of track \(clean(track))")
        }
        return "`\(command)` (\(why))"
    }
}
