import ArgumentParser
import DojoKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `dojo drill`: name the value type of buyer statements, with feedback and a confusion table.
struct DrillCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drill",
        abstract: "Classification drill: read what a buyer says and name the buyer's value type (and why).",
        discussion: """
        Answer with 1/2/3, i/e/s, 内/外/战 or the type's name, optionally followed by your reason, e.g. \
        "内 他只看价格" or "3 both CEOs want a joint plan". The reason is checked against the type's buying criteria. \
        Works piped (one answer per line). Recorded like `dojo play`.
        """
    )


    // `.unconditional`: `--seed -1` is a bad seed, not a missing value followed by an unknown option.
    @Option(parsing: .unconditional, help: ArgumentHelp("Seed for the order of statements (default: from the clock; recorded in the transcript). A whole number from 0 to 18446744073709551615."))
    var seed: UInt64?

    @Option(name: .customLong("set"), help: "Drill set id (default: the one in the UI language).")
    var setID: String?

    // Unconditional parsing takes `-3` as the value, so the error says what is wrong with it.
    @Option(parsing: .unconditional, help: "How many statements.")
    var count: Int = 10

    @Option(help: "Your name, recorded in the transcript (default: $USER).")
    var trainee: String?

    @Option(help: ArgumentHelp("Write the transcript here instead of the default folder.", valueName: "file"))
    var transcript: String?

    @OptionGroup var display: DisplayOptions

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if count < 1 { throw ValidationError("--count must be at least 1 (got \(count)): it is how many statements to answer.") }
    }

    func run() throws {
        let library = try scenarioOptions.library(need: .drills)
        let ui = display.lang ?? .zh
        let chosen = setID.map { id in library.drills.first { $0.id == id } }
            ?? library.drills.first(where: { $0.language.isChinese == (ui == .zh) }) ?? library.drills.first
        guard let set = chosen else {
            if let setID { throw CLIError.unknownDrill(id: setID, known: library.drills.map(\.id)) }
            throw CLIError.noDrills
        }
        let terminal = Terminal.current(noColor: display.noColor)
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let source: ReplySource = interactive ? LineEditor(historyFile: PlayCommand.historyFile()) : PipedReplies(ui: ui)
        let seed = seed ?? UInt64(Date().timeIntervalSince1970 * 1000)
        var session = DrillSession(set: set, catalog: library.catalog, seed: seed, count: count)
        let writer = try TranscriptWriter(path: transcript ?? TranscriptWriter.defaultPath(scenario: set.id))
        do {
            try writer.append(TranscriptRecord.drillStart(DrillStartRecord(session, trainee: trainee ?? ProcessInfo.processInfo.environment["USER"] ?? "",
                                                                           startedAt: Timestamp.now())).encoded())
        } catch {
            writer.discardIfEmpty()  // a full disk: no empty record left behind
            throw error
        }

        print(terminal.paint("━━ \(set.title) ━━", .bold))
        print(terminal.paint(ui.pick("回答：1 内在价值型 / 2 外在价值型 / 3 战略价值型，可以在后面写上理由。",
                                     "Answer 1 intrinsic / 2 extrinsic / 3 strategic, optionally followed by your reason."), .dim))
        var status: Int32 = 0
        var interrupted = false
        loop: while let item = session.current {
            print("")
            print(terminal.paint("[\(session.answers.count + 1)/\(session.items.count)]", .bold) + " "
                  + ui.pick("客户说：", "The buyer says: ") + "“" + TerminalSanitizer.clean(item.statement) + "”")
            var text = ""
            while text.isEmpty {
                switch source.read(prompt: "type> ") {
                case let .line(line):
                    text = TerminalSanitizer.clean(line).trimmingCharacters(in: .whitespaces)
                    interrupted = false
                    if !text.isEmpty && ValueType.parsePrefix(text) == nil {
                        if !source.interactive { print("> " + text) }
                        print(ui.pick("请先写类型：1/2/3、内/外/战 或类型名称，理由可以跟在后面。",
                                      "Start with the type: 1/2/3, i/e/s or its name; a reason may follow."))
                        text = ""
                    }
                case let .interrupted(emptyLine):
                    if interrupted && emptyLine { break loop }
                    interrupted = true
                    print(terminal.paint(ui.pick("（再按一次 Ctrl-C 结束）", "(press Ctrl-C again to end)"), .dim))
                case .endOfInput:
                    break loop
                case let .terminated(signal):
                    status = 128 + signal
                    break loop
                }
            }
            if !source.interactive { print("> " + text) }
            source.remember(text)
            guard let answer = session.answer(text) else { break }
            try writer.append(TranscriptRecord.drillAnswer(DrillAnswerRecord(answer)).encoded())
            let typeName = ui.name(of: item.type)
            if answer.correct {
                print(terminal.paint(ui.pick("✓ 正确：\(typeName)", "✓ Right: \(typeName)"), .green))
            } else {
                print(terminal.paint(ui.pick("✗ 是\(typeName)，不是\(ui.name(of: answer.guess ?? item.type))", "✗ It is \(typeName), not \(ui.name(of: answer.guess ?? item.type))"), .red))
            }
            if let fits = answer.reasonFits {
                let quotes = answer.reasonEvidence.first { $0.type == item.type }?.quotes ?? []
                if fits {
                    print("  " + ui.pick("理由 ✓ 说到了这类客户的采购标准：", "Reason ✓ names this buyer's criteria: ")
                          + quotes.map { "“\($0)”" }.joined(separator: ui.pick("、", ", ")))
                } else {
                    let profile = library.catalog.playbook(for: item.type)?.profile
                    print("  " + ui.pick("理由 ✗ 没有说到这类客户看重的：", "Reason ✗ misses what this buyer values: ")
                          + (profile.map { ui.pick($0.values.zh, $0.values.en) } ?? typeName))
                }
            }
            print(terminal.paint("  " + ui.pick("要点：", "Key: ") + item.why, .dim))
            print(terminal.paint("  " + ui.pick("出处：", "Source: ") + item.source, .dim))
        }
        try writer.append(TranscriptRecord.drillEnd(DrillEndRecord(session, endedAt: Timestamp.now())).encoded())
        for line in DrillReport(session: session, ui: ui, terminal: terminal).lines() { print(line) }
        print(terminal.paint(ui.pick("记录已保存：", "Transcript saved: ") + writer.path, .dim))
        storeOptions.recordSession(transcript: writer.path, library: library)
        if status != 0 { throw ExitCode(status) }
    }
}

/// The end of a drill: accuracy and a per-type confusion table with CJK-aware columns.
struct DrillReport {
    var session: DrillSession
    var ui: UILanguage
    var terminal: Terminal

    func lines() -> [String] {
        let answered = session.answers.count
        var out = ["", terminal.paint(ui.pick("══ 成绩 ══", "══ Result ══"), .bold)]
        guard answered > 0 else { return out + [ui.pick("没有作答。", "Nothing answered.")] }
        let percent = Int((Double(session.correctCount) / Double(answered) * 100).rounded())
        out.append(ui.label("正确率", "Accuracy") + "\(session.correctCount)/\(answered) (\(percent)%)")
        let reasons = session.answers.compactMap(\.reasonFits)
        if !reasons.isEmpty {
            out.append(ui.label("理由说中标准", "Reasons on the criteria") + "\(reasons.filter { $0 }.count)/\(reasons.count)")
        }
        let short: [String] = ValueType.allCases.map { ui.pick(String($0.chineseName.prefix(2)), $0.rawValue) }
        var table = TextTable(headers: [ui.pick("实际 \\ 判为", "actual \\ guessed")] + short,
                              alignments: [.left, .right, .right, .right])
        for type in ValueType.allCases {
            table.rows.append([ui.name(of: type)] + session.confusion[type.ordinal].prefix(3).map(String.init))
        }
        out += table.render(width: nil, terminal: terminal)
        return out
    }
}
