import DojoKit
import Foundation

/// Everything `dojo play` shows, as lines of text: header, buyer lines, meters, feedback, scorecard.
/// Wraps to the terminal width with CJK-aware widths; colours only when the terminal allows.
struct PlayScreen {
    var scenario: Scenario
    var catalog: TacticCatalog
    var ui: UILanguage
    var terminal: Terminal
    var mode: SessionMode
    /// The exam's time limit, if any (shown in the header; the prompt counts down).
    var timeLimit: TimeLimit? = nil

    private var width: Int? { terminal.width.map { min($0, 100) } }
    private var renderer: ExplanationRenderer { ExplanationRenderer(catalog: catalog, chinese: ui == .zh) }

    /// Wraps scenario text; the text is sanitised here, so nothing from a file reaches the terminal raw.
    /// `preSanitized` is for text that holds this screen's own colour codes, its parts already clean.
    func wrap(_ text: String, indent: Int = 0, firstPrefix: String = "", preSanitized: Bool = false) -> [String] {
        let text = preSanitized ? text : TerminalSanitizer.clean(text)
        let pad = String(repeating: " ", count: indent)
        guard let width else { return [pad + firstPrefix + text] }
        let prefixWidth = DisplayWidth.of(firstPrefix)
        let lines = TextWrap.lines(text, width: max(10, width - indent - prefixWidth))
        return lines.enumerated().map { i, line in
            pad + (i == 0 ? firstPrefix : String(repeating: " ", count: prefixWidth)) + line
        }
    }

    func bar(_ fraction: Double, width: Int = 10) -> String {
        let filled = max(0, min(width, Int((fraction * Double(width)).rounded())))
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// A meter as the trainee sees it: the scenario's own label, else a known Chinese name, else its name.
    func meterName(_ name: String) -> String {
        if let label = scenario.meters.first(where: { $0.name == name })?.label { return TerminalSanitizer.clean(ui.pick(label.zh, label.en)) }
        guard ui == .zh else { return name }
        let known = ["patience": "耐心", "trust": "信任", "alignment": "高层协同", "interest": "兴趣", "rapport": "关系"]
        return known[name] ?? name
    }

    // MARK: header and turns

    func header() -> [String] {
        let s = scenario
        var lines: [String] = []
        let clean = TerminalSanitizer.clean
        lines.append(terminal.paint("━━ \(clean(s.title)) ━━", .bold))
        lines.append(ui.label("买家", "Buyer") + terminal.paint(clean(s.persona.name), .bold)
                     + " · \(clean(s.persona.role)) · \(clean(s.persona.company))")
        var info = ui.pick("难度", "Difficulty") + " \(s.difficulty)/5 · "
            + (mode == .practice ? ui.pick("练习模式", "practice mode") : ui.pick("考试模式", "exam mode"))
        if mode == .practice {
            let playbook = catalog.playbook(for: s.valueType)
            info += " · " + terminal.paint(ui.name(of: s.valueType), .cyan)
                + (playbook.map { ui.pick("（\($0.mode.zh)）", " (\($0.mode.en))") } ?? "")
        }
        if let timeLimit { info += " · " + ui.pick("时限 ", "time limit ") + timeLimit.description }
        lines.append(info)
        lines += wrap(s.persona.background)
        lines.append(terminal.paint(ui.pick("直接输入你的回答；/help 查看命令。", "Type your reply; /help for commands."), .dim))
        return lines
    }

    func buyer(_ line: String) -> [String] {
        [""] + wrap(line, firstPrefix: terminal.paint(TerminalSanitizer.clean(scenario.persona.name), .bold, .magenta) + ": ")
    }

    func meters(_ values: [String: Int]) -> String? {
        guard !scenario.meters.isEmpty else { return nil }
        return scenario.meters.map { meter in
            let value = values[meter.name] ?? meter.start
            // One square per point up to 12 points; wider meters are scaled to 10 squares.
            let span = meter.max.subtractingReportingOverflow(meter.min)
            let cells = span.overflow || span.partialValue > 12 ? 10 : max(1, span.partialValue)
            let position = Double(value) - Double(meter.min), range = max(1, Double(meter.max) - Double(meter.min))
            let filled = max(0, min(cells, Int((position / range * Double(cells)).rounded())))
            let gauge = String(repeating: "■", count: filled) + String(repeating: "□", count: cells - filled)
            return "\(meterName(meter.name)) \(gauge) \(value)/\(meter.max)"
        }.joined(separator: "  ")
    }

    func typeQuestion() -> [String] {
        [terminal.paint(ui.pick("考试第一题：这位客户属于哪种价值类型？", "First question: which value type is this buyer?"), .bold),
         ui.pick("  1 内在价值型   2 外在价值型   3 战略价值型", "  1 intrinsic   2 extrinsic   3 strategic")]
    }

    func typeAnswer(_ guess: TypeGuess) -> [String] {
        if guess.guess == nil {
            return [ui.pick("没有认出是哪一种类型。请输入 1、2 或 3（或类型的名称，如“内在价值型”）。",
                            "That does not name one type. Answer 1, 2 or 3 (or the type's name, e.g. \"intrinsic\").")]
        }
        return [ui.pick("已记录，考试结束时公布。", "Noted; you will see the result at the end.")]
    }

    // MARK: feedback

    func feedback(_ exchange: Exchange, turn: Turn?) -> [String] {
        let a = exchange.assessment
        var lines: [String] = []
        let score = a.score ?? 0
        let color: Terminal.Style = score >= 70 ? .green : (score >= 40 ? .yellow : .red)
        var head = ui.pick("得分", "Score") + " " + terminal.paint("\(score)/100", .bold, color) + " " + bar(Double(score) / 100)
        switch a.alignment {
        case .match: head += "  " + terminal.paint(ui.pick("✓ 类型匹配", "✓ type match"), .green)
        case .mismatch: head += "  " + terminal.paint(ui.pick("✗ 类型错配", "✗ type mismatch"), .red)
        case .none: head += "  " + ui.pick("— 没有用到战术", "— no tactic used")
        }
        lines.append(head)
        var missing: [String] = []
        for item in a.explanation {
            switch item {
            case .style: continue
            case let .missing(tactic, _): missing.append(tactic)
            default: lines += wrap(renderer.render(item), indent: 2)
            }
        }
        if !missing.isEmpty {
            lines += wrap(ui.pick("✗ 还可以用：", "✗ also expected: ") + missing.map(renderer.name).joined(separator: ui.pick("、", ", ")), indent: 2)
            if let hint = turn?.hint { lines += wrap(ui.pick("提示：", "Hint: ") + hint, indent: 4) }
        }
        if !exchange.changes.isEmpty {
            let changes = exchange.changes.map { change -> String in
                let arrow = change.to > change.from ? terminal.paint("▲", .green) : (change.to < change.from ? terminal.paint("▼", .red) : "=")
                return "\(meterName(change.meter)) \(change.from)→\(change.to) \(arrow)"
            }
            lines.append("  " + changes.joined(separator: "  "))
        }
        return lines
    }

    func reaction(_ exchange: Exchange) -> [String] {
        guard let reaction = exchange.reaction else { return [] }
        return wrap(reaction, firstPrefix: terminal.paint(TerminalSanitizer.clean(scenario.persona.name), .bold, .magenta) + ": ")
    }

    func why(_ exchange: Exchange) -> [String] {
        let a = exchange.assessment
        var lines = [terminal.paint(ui.pick("上一轮评分详情", "The last score in full"), .bold) + " (\(a.score ?? 0)/100)"]
        lines += wrap(ui.pick("你的回答：", "Your reply: ") + TerminalSanitizer.clean(exchange.reply), indent: 2)
        lines.append("  " + ui.label("取向", "Orientation") + (a.orientation.map { ui.name(of: $0) } ?? ui.pick("无", "none")))
        for finding in a.tactics.filter({ $0.confidence > 0 }) + a.antiPatterns {
            var line = "\(bar(finding.confidence)) " + String(format: "%.2f", finding.confidence) + " " + renderer.name(finding.id)
            if !finding.cues.isEmpty { line += ui.pick("  命中：", "  cues: ") + finding.cues.joined(separator: ", ") }
            if finding.similarity > 0 { line += ui.pick("  相似度 ", "  similarity ") + String(format: "%.2f", finding.similarity) }
            lines += wrap(line, indent: 2)
        }
        // Each model answer once: a missing tactic's example that is the turn's model answer (shown
        // last) or was already shown is left out of its line.
        let modelAnswer = scenario.turn(exchange.turn)?.modelAnswer
        var shown: Set<String> = modelAnswer.map { [$0] } ?? []
        for item in a.explanation {
            var item = item
            if case let .missing(tactic, example?) = item {
                if shown.contains(example) { item = .missing(tactic: tactic, example: nil) } else { shown.insert(example) }
            }
            lines += wrap(renderer.render(item), indent: 2)
        }
        if let modelAnswer {
            lines += wrap(ui.pick("示范回答：", "Model answer: ") + modelAnswer, indent: 2)
        }
        return lines
    }

    func tactics() -> [String] {
        guard let playbook = catalog.playbook(for: scenario.valueType) else { return [] }
        let lang: ScenarioLanguage = ui == .zh ? .simplifiedChinese : .english
        var lines = [terminal.paint("\(playbook.name.text(for: lang)) · \(playbook.mode.text(for: lang))", .bold)]
        lines += wrap(playbook.summary.text(for: lang), indent: 2)
        for (i, tactic) in playbook.tactics.enumerated() {
            let clean = TerminalSanitizer.clean
            lines += wrap("\(i + 1). " + terminal.paint(clean(renderer.name(tactic.id)), .bold) + " — " + clean(tactic.description.text(for: lang)),
                          indent: 2, preSanitized: true)
        }
        let anti = catalog.antiPatterns.map { renderer.name($0.id) }.joined(separator: ui.pick("、", ", "))
        if !anti.isEmpty { lines += wrap(ui.pick("避免：", "Avoid: ") + anti, indent: 2) }
        return lines
    }

    func help() -> [String] {
        let rows: [(String, String, String)] = [
            ("/hint", "提示（扣 \(Scorecard.hintCost) 分）", "a hint (costs \(Scorecard.hintCost) points)"),
            ("/tactics", "这类客户的战术（评分标准公开）", "the playbook for this buyer (the rubric is never secret)"),
            ("/why", "上一轮评分的完整解释", "explain the last score in full"),
            ("/rewind", "撤回上一轮，重新回答", "undo the last exchange and try again"),
            ("/score", "目前的成绩", "the score so far"),
            ("/flag", "标记上一轮评分有误（可附说明），供讲师复核", "flag the last score as wrong (add a note) for the instructor"),
            ("/restart", "从头再来", "start over"),
            ("/quit", "结束并查看成绩单（也可按 Ctrl-D）", "end and show the scorecard (or Ctrl-D)"),
        ]
        return rows.map { "  " + DisplayWidth.padRight($0.0, to: 10) + ui.pick($0.1, $0.2) }
    }

    // MARK: scorecard

    func scorecard(_ card: Scorecard, session: Session) -> [String] {
        var lines = ["", terminal.paint(ui.pick("══ 成绩单 ══", "══ Scorecard ══"), .bold)]
        let outcome: String
        if let ending = card.ending {
            let mark = ending.kind == .won ? terminal.paint("✓", .green) : terminal.paint("✗", .red)
            outcome = "\(mark) \(ui.name(of: ending.kind)) — \(TerminalSanitizer.clean(ending.title))"
        } else {
            outcome = ui.pick("未完成（提前结束）", "not finished (ended early)")
        }
        lines.append(ui.label("结果", "Outcome") + outcome)
        var total = ui.pick("总分", "Total") + " " + terminal.paint("\(card.total)/100", .bold)
        if card.total != card.average {
            total += ui.pick("（平均 \(card.average)", " (average \(card.average)")
            if card.hintsUsed > 0 { total += ui.pick("，提示 -\(card.hintsUsed * Scorecard.hintCost)", ", hints -\(card.hintsUsed * Scorecard.hintCost)") }
            if let guess = card.typeGuess, !guess.correct { total += ui.pick("，类型判断 -\(Scorecard.wrongTypeCost)", ", type -\(Scorecard.wrongTypeCost)") }
            total += ui.pick("）", ")")
        }
        lines.append(total)
        if let verdict = card.verdict, let mark = card.passMark {
            let text: String
            switch verdict {
            case .passed: text = ui.pick("考试通过（及格线 \(mark)）", "Exam passed (pass mark \(mark))")
            case .belowPassMark: text = ui.pick("考试未通过（及格线 \(mark)）", "Exam failed (pass mark \(mark))")
            case .notFinished: text = ui.pick("考试未通过：没有完成（对话没有走到结局就结束了）", "Exam not passed: not finished (the dialogue ended before its end)")
            case .buyerLeft: text = ui.pick("考试未通过：客户中途离开，对话没有完成", "Exam not passed: the buyer left before the end")
            case .timeUp: text = ui.pick("考试未通过：时间到，对话没有完成", "Exam not passed: time ran out before the end")
            }
            lines.append(terminal.paint(text, .bold, verdict.isPassed ? .green : .red))
        }
        if let guess = card.typeGuess {
            lines.append(ui.label("类型判断", "Type identification")
                         + (guess.correct ? ui.pick("✓ 正确", "✓ correct") : ui.pick("✗ 错误", "✗ wrong"))
                         + " — " + ui.name(of: guess.actual))
        }
        if !card.turns.isEmpty {
            lines.append(ui.heading("每轮得分", "Per turn"))
            let idWidth = card.turns.map { DisplayWidth.of($0.turn) }.max() ?? 0
            // Numbered 1…n as they count: a rewound reply leaves no gap.
            for (index, turn) in card.turns.enumerated() {
                let mark = turn.alignment == .match ? "✓" : (turn.alignment == .mismatch ? "✗" : "—")
                lines.append("  " + DisplayWidth.padLeft(String(index + 1), to: 2) + " " + DisplayWidth.padRight(turn.turn, to: idWidth)
                             + " " + DisplayWidth.padLeft(String(turn.score), to: 3) + " " + bar(Double(turn.score) / 100) + " " + mark)
            }
        }
        lines.append(ui.pick("战术", "Tactics") + " (" + ui.name(of: scenario.valueType) + "):")
        let names = card.tactics.map { renderer.name($0.id) }
        let nameWidth = names.map { DisplayWidth.of($0) }.max() ?? 0
        for (tactic, name) in zip(card.tactics, names) {
            let used = tactic.uses > 0
            let status = used ? ui.pick("用了 \(tactic.uses) 次", "used \(tactic.uses)×") : ui.pick("未用", "missed")
            lines.append("  " + DisplayWidth.padRight(name, to: nameWidth) + " " + bar(tactic.bestConfidence) + " "
                         + (used ? terminal.paint(status, .green) : terminal.paint(status, .dim)))
        }
        lines.append(ui.label("类型匹配", "Alignment") + "\(card.matched) ✓  \(card.mismatched) ✗  \(card.unoriented) —")
        lines.append(ui.label("提示", "Hints") + "\(card.hintsUsed)" + (card.rewinds > 0 ? ui.pick("  撤回：\(card.rewinds)", "  rewinds: \(card.rewinds)") : ""))
        if let ending = card.ending {
            lines.append(terminal.paint(ui.heading("复盘", "Debrief"), .bold))
            lines += wrap(ending.debrief, indent: 2)
        }
        let weakest = card.weakestTurns.compactMap { id in scenario.turn(id).flatMap { t in t.modelAnswer.map { (id, $0) } } }
        if !weakest.isEmpty {
            lines.append(terminal.paint(ui.heading("最弱回合的示范回答", "Model answers for your weakest turns"), .bold))
            for (id, answer) in weakest { lines += wrap(answer, indent: 4, firstPrefix: "[\(id)] ") }
        }
        return lines
    }
}
