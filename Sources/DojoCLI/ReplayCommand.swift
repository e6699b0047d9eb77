import ArgumentParser
import DojoKit
import Foundation

/// `dojo replay FILE`: re-render a recorded session; `--regrade` scores it again with today's evaluator.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Show a recorded session again; --regrade re-scores it and shows what changed."
    )

    @Argument(help: ArgumentHelp("A transcript written by `dojo play` (.jsonl).", valueName: "file"))
    var file: String

    @Flag(help: "Score every reply again with the current evaluator and playbooks, and show the differences.")
    var regrade = false


    @OptionGroup var display: DisplayOptions

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw CLIError.cannotOpen(path: file, reason: "no such file or not readable")
        }
        let transcript: Transcript
        do { transcript = try Transcript.parse([UInt8](data)) } catch {
            throw CLIError.damagedTranscript(path: file, detail: error.description)
        }
        if transcript.events.first?["event"]?.stringValue == "drill_start" {
            throw CLIError.damagedTranscript(path: file, detail: "it is a drill record; `dojo replay` shows role-plays")
        }
        guard let start = transcript.start, let scenarioID = start["scenario"]?.stringValue else {
            throw CLIError.damagedTranscript(path: file, detail: "it has no start event")
        }
        let library = try scenarioOptions.library()
        let scenario = library.scenario(scenarioID)
        let terminal = Terminal.current(noColor: display.noColor)
        let ui = display.lang ?? (scenario.map { UILanguage.resolve(nil, for: $0.language) } ?? .en)
        let evaluator = try scenarioOptions.evaluator(for: library)
        let renderer = ExplanationRenderer(catalog: library.catalog, chinese: ui == .zh)
        let buyerName = scenario?.persona.name ?? ui.pick("买家", "Buyer")

        let mode = start["mode"]?.stringValue ?? "practice"
        print(terminal.paint("━━ \(scenario?.title ?? scenarioID) ━━", .bold))
        print(ui.label("记录", "Transcript") + "\(file)")
        print(ui.label("学员", "Trainee") + "\(start["trainee"]?.stringValue ?? "")  · " + ui.label("模式", "mode") + "\(mode)  · seed \(start["seed"]?.stringValue ?? "?")"
              + (start["started_at"]?.stringValue.map { "  · \($0)" } ?? ""))
        if let recorded = start["scenario_hash"]?.stringValue, let scenario,
           let current = PlayDriver.contentHash(of: scenario.location.file), recorded != current {
            print(terminal.paint(ui.pick("注意：情景文件在这次练习之后改过。", "Note: the scenario file has changed since this session."), .yellow))
        }
        if transcript.tornLastLine {
            print(terminal.paint(ui.pick("注意：最后一行不完整（会话被中断），已忽略。", "Note: the last line was torn (the session was interrupted) and is ignored."), .yellow))
        }
        if scenario == nil {
            print(terminal.paint(ui.pick("注意：找不到情景 \(scenarioID)，只显示记录的内容。", "Note: scenario \(scenarioID) is not in the library; showing the record only."), .yellow))
        }

        let rewound = Set(transcript.events.filter { $0["event"]?.stringValue == "rewind" }.compactMap { $0["n"].flatMap(Self.int) })
        var changed = 0, regraded = 0
        for event in transcript.events {
            switch event["event"]?.stringValue {
            case "buyer":
                print("")
                print(terminal.paint(buyerName, .bold, .magenta) + ": " + TerminalSanitizer.clean(event["text"]?.stringValue ?? ""))
            case "type_guess":
                print(ui.label("类型判断", "Type guess") + "\(TerminalSanitizer.clean(event["answer"]?.stringValue ?? ""))"
                      + ((event["correct"] == .bool(true)) ? " ✓" : " ✗"))
            case "hint":
                print(terminal.paint(ui.pick("（提示）", "(hint) ") + (event["text"]?.stringValue ?? ""), .dim))
            case "rewind":
                print(terminal.paint(ui.pick("（撤回第 \(event["n"].flatMap(Self.int) ?? 0) 轮）", "(rewound reply \(event["n"].flatMap(Self.int) ?? 0))"), .dim))
            case "reply":
                let number = event["n"].flatMap(Self.int) ?? 0
                let text = event["text"]?.stringValue ?? ""
                let assessment = event["assessment"]
                let score = assessment?["score"].flatMap(Self.int)
                let used = Self.usedTactics(assessment)
                var line = ui.pick("你", "You") + " #\(number): " + TerminalSanitizer.clean(text)
                if rewound.contains(number) { line += terminal.paint(ui.pick("（已撤回）", " (rewound)"), .dim) }
                print(line)
                var summary = "  " + ui.pick("得分", "score") + " \(score.map(String.init) ?? "-")"
                    + "  " + (assessment?["alignment"]?.stringValue ?? "")
                if !used.isEmpty { summary += "  " + used.map(renderer.name).joined(separator: ", ") }
                print(terminal.paint(summary, .dim))
                if regrade, let scenario, let turnID = event["turn"]?.stringValue {
                    regraded += 1
                    let expectation = scenario.turn(turnID).map(TurnExpectation.init)
                    let now = evaluator.assess(text, buyer: scenario.valueType, expectation: expectation)
                    let nowUsed = now.usedTactics.map(\.id) + now.antiPatterns.map(\.id)
                    if now.score != score || Set(nowUsed) != Set(used) {
                        changed += 1
                        var diff = "  " + terminal.paint(ui.pick("重新评分", "regraded"), .yellow) + ": \(score.map(String.init) ?? "-") → \(now.score ?? 0)"
                        let added = Set(nowUsed).subtracting(used).sorted(), removed = Set(used).subtracting(nowUsed).sorted()
                        if !added.isEmpty { diff += "  +" + added.joined(separator: " +") }
                        if !removed.isEmpty { diff += "  −" + removed.joined(separator: " −") }
                        print(diff)
                    }
                }
                if let reaction = event["reaction"]?.stringValue {
                    print(terminal.paint(buyerName, .bold, .magenta) + ": " + TerminalSanitizer.clean(reaction))
                }
            case "end":
                let card = event["scorecard"]
                print("")
                print(terminal.paint(ui.pick("══ 成绩单 ══", "══ Scorecard ══"), .bold))
                let kind = event["kind"]?.stringValue.flatMap(Ending.Kind.init(rawValue:))
                let title = event["ending"]?.stringValue.flatMap { scenario?.ending($0)?.title }
                print(ui.label("结果", "Outcome") + (kind.map { ui.name(of: $0) } ?? ui.pick("未完成", "not finished"))
                      + (title.map { " — \($0)" } ?? ""))
                print(ui.pick("总分", "Total") + " \(card?["total"].flatMap(Self.int) ?? 0)/100")
                if case let .bool(passed)? = card?["passed"] {
                    let reason = card?["reason"]?.stringValue.map { TerminalSanitizer.clean($0) }
                    print(passed ? ui.pick("考试通过", "Exam passed")
                          : ui.pick("考试未通过", "Exam not passed") + (reason.map { " (\($0))" } ?? ""))
                }
            default:
                continue
            }
        }
        if !transcript.events.contains(where: { $0["event"]?.stringValue == "end" }) {
            print("")
            print(terminal.paint(ui.pick("会话没有正常结束（记录到此为止）。", "The session did not end normally (the record stops here)."), .yellow))
        }
        if regrade {
            print("")
            print(ui.pick("重新评分：\(regraded) 个回答，\(changed) 个有变化。", "Regraded \(regraded) replies: \(changed) changed."))
        }
    }

    static func int(_ value: JSONValue) -> Int? {
        if case let .number(n) = value { return Int(n) }
        return nil
    }

    static func usedTactics(_ assessment: JSONValue?) -> [String] {
        guard case let .array(items)? = assessment?["tactics"] else { return [] }
        return items.filter { $0["used"] == .bool(true) }.compactMap { $0["id"]?.stringValue }
    }
}
