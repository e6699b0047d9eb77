import ArgumentParser
import DojoKit
import Foundation

/// `dojo replay FILE`: re-render a recorded role-play or drill; `--regrade` scores it again with
/// today's evaluator and recomputes the total.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Show a recorded session or drill again; --regrade re-scores it and shows what changed.",
        discussion: """
        The transcript is read as it streams, so a large one costs little memory. Every piece of recorded
        text is cleaned of terminal escapes before it is shown.
        """
    )

    @Argument(help: ArgumentHelp("A transcript written by `dojo play` or `dojo drill` (.jsonl).", valueName: "file"))
    var file: String

    @Flag(help: "Score every reply again with the current evaluator and playbooks, show the differences and the new total.")
    var regrade = false

    @OptionGroup var display: DisplayOptions

    @OptionGroup var scenarioOptions: ScenarioOptions

    /// Opens the transcript with a message that says what the path is when it is not a transcript.
    static func open(_ file: String) throws -> TranscriptReader {
        do { return try TranscriptReader(path: file) } catch {
            switch error {
            case .missing: throw CLIError.cannotOpen(path: file, reason: "there is no such file")
            case .folder: throw CLIError.cannotOpen(path: file, reason: "it is a folder; give one transcript file (.jsonl) from it")
            case .notRegularFile: throw CLIError.cannotOpen(path: file, reason: "it is not a regular file (a FIFO, device or socket)")
            case let .unreadable(reason): throw CLIError.cannotOpen(path: file, reason: reason)
            }
        }
    }

    /// First pass: checks every line (so damage is reported before anything is shown) and collects
    /// what the display needs ahead of time, keeping only small facts, not the records.
    struct Survey {
        var first: TranscriptRecord?
        var rewound: Set<Int> = []
        var ended = false
    }

    static func survey(_ file: String) throws -> Survey {
        let reader = try open(file)
        var survey = Survey()
        do {
            while let record = try reader.next() {
                switch record {
                case .start, .drillStart: if survey.first == nil { survey.first = record }
                case let .rewind(r): survey.rewound.insert(r.number)
                case .end, .drillEnd: survey.ended = true
                default: break
                }
            }
        } catch {
            throw CLIError.damagedTranscript(path: file, detail: error.description)
        }
        return survey
    }

    func run() throws {
        let survey = try Self.survey(file)
        let library = try scenarioOptions.library()
        let terminal = Terminal.current(noColor: display.noColor)
        switch survey.first {
        case let .start(start)?:
            try replayPlay(start: start, survey: survey, library: library, terminal: terminal)
        case let .drillStart(start)?:
            try replayDrill(start: start, survey: survey, library: library, terminal: terminal)
        default:
            throw CLIError.damagedTranscript(path: file, detail: "missing its first line: it has no start or drill_start record")
        }
    }

    private func note(_ text: String, _ terminal: Terminal) { print(terminal.paint(text, .yellow)) }

    private func header(title: String, trainee: String, mode: String, seed: String, startedAt: String?, ui: UILanguage, terminal: Terminal) {
        let clean = TerminalSanitizer.clean
        print(terminal.paint("━━ \(clean(title)) ━━", .bold))
        print(ui.label("记录", "Transcript") + clean(file))
        print(ui.label("学员", "Trainee") + clean(trainee) + "  · " + ui.label("模式", "mode") + clean(mode) + "  · seed " + clean(seed)
              + (startedAt.map { "  · " + clean($0) } ?? ""))
    }

    private func skipped(_ kind: String, line: Int, ui: UILanguage, terminal: Terminal) {
        let kind = TerminalSanitizer.clean(kind)
        print(terminal.paint(ui.pick("（第 \(line) 行是这个版本不认识的记录“\(kind)”，已跳过）",
                                     "(line \(line) is a \"\(kind)\" record this version does not know; skipped)"), .dim))
    }

    private func replayPlay(start: StartRecord, survey: Survey, library: ScenarioLibrary, terminal: Terminal) throws {
        let clean = TerminalSanitizer.clean
        let scenario = library.scenario(start.scenario)
        let ui = display.lang ?? (scenario.map { UILanguage.resolve(nil, for: $0.language) } ?? .en)
        let renderer = ExplanationRenderer(catalog: library.catalog, chinese: ui == .zh)
        let buyerName = clean(scenario?.persona.name ?? ui.pick("买家", "Buyer"))
        header(title: scenario?.title ?? start.scenario, trainee: start.trainee, mode: start.mode.rawValue, seed: start.seed,
               startedAt: start.startedAt, ui: ui, terminal: terminal)
        if let recorded = start.scenarioHash, let scenario, !scenario.contentHash.isEmpty, recorded != scenario.contentHash {
            note(ui.pick("注意：情景文件在这次练习之后改过。", "Note: the scenario file has changed since this session."), terminal)
        }
        if scenario == nil {
            let id = clean(start.scenario)
            note(ui.pick("注意：找不到情景 \(id)，只显示记录的内容。", "Note: scenario \(id) is not in the library; showing the record only."), terminal)
        }
        let evaluator = regrade ? try scenarioOptions.evaluator(for: library) : nil
        var regrader = scenario.flatMap { s in evaluator.map { Regrader(scenario: s, evaluator: $0) } }
        if regrade && scenario == nil {
            note(ui.pick("没有情景文件，无法重新评分。", "Without the scenario file the replies cannot be regraded."), terminal)
        }
        let reader = try Self.open(file)
        do {
            while let record = try reader.next() {
                let outcome = regrader?.add(record)
                switch record {
                case let .buyer(b):
                    print("")
                    print(terminal.paint(buyerName, .bold, .magenta) + ": " + clean(b.text))
                case let .typeGuess(g):
                    print(ui.label("类型判断", "Type guess") + clean(g.answer) + (g.correct ? " ✓" : " ✗"))
                case let .hint(h):
                    print(terminal.paint(ui.pick("（提示）", "(hint) ") + clean(h.text), .dim))
                case let .rewind(r):
                    print(terminal.paint(ui.pick("（撤回第 \(r.number) 轮）", "(rewound reply \(r.number))"), .dim))
                case let .flag(f):
                    print(terminal.paint(ui.pick("（标记了第 \(f.number) 轮的评分）", "(flagged the score of reply \(f.number))")
                                         + (f.note.isEmpty ? "" : " " + clean(f.note)), .yellow))
                case let .reply(reply):
                    var line = ui.pick("你", "You") + " #\(reply.number): " + clean(reply.text)
                    if survey.rewound.contains(reply.number) { line += terminal.paint(ui.pick("（已撤回）", " (rewound)"), .dim) }
                    print(line)
                    let used = reply.assessment.used
                    var summary = "  " + ui.pick("得分", "score") + " \(reply.assessment.score.map(String.init) ?? "-")"
                        + "  " + reply.assessment.alignment.rawValue
                    if !used.isEmpty { summary += "  " + used.map { clean(renderer.name($0)) }.joined(separator: ", ") }
                    print(terminal.paint(summary, .dim))
                    if let change = outcome?.change {
                        var diff = "  " + terminal.paint(ui.pick("重新评分", "regraded"), .yellow)
                            + ": \(change.before.map(String.init) ?? "-") → \(change.after.map(String.init) ?? "-")"
                        if change.alignmentBefore != change.alignmentAfter {
                            diff += "  \(change.alignmentBefore.rawValue) → \(change.alignmentAfter.rawValue)"
                        }
                        if !change.added.isEmpty { diff += "  +" + change.added.map(clean).joined(separator: " +") }
                        if !change.removed.isEmpty { diff += "  −" + change.removed.map(clean).joined(separator: " −") }
                        print(diff)
                    }
                    if let reaction = reply.reaction {
                        print(terminal.paint(buyerName, .bold, .magenta) + ": " + clean(reaction))
                    }
                case let .end(end):
                    print("")
                    print(terminal.paint(ui.pick("══ 成绩单 ══", "══ Scorecard ══"), .bold))
                    let title = end.ending.flatMap { scenario?.ending($0)?.title }
                    print(ui.label("结果", "Outcome") + (end.endingKind.map { ui.name(of: $0) } ?? ui.pick("未完成", "not finished"))
                          + (title.map { " — " + clean($0) } ?? ""))
                    print(ui.pick("总分", "Total") + " \(end.scorecard.total)/100")
                    if let passed = end.scorecard.passed {
                        let reason = end.scorecard.reason.map { clean($0) }
                        print(passed ? ui.pick("考试通过", "Exam passed")
                              : ui.pick("考试未通过", "Exam not passed") + (reason.map { " (\($0))" } ?? ""))
                    }
                case let .unknown(kind):
                    skipped(kind, line: reader.line, ui: ui, terminal: terminal)
                case .start, .drillStart, .drillAnswer, .drillEnd:
                    continue
                }
            }
        } catch {
            throw CLIError.damagedTranscript(path: file, detail: error.description)
        }
        if reader.tornLastLine {
            note(ui.pick("注意：最后一行不完整（会话被中断），已忽略。", "Note: the last line was torn (the session was interrupted) and is ignored."), terminal)
        }
        if !survey.ended {
            print("")
            note(ui.pick("会话没有正常结束（记录到此为止）。", "The session did not end normally (the record stops here)."), terminal)
        }
        if let regrader {
            let result = regrader.result()
            print("")
            print(ui.pick("重新评分：\(result.regraded) 个回答，\(result.changes.count) 个有变化。",
                          "Regraded \(result.regraded) replies: \(result.changes.count) changed."))
            let before = result.totalBefore.map(String.init) ?? "-"
            print(ui.pick("总分：记录 \(before) → 现在 \(result.totalAfter)/100", "Total: recorded \(before) → now \(result.totalAfter)/100"))
            if let passed = result.passedAfter, passed != result.passedBefore {
                print(passed ? ui.pick("按现在的评分，考试通过。", "With today's scores the exam is passed.")
                             : ui.pick("按现在的评分，考试未通过。", "With today's scores the exam is failed."))
            }
        }
    }

    private func replayDrill(start: DrillStartRecord, survey: Survey, library: ScenarioLibrary, terminal: Terminal) throws {
        let clean = TerminalSanitizer.clean
        let set = library.drills.first { $0.id == start.drill }
        let ui = display.lang ?? (set.map { $0.language.isChinese ? .zh : .en } ?? .en)
        header(title: set?.title ?? start.drill, trainee: start.trainee, mode: "drill", seed: start.seed,
               startedAt: start.startedAt, ui: ui, terminal: terminal)
        if set == nil {
            let id = clean(start.drill)
            note(ui.pick("注意：找不到练习 \(id)，只显示记录的内容。", "Note: drill \(id) is not in the library; showing the record only."), terminal)
        }
        if regrade {
            note(ui.pick("练习记录不需要重新评分：类型判断不依赖评分器。", "A drill has nothing to regrade: naming a type does not depend on the evaluator."), terminal)
        }
        let reader = try Self.open(file)
        do {
            while let record = try reader.next() {
                switch record {
                case let .drillAnswer(a):
                    let statement = set?.items.first { $0.id == a.item }?.statement
                    print("")
                    print(terminal.paint("[\(a.number)]", .bold) + " " + ui.pick("客户说：", "The buyer says: ")
                          + "“" + clean(statement ?? a.item) + "”")
                    print("> " + clean(a.text))
                    let actual = a.type.map { ui.name(of: $0) } ?? "?"
                    print(a.correct ? terminal.paint(ui.pick("✓ 正确：\(actual)", "✓ Right: \(actual)"), .green)
                                    : terminal.paint(ui.pick("✗ 是\(actual)", "✗ It is \(actual)"), .red))
                    if let fits = a.reasonFits {
                        print("  " + (fits ? ui.pick("理由 ✓", "Reason ✓") : ui.pick("理由 ✗", "Reason ✗")))
                    }
                case let .drillEnd(end):
                    print("")
                    print(terminal.paint(ui.pick("══ 成绩 ══", "══ Result ══"), .bold))
                    if end.answered > 0 {
                        let percent = end.correct * 100 / end.answered
                        print(ui.label("正确率", "Accuracy") + "\(end.correct)/\(end.answered) (\(percent)%)")
                    } else {
                        print(ui.pick("没有作答。", "Nothing answered."))
                    }
                case let .unknown(kind):
                    skipped(kind, line: reader.line, ui: ui, terminal: terminal)
                default:
                    continue
                }
            }
        } catch {
            throw CLIError.damagedTranscript(path: file, detail: error.description)
        }
        if reader.tornLastLine {
            note(ui.pick("注意：最后一行不完整（练习被中断），已忽略。", "Note: the last line was torn (the drill was interrupted) and is ignored."), terminal)
        }
        if !survey.ended {
            print("")
            note(ui.pick("练习没有正常结束（记录到此为止）。", "The drill did not end normally (the record stops here)."), terminal)
        }
    }
}
