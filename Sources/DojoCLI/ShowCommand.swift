import ArgumentParser
import DojoKit
import Foundation

/// `dojo show ID`: a scenario's persona, meters, turns and where every branch leads.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show a scenario: persona, type, meters, turns and where each branch leads."
    )

    @Argument(help: ArgumentHelp("The scenario id (see `dojo list`).", valueName: "id"))
    var id: String


    @OptionGroup var display: DisplayOptions

    @OptionGroup var scenarioOptions: ScenarioOptions

    func run() throws {
        let library = try scenarioOptions.library(need: .scenario(id))
        guard let scenario = library.scenario(id) else {
            let failed = library.errors.filter { $0.location.map { Self.fileMentions($0.file, id: id) } ?? false }
            if !failed.isEmpty { throw CLIError.scenarioHasErrors(id: id, count: failed.count) }
            throw CLIError.unknownScenario(id: id, suggestion: Suggestion.closest(to: id, among: library.scenarios.map(\.id)))
        }
        let terminal = Terminal.current(noColor: display.noColor)
        let ui = UILanguage.resolve(display.lang, for: scenario.language)
        for line in ScenarioOutline(scenario: scenario, catalog: library.catalog, ui: ui, terminal: terminal).lines() {
            print(line)
        }
    }

    /// Whether a file with errors is probably the scenario asked for (its name contains the id).
    static func fileMentions(_ file: String, id: String) -> Bool {
        let name = (file as NSString).lastPathComponent
        return name.hasPrefix(id + ".") || (try? String(contentsOfFile: file, encoding: .utf8))?.contains("id: \(id)\n") == true
    }
}

/// The text of `dojo show`.
struct ScenarioOutline {
    var scenario: Scenario
    var catalog: TacticCatalog
    var ui: UILanguage
    var terminal: Terminal

    private var width: Int { min(terminal.width ?? 100, 100) }

    /// The outline, every line sanitised: scenario text never reaches the terminal raw. Colour codes
    /// are added after sanitising, so they survive.
    func lines() -> [String] {
        ScenarioOutline(scenario: scenario.sanitizedForDisplay, catalog: catalog, ui: ui, terminal: terminal).rawLines()
    }

    private func rawLines() -> [String] {
        var out: [String] = []
        let s = scenario
        out.append(terminal.paint(s.title, .bold) + "  " + terminal.paint("(\(s.id))", .dim))
        let mode = catalog.playbook(for: s.valueType)?.mode.text(for: ui == .zh ? .simplifiedChinese : .english).nilIfEmpty
        out.append(ui.label("类型", "Type") + terminal.paint(ui.name(of: s.valueType), .cyan)
                   + (mode.map { " · \($0)" } ?? "")
                   + " · " + ui.label("语言", "Language") + "\(s.language.rawValue)"
                   + " · " + ui.label("难度", "Difficulty") + "\(s.difficulty)/5"
                   + " · " + ui.label("及格线", "Pass mark") + "\(s.passMark)")
        out.append("")
        out.append(terminal.paint(ui.pick("买家", "Buyer"), .bold) + ": \(s.persona.name), \(s.persona.role), \(s.persona.company)")
        out += wrapped(s.persona.background, indent: 2)
        if !s.meters.isEmpty {
            out.append("")
            out.append(terminal.paint(ui.pick("指标", "Meters"), .bold) + ":")
            let nameWidth = s.meters.map { DisplayWidth.of($0.name) }.max() ?? 0
            for meter in s.meters {
                var line = "  " + DisplayWidth.padRight(meter.name, to: nameWidth) + "  \(meter.start) (\(meter.min)…\(meter.max))"
                if let end = meter.onMin { line += "  " + ui.pick("到 \(meter.min) → \(end)", "at \(meter.min) → \(end)") }
                if let end = meter.onMax { line += "  " + ui.pick("到 \(meter.max) → \(end)", "at \(meter.max) → \(end)") }
                if let label = meter.label { line += "  " + ui.label("显示为", "shown as") + ui.pick(label.zh, label.en) }
                out.append(line)
            }
        }
        out.append("")
        out.append(terminal.paint(ui.pick("回合", "Turns"), .bold) + " (" + ui.label("起点", "start") + "\(s.start))" + ui.pick("：", ":"))
        for turn in s.turns {
            out.append("  " + terminal.paint("[\(turn.id)]", .bold, .blue))
            for (index, line) in turn.lines.enumerated() {
                let label = turn.lines.count > 1 ? ui.pick("买家\(index + 1)", "Buyer \(index + 1)") : ui.pick("买家", "Buyer")
                out += wrapped("\(label): \(line)", indent: 4)
            }
            out.append("    " + ui.label("期望", "Expect") + tacticNames(turn.expect))
            if !turn.avoid.isEmpty { out.append("    " + ui.label("避免", "Avoid") + tacticNames(turn.avoid)) }
            for branch in turn.branches {
                let condition = branch.condition.map { ui.pick("若 ", "if ") + $0.description } ?? ui.pick("否则", "otherwise")
                let effects = branch.effects.map { "\($0.meter) \($0.delta >= 0 ? "+" : "")\($0.delta)" }.joined(separator: ", ")
                let target = s.ending(branch.target).map { "\(branch.target) (\(ui.name(of: $0.kind)))" } ?? branch.target
                out.append("    → " + condition + (effects.isEmpty ? "" : " [\(effects)]") + " ⇒ " + terminal.paint(target, .green))
            }
        }
        out.append("")
        let map = RouteMap(scenario: s)
        out.append(terminal.paint(ui.pick("路线", "Routes"), .bold)
                   + ui.pick("（从起点经过的回合 ⇒ 可能的结局）：", " (turns from the start ⇒ the endings they can reach):"))
        for (index, route) in map.routes.enumerated() {
            let endings = route.endings.isEmpty ? ui.pick("（回到前面的回合）", "(loops back)") : route.endings.joined(separator: " | ")
            out += wrapped("\(index + 1). " + route.turns.joined(separator: " → ") + " ⇒ " + endings, indent: 2, hanging: DisplayWidth.of("\(index + 1). "))
        }
        if map.truncated { out.append("  " + ui.pick("……（只列出前 \(map.routes.count) 条）", "… (only the first \(map.routes.count) are listed)")) }
        out.append("")
        out.append(terminal.paint(ui.pick("结局", "Endings"), .bold) + ":")
        for ending in s.endings {
            out.append("  [\(ending.id)] \(ui.name(of: ending.kind)): \(ending.title)")
        }
        return out
    }

    private func tacticNames(_ ids: [String]) -> String {
        ids.map { id in
            guard let tactic = catalog.tactic(id) else { return id }
            return "\(id) (\(ui.pick(tactic.name.zh, tactic.name.en)))"
        }.joined(separator: ", ")
    }

    private func wrapped(_ text: String, indent: Int, hanging: Int = 0) -> [String] {
        TextWrap.lines(text, width: width - indent - hanging).enumerated().map { i, line in
            String(repeating: " ", count: indent + (i == 0 ? 0 : hanging)) + line
        }
    }
}

extension String {
    /// nil for an empty string.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
