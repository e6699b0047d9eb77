import ArgumentParser
import CEditLine
import DojoKit
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `dojo play`: the role-play REPL.
struct PlayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "play",
        abstract: "Role-play a scenario: answer the buyer, get scored and coached, see the scorecard.",
        discussion: """
        Without SCENARIO, pick one from a numbered list. On a terminal you get line editing, history and \
        Tab completion of /commands; from a pipe, one reply per line (plain, stable output). \
        Commands: /help /hint /tactics /why /rewind /score /restart /quit. Ctrl-C cancels the line, \
        Ctrl-D ends with the scorecard. Every session is recorded under $XDG_DATA_HOME/salesdojo/transcripts.

        Exit status: 0 when a practice session ends or an exam is passed; 3 when an exam reached its end \
        below the pass mark; 4 when an exam was not finished (quit, Ctrl-C, Ctrl-D, end of input, the \
        buyer left early, or the time limit ran out); 1 on an error (or when --autoplay model meets a turn without a model answer); 2 on a usage error; 128+N after signal N.
        """
    )

    @Argument(help: ArgumentHelp("Scenario id (see `dojo list`).", valueName: "scenario"))
    var scenarioID: String?

    @Option(help: "practice (feedback after every reply) or exam (feedback at the end, pass mark).")
    var mode: SessionMode = .practice

    @Option(help: "Your name, recorded in the transcript (default: $USER).")
    var trainee: String?

    // `.unconditional`: `--seed -1` is a bad seed, not a missing value followed by an unknown option.
    @Option(parsing: .unconditional, help: ArgumentHelp("Seed for the buyer's line variants (default: from the clock; recorded in the transcript). A whole number from 0 to 18446744073709551615."))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Write the transcript here instead of the default folder.", valueName: "file"))
    var transcript: String?

    @Option(help: "Exam pass mark, 0–100 (default: the scenario's).")
    var pass: Int?

    @Option(name: .customLong("time-limit"),
            help: ArgumentHelp("Exam time limit, e.g. 20m, 90s, 1h30m; shown in the prompt, checked when you press Enter.", valueName: "duration"))
    var timeLimit: TimeLimit?


    @OptionGroup var display: DisplayOptions

    @Option(help: ArgumentHelp("For authors: answer every turn automatically, with its model answer (model) or a non-answer (weak), to check that a scenario can be won and lost.", valueName: "model|weak"))
    var autoplay: Autoplay?

    @Option(help: ArgumentHelp("For authors: when the session reaches an ending, save it as a transcript test plan (its replies, seed, ending and route) that `dojo test` replays. Never overwrites a file.", valueName: "file"))
    var record: String?

    @OptionGroup var scenarioOptions: ScenarioOptions

    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if let record, FileManager.default.fileExists(atPath: record) {
            throw ValidationError("--record: '\(TerminalSanitizer.clean(record))' already exists; give a new file (it is never overwritten).")
        }
        if let pass, !(0...100).contains(pass) { throw ValidationError("--pass must be between 0 and 100.") }
        if timeLimit != nil && mode != .exam { throw ValidationError("--time-limit applies to exams; add --mode exam.") }
    }

    func run() throws {
        let library = try scenarioOptions.library(need: scenarioID.map { .scenario($0) } ?? .everything)
        guard !library.catalog.playbooks.isEmpty else { throw CLIError.noPlaybooks }
        let interactive = isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
        let terminal = Terminal.current(noColor: display.noColor)
        let source: ReplySource = interactive
            ? LineEditor(historyFile: Self.historyFile())
            : PipedReplies(ui: display.lang ?? .zh)
        let scenario: Scenario
        if let scenarioID {
            guard let found = library.scenario(scenarioID) else {
                throw CLIError.unknownScenario(id: scenarioID, suggestion: Suggestion.closest(to: scenarioID, among: library.scenarios.map(\.id)))
            }
            scenario = found
        } else {
            guard let picked = try pick(from: library, source: source, terminal: terminal) else { return }
            scenario = picked
        }
        // Notices about skipped lines speak the session's language from here on.
        (source as? PipedReplies)?.ui = UILanguage.resolve(display.lang, for: scenario.language)
        var driver = PlayDriver(scenario: scenario, evaluator: try scenarioOptions.evaluator(for: library), source: source,
                                terminal: terminal, mode: mode, ui: UILanguage.resolve(display.lang, for: scenario.language),
                                seed: seed ?? UInt64(Date().timeIntervalSince1970 * 1000),
                                trainee: trainee ?? ProcessInfo.processInfo.environment["USER"] ?? "",
                                passMark: pass, transcriptPath: transcript, autoplay: autoplay, timeLimit: timeLimit, recordPath: record,
                                // Authors' autoplay runs are not a trainee's progress.
                                recorded: { if autoplay == nil { storeOptions.recordSession(transcript: $0, library: library) } })
        let status = try driver.run()
        if status != 0 { throw ExitCode(status) }
    }

    /// `$XDG_STATE_HOME/salesdojo/history` (default `~/.local/state/salesdojo/history`).
    static func historyFile() -> String { XDGDirectory.state.path("history") }

    /// A numbered list of scenarios; the rep answers with a number (Enter takes the first).
    private func pick(from library: ScenarioLibrary, source: ReplySource, terminal: Terminal) throws -> Scenario? {
        let ui = display.lang ?? .zh
        let scenarios = library.scenarios.filter { display.lang == nil || ($0.language.isChinese == (display.lang == .zh)) }
        guard !scenarios.isEmpty else { throw CLIError.noScenarios }
        print(terminal.paint(ui.pick("选择一个情景：", "Choose a scenario:"), .bold))
        for (i, s) in scenarios.enumerated() {
            print(DisplayWidth.padLeft("\(i + 1)", to: 3) + ". " + TerminalSanitizer.clean(s.title) + "  "
                  + terminal.paint("[\(ui.name(of: s.valueType)) · \(s.difficulty)/5 · \(TerminalSanitizer.clean(s.id))]", .dim))
        }
        while true {
            switch source.read(prompt: "number> ") {
            case let .line(text):
                let trimmed = text.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty { return scenarios[0] }
                if let n = Int(trimmed), (1...scenarios.count).contains(n) { return scenarios[n - 1] }
                if let s = scenarios.first(where: { $0.id == trimmed }) { return s }
                print(ui.pick("请输入 1 到 \(scenarios.count) 之间的编号。", "Enter a number from 1 to \(scenarios.count)."))
            case .interrupted:
                continue
            case .endOfInput, .terminated:
                return nil
            }
        }
    }
}

extension SessionMode: ExpressibleByArgument {}

/// Whether `--autoplay model` had to stop (a reference, so the non-mutating play loop can set it).
final class AutoplayStop {
    var stopped = false
}

/// Automatic answers for scenario authors.
enum Autoplay: String, ExpressibleByArgument, CaseIterable {
    /// Each turn's model answer; stops with a message at a turn without one.
    case model
    /// A polite non-answer every time.
    case weak
}

/// Runs one or more sessions of a scenario (/restart starts a fresh one) against a reply source.
struct PlayDriver {
    let scenario: Scenario
    let evaluator: Evaluator
    let source: ReplySource
    let terminal: Terminal
    let mode: SessionMode
    let ui: UILanguage
    let seed: UInt64
    let trainee: String
    let passMark: Int?
    let transcriptPath: String?
    let autoplay: Autoplay?
    let timeLimit: TimeLimit?
    /// `--record FILE`: where an ended session is saved as a transcript test plan.
    var recordPath: String? = nil
    /// Set when `--autoplay model` stopped at a turn without a model answer: the run exits 1.
    private let autoplayStopped = AutoplayStop()
    /// Called with the transcript's path when a session has ended (finished, abandoned or restarted).
    var recorded: (String) -> Void = { _ in }

    /// Exit status of an exam that reached its end below the pass mark.
    static let examFailedStatus: Int32 = 3
    /// Exit status of an exam that ended before its end (quit, EOF, buyer left, time up).
    static let examNotFinishedStatus: Int32 = 4

    /// The screen at the terminal's current width: a resize re-wraps everything shown after it.
    private var screen: PlayScreen {
        PlayScreen(scenario: scenario, catalog: evaluator.catalog, ui: ui, terminal: terminal.resized(), mode: mode, timeLimit: timeLimit)
    }

    private func show(_ lines: [String]) {
        for line in lines { print(line) }
        fflush(nil)
    }

    /// Plays until the session ends; returns the exit status: 0, an exam's failed or not-finished
    /// status, or 128+signal after SIGTERM/SIGHUP.
    mutating func run() throws -> Int32 {
        var restartCount = 0
        while true {
            // After /restart a given --transcript FILE gets a numbered sibling; the default path is always new.
            let path = transcriptPath.map { restartCount == 0 ? $0 : TranscriptWriter.freeSibling(of: $0) }
            let outcome = try playOnce(transcriptPath: path ?? TranscriptWriter.defaultPath(scenario: scenario.id))
            switch outcome {
            case let .finished(card):
                if autoplayStopped.stopped { return 1 }
                switch card.verdict {
                case nil, .passed?: return 0
                case .belowPassMark?: return Self.examFailedStatus
                case .notFinished?, .buyerLeft?, .timeUp?: return Self.examNotFinishedStatus
                }
            case .recordLost: return 1
            case .restart: restartCount += 1
            case let .signalled(signal): return 128 + signal
            }
        }
    }

    enum Outcome { case finished(Scorecard), restart, signalled(Int32), recordLost }

    /// What flagging a reply after an exam's scorecard did.
    enum FlagOutcome { case flagged, noSuchReply, notRecorded }

    private func playOnce(transcriptPath: String) throws -> Outcome {
        var session = Session(scenario: scenario, evaluator: evaluator, mode: mode, seed: seed, passMark: passMark, trainee: trainee)
        let writer = try TranscriptWriter(path: transcriptPath)
        var written = 0
        let renderer = ExplanationRenderer(catalog: evaluator.catalog, chinese: ui == .zh)
        let hash: String? = scenario.contentHash.isEmpty ? nil : scenario.contentHash
        let started = Timestamp.now()
        var recording = true, recordLost = false
        func flush() throws {
            guard recording else { return }
            while written < session.events.count {
                let event = session.events[written]
                let ended: String? = if case .end = event { Timestamp.now() } else { nil }
                try writer.append(event.json(scenarioHash: hash, startedAt: started, endedAt: ended, explain: renderer.render))
                written += 1
            }
        }
        /// Writes pending events; when that fails (a full disk), says so and asks whether to play on
        /// without the record. False: end now, with the scorecard.
        func record() -> Bool {
            do { try flush(); return true } catch {
                recording = false
                recordLost = true
                show(["", terminal.paint("\(error)", .bold, .red),
                      ui.pick("这次练习的记录到此为止（之前的内容已保存）。", "The record of this session stops here (what came before is saved).")])
                guard source.interactive, autoplay == nil else { return false }
                show([ui.pick("不保存记录继续练习吗？输入 y 继续，其他键结束并查看成绩单。",
                              "Keep playing without a record? Type y to continue; anything else ends with the scorecard.")])
                if case let .line(answer) = source.read(prompt: "y/N> "), answer.trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("y") {
                    return true
                }
                return false
            }
        }
        do { try flush() } catch {
            writer.discardIfEmpty()  // a full disk before the session: no empty transcript left behind
            throw error
        }
        show(screen.header())
        show(screen.buyer(session.buyerLine))
        if mode == .practice, let meters = screen.meters(session.meters) { show(["  " + terminal.paint(meters, .dim)]) }
        if session.phase == .identifyType { show(screen.typeQuestion()) }

        var lastInputWasInterrupt = false
        var signalled: Int32?
        let deadline = timeLimit.map { Date().addingTimeInterval($0.seconds) }
        loop: while session.phase != .ended {
            let prompt = (deadline.map { TimeLimit.clock(until: $0) + " " } ?? "") + (session.phase == .identifyType ? "type> " : "> ")
            let input = autoplay.map { automaticInput($0, session: session) } ?? source.read(prompt: prompt)
            switch input {
            case .endOfInput:
                if source.interactive { print("") }
                break loop
            case let .terminated(signal):
                signalled = signal
                break loop
            case let .interrupted(emptyLine):
                // Ctrl-C cancels the line; only a second Ctrl-C in a row, pressed on an empty line, ends.
                if emptyLine && lastInputWasInterrupt { break loop }
                lastInputWasInterrupt = true
                show(["", terminal.paint(ui.pick("（已取消这一行；再按一次 Ctrl-C 或输入 /quit 结束）",
                                                 "(line cancelled; press Ctrl-C again or type /quit to end)"), .dim)])
                continue
            case let .line(raw):
                lastInputWasInterrupt = false
                let text = TerminalSanitizer.clean(raw).trimmingCharacters(in: .whitespaces)
                if text.isEmpty { continue }
                if let deadline, Date() >= deadline {
                    session.timeUp()
                    show(["", terminal.paint(ui.pick("时间到：考试时限已过，这句回答不再计分。", "Time is up: the exam's time limit has passed; that reply is not scored."), .bold)])
                    break loop
                }
                // From a pipe nothing is echoed by a terminal: show the reply so the output reads as a dialogue.
                if !source.interactive && autoplay == nil { print("> " + text) }
                source.remember(text)
                if text.hasPrefix("/") {
                    switch command(text, session: &session) {
                    case .continue: if !record() { break loop }; continue
                    case .quit: break loop
                    case .restart:
                        session.abandon()
                        _ = record()
                        show(screen.scorecard(session.scorecard(), session: session))
                        show(["", terminal.paint(ui.pick("记录已保存：", "Transcript saved: ") + writer.path, .dim)])
                        recorded(writer.path)
                        show(["", terminal.paint(ui.pick("—— 重新开始 ——", "—— Starting over ——"), .bold)])
                        return .restart
                    }
                }
                if session.phase == .identifyType {
                    // Anything that names no single type is asked again; it never becomes the opening reply.
                    let guess = session.identifyType(text)
                    if !record() { break loop }
                    show(screen.typeAnswer(guess))
                    continue
                }
                if text.utf8.count > PipedReplies.maxReplyBytes {
                    show([PipedReplies.tooLongMessage(bytes: text.utf8.count, ui: ui)])
                    continue
                }
                let exchange: Exchange
                do { exchange = try session.respond(text) } catch { break loop }
                if !record() {
                    if mode == .practice { show(screen.feedback(exchange, turn: scenario.turn(exchange.turn))) }
                    break loop
                }
                if mode == .practice { show(screen.feedback(exchange, turn: scenario.turn(exchange.turn))) }
                show(screen.reaction(exchange))
                if session.phase != .ended {
                    if exchange.branch == nil {
                        show([terminal.paint(ui.pick("（客户还在等你回答这个问题）", "(the buyer is still waiting for an answer to this)"), .dim)])
                    }
                    show(screen.buyer(session.buyerLine))
                    if mode == .practice, let meters = screen.meters(session.meters) { show(["  " + terminal.paint(meters, .dim)]) }
                }
            }
        }
        session.abandon()
        _ = record()
        let card = session.scorecard()
        show(screen.scorecard(card, session: session))
        // An exam shows no scores until here: now, on a terminal, the rep can flag one they dispute.
        if mode == .exam, source.interactive, autoplay == nil, signalled == nil, !recordLost, !session.countedExchanges.isEmpty {
            signalled = offerExamFlags(replies: session.countedExchanges.count) { position, note in
                do { try session.flag(counted: position, note: note) } catch { return .noSuchReply }
                return record() ? .flagged : .notRecorded
            }
        }
        if recordLost {
            show(["", terminal.paint(ui.pick("记录不完整：", "Transcript incomplete: ") + writer.path, .bold, .red)])
        } else {
            show(["", terminal.paint(ui.pick("记录已保存：", "Transcript saved: ") + writer.path, .dim)])
        }
        recorded(writer.path)
        if let recordPath { saveTestPlan(session, to: recordPath) }
        if let interactive = source as? LineEditor { interactive.save() }
        if let signalled { return .signalled(signalled) }
        return recordLost ? .recordLost : .finished(card)
    }

    /// After an exam's scorecard: `f N note` flags reply N's score (numbered as on the scorecard;
    /// `f note` flags the last) with the same `flag` record as `/flag` in practice. Enter, Ctrl-D or
    /// Ctrl-C finishes; a SIGTERM/SIGHUP is returned so the session ends as it would have.
    private func offerExamFlags(replies count: Int, flag: (_ position: Int, _ note: String) -> FlagOutcome) -> Int32? {
        show(["", ui.pick("不同意某一轮的评分？输入 f、轮次（1–\(count)）和说明，标记给讲师，如：f \(count) 这句已经量化了节约的金额。直接回车结束。",
                          "Disagree with a score? Type f, the reply's number (1–\(count)) and a note to flag it for an instructor, "
                          + "e.g. f \(count) the saving was quantified. Enter finishes.")])
        while true {
            switch source.read(prompt: "flag> ") {
            case .endOfInput, .interrupted:
                return nil
            case let .terminated(signal):
                return signal
            case let .line(raw):
                let text = TerminalSanitizer.clean(raw).trimmingCharacters(in: .whitespaces)
                if text.isEmpty { return nil }
                var words = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
                guard let key = words.first?.lowercased(), ["f", "/flag", "flag"].contains(key) else {
                    show([ui.pick("输入 f、轮次和说明来标记，直接回车结束。", "Type f, a reply number and a note to flag; Enter finishes.")])
                    continue
                }
                words.removeFirst()
                var rest = words.first ?? ""
                var position = count
                let parts = rest.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true).map(String.init)
                if let first = parts.first, let number = Int(first) {
                    position = number
                    rest = parts.count > 1 ? parts[1] : ""
                }
                switch flag(position, rest) {
                case .flagged:
                    show([ui.pick("已标记第 \(position) 轮的评分，讲师可用 `dojo flags` 查看。",
                                  "Flagged the score of reply \(position); an instructor sees it with `dojo flags`.")])
                case .noSuchReply:
                    show([ui.pick("没有第 \(position) 轮；成绩单上的轮次是 1–\(count)。",
                                  "There is no reply \(position); the scorecard numbers them 1–\(count).")])
                case .notRecorded:
                    return nil  // the record stopped (a full disk): said already
                }
            }
        }
    }

    /// What `--autoplay` types: the type (exam), then the model answer or a non-answer; it gives up
    /// after a generous number of replies so a looping scenario still ends.
    private func automaticInput(_ autoplay: Autoplay, session: Session) -> LineEditor.Input {
        if session.countedExchanges.count >= 30 { return .endOfInput }
        let text: String
        if session.phase == .identifyType {
            text = scenario.valueType.rawValue
        } else if autoplay == .model {
            guard let answer = session.turn?.modelAnswer, !answer.isEmpty else {
                // Never invent a reply: a canned line would lose and look like the scenario's fault.
                let id = TerminalSanitizer.clean(session.turn?.id ?? "?")
                FileHandle.standardError.write(Data(("dojo: --autoplay model stops at turn `\(id)` of \(TerminalSanitizer.clean(scenario.id)): "
                    + "it has no model_answer (DJ0108). Add `model_answer:` to the turn; `dojo validate --strict` lists every such turn.\n").utf8))
                autoplayStopped.stopped = true
                return .endOfInput
            }
            text = answer
        } else {
            text = ui.pick("好的，我们考虑一下。", "OK, we'll think about it.")
        }
        print("> " + text)
        return .line(text)
    }

    /// `--record`: the session as a transcript test plan, when it reached an ending.
    private func saveTestPlan(_ session: Session, to path: String) {
        guard let plan = TranscriptPlan.recording(session, scenario: scenario) else {
            show(["", terminal.paint(ui.pick("未保存测试：这次对话没有到达结局。", "Test not recorded: the dialogue reached no ending."), .bold)])
            return
        }
        let comment = "Recorded by `dojo play \(scenario.id) --record`; replay it with `dojo test \(scenario.id)`.\n"
            + "Edit the name; keep the replies, seed, expect, ending and route the session produced."
        do {
            try NewCommand.create(path, plan.yaml(comment: comment))
            show(["", terminal.paint(ui.pick("已保存为测试：", "Recorded as a transcript test: ") + TerminalSanitizer.clean(path), .dim)])
        } catch {
            show(["", terminal.paint("\(error)", .bold, .red)])
        }
    }

    enum CommandResult { case `continue`, quit, restart }

    private func command(_ text: String, session: inout Session) -> CommandResult {
        let name = String(text.split(separator: " ").first ?? "")
        switch name {
        case "/help":
            show(screen.help())
        case "/hint":
            do {
                let hint = try session.hint()
                show(screen.wrap(ui.pick("提示（-\(Scorecard.hintCost) 分）：", "Hint (-\(Scorecard.hintCost) points): ") + hint, indent: 2))
            } catch {
                show([refusal(error)])
            }
        case "/tactics":
            if session.phase == .identifyType {
                show([ui.pick("先回答类型问题，再看战术。", "Answer the type question first, then see the tactics.")])
            } else {
                show(screen.tactics())
            }
        case "/why":
            if mode == .exam {
                show([refusal(.notInExam)])
            } else if let last = session.exchanges.last(where: { !$0.rewound }) {
                show(screen.why(last))
            } else {
                show([ui.pick("还没有回答可以解释。", "No reply to explain yet.")])
            }
        case "/rewind":
            do {
                try session.rewind()
                show([ui.pick("已撤回上一轮。", "Rewound the last exchange.")])
                show(screen.buyer(session.buyerLine))
                if let meters = screen.meters(session.meters) { show(["  " + terminal.paint(meters, .dim)]) }
            } catch {
                show([refusal(error)])
            }
        case "/score":
            let card = session.scorecard()
            if mode == .exam {
                show([ui.pick("考试模式下结束时才公布成绩。", "In exam mode the score is shown at the end.")])
            } else {
                let turns = card.turns.map { "\($0.turn) \($0.score)" }.joined(separator: ", ")
                show([ui.pick("目前平均 \(card.average) 分", "Average so far: \(card.average)") + (turns.isEmpty ? "" : " (\(turns))")])
            }
        case "/flag":
            let note = String(text.dropFirst(name.count)).trimmingWhitespace()
            do {
                let flagged = try session.flag(note: note)
                show([ui.pick("已标记第 \(flagged.number) 轮的评分，讲师可用 `dojo flags` 查看。",
                              "Flagged the score of reply \(flagged.number); an instructor sees it with `dojo flags`.")])
            } catch {
                show([refusal(error)])
            }
        case "/restart":
            // Starting over throws away the replies so far: ask first (the next line answers).
            let progress = session.countedExchanges.count + session.hints.count
            guard progress > 0 else { return .restart }
            show([ui.pick("重新开始会丢掉目前的 \(session.countedExchanges.count) 个回答。确定吗？(y/N)",
                          "Starting over discards your \(session.countedExchanges.count) replies so far. Are you sure? (y/N)")])
            if case let .line(answer) = source.read(prompt: "y/N> ") {
                if !source.interactive { print("> " + TerminalSanitizer.clean(answer)) }
                let word = answer.trimmingCharacters(in: .whitespaces).lowercased()
                if ["y", "yes", "是", "是的", "确定", "好"].contains(word) { return .restart }
            }
            show([ui.pick("继续当前的对话。", "Carrying on with this dialogue.")])
        case "/quit", "/exit":
            return .quit
        default:
            let suggestion = Suggestion.closest(to: name, among: LineEditor.commands + ["/exit"])
            show([ui.pick("没有 \(name) 这个命令", "No command \(name)") + (suggestion.map { ui.pick("，你是想输入 \($0) 吗？", "; did you mean \($0)?") } ?? "")
                  + ui.pick("（/help 查看全部）", " (/help lists them)")])
        }
        return .continue
    }

    private func refusal(_ error: Session.Refusal) -> String {
        switch error {
        case .notInExam: ui.pick("考试模式下不能用这个命令。", "Not available in exam mode.")
        case .nothingToRewind: ui.pick("没有可以撤回的回答。", "Nothing to rewind.")
        case .ended: ui.pick("对话已经结束。", "The dialogue has ended.")
        case .noHint: ui.pick("这一轮没有提示。", "No hint for this turn.")
        case .nothingToFlag: ui.pick("还没有可以标记的回答。", "No reply to flag yet.")
        }
    }
}
