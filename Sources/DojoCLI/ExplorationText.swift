import DojoKit

/// The text of `dojo explore`: sanitised, columns padded by display width (CJK-aware).
enum ExplorationText {
    static func lines(_ exploration: Exploration, scenario: Scenario, cap: Int, terminal: Terminal) -> [String] {
        var out: [String] = []
        let how = exploration.exhaustive ? "every path walked one by one" : "every state visited once, paths merged"
        out.append(terminal.paint("Explore \(clean(scenario.id))", .bold) + " (\(how); \(count(exploration.paths)) path(s) to an ending)")
        if exploration.truncated {
            out.append(terminal.paint("warning", .bold, .yellow) + ": the branch space has more than \(count(UInt64(cap))) paths; "
                       + "stopped after \(count(UInt64(cap))). The figures below cover only those paths: run without "
                       + "--exhaustive for the merged walk over every state, or raise --cap.")
        }
        out.append("")
        out.append(terminal.paint("Endings", .bold) + " (total score 0–100, no hints)")
        if exploration.endings.isEmpty { out.append("  none reachable") }
        let idWidth = exploration.endings.map { DisplayWidth.of(clean($0.ending)) }.max() ?? 0
        for reach in exploration.endings {
            let kind = DisplayWidth.padRight(reach.kind.rawValue, to: 4)
            var line = "  \(paint(kind, reach.kind, terminal))  \(DisplayWidth.padRight(clean(reach.ending), to: idWidth))  total \(reach.minTotal)–\(reach.maxTotal)"
            line += "  · \(count(reach.paths)) path(s)"
            if reach.onlyByCutOff { line += "  (only by the \(Session.maxReplies)-reply safety net)" }
            out.append(line)
            out.append("      shortest, \(reach.shortestPath.count) repl\(reach.shortestPath.count == 1 ? "y" : "ies"):")
            out += steps(reach.shortestPath, scenario: scenario, indent: "        ")
        }
        if !exploration.unreachedEndings.isEmpty {
            out.append("  never reached: " + exploration.unreachedEndings.map(clean).joined(separator: ", "))
        }
        let unvisited = scenario.turns.map(\.id).filter { !exploration.visitedTurns.contains($0) }
        if !unvisited.isEmpty { out.append("  turns never reached: " + unvisited.map(clean).joined(separator: ", ")) }
        out.append("")
        out.append(terminal.paint("Dead ends", .bold))
        if exploration.deadEnds.isEmpty { out.append("  none") }
        for deadEnd in exploration.deadEnds {
            let meters = zip(scenario.meters, deadEnd.meters).map { "\(clean($0.name)) \($1)" }.joined(separator: ", ")
            let state = meters.isEmpty ? "" : " (\(meters))"
            switch deadEnd.reason {
            case let .noBranchApplies(replyClass):
                out.append("  \(clean(deadEnd.turn))\(state): no branch applies to \(clean(replyClass.description)); the buyer repeats the turn")
            case .noWayOut:
                out.append("  \(clean(deadEnd.turn))\(state): no ending can follow but the \(Session.maxReplies)-reply safety net")
            }
            if !deadEnd.path.isEmpty { out += steps(deadEnd.path, scenario: scenario, indent: "      ") }
        }
        out.append("")
        out.append(terminal.paint("Meter violations", .bold) + " (effects held at a bound)")
        if exploration.meterViolations.isEmpty { out.append("  none") }
        for violation in exploration.meterViolations {
            out.append("  \(clean(violation.turn)) branch \(violation.branch + 1): \(clean(violation.meter)) would be \(violation.wanted), held at \(violation.heldAt)")
        }
        return out
    }

    static func random(_ report: RandomWalker.Report, scenario: Scenario, seed: UInt64, terminal: Terminal) -> [String] {
        var out: [String] = []
        let drawn = RandomWalker.Source.allCases.map { "\(report.drawn[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        out.append(terminal.paint("Random play of \(clean(scenario.id))", .bold) + ": \(report.walks) walk(s), seed \(seed)")
        out.append("replies drawn: \(drawn)")
        out.append("")
        out.append(terminal.paint("Endings", .bold))
        if report.endings.isEmpty { out.append("  none reached") }
        let idWidth = report.endings.map { DisplayWidth.of(clean($0.ending)) }.max() ?? 0
        for tally in report.endings {
            let kind = DisplayWidth.padRight(tally.kind.rawValue, to: 4)
            out.append("  \(paint(kind, tally.kind, terminal))  \(DisplayWidth.padRight(clean(tally.ending), to: idWidth))  "
                       + "\(tally.walks) walk(s)  total \(tally.minTotal)–\(tally.maxTotal)")
            out.append("      shortest route: " + tally.shortestRoute.map(clean).joined(separator: " → "))
        }
        let reached = report.endings.map(\.walks).reduce(0, +)
        if reached < report.walks { out.append("  \(report.walks - reached) walk(s) reached no ending") }
        let unreached = scenario.endings.map(\.id).filter { id in !report.endings.contains { $0.ending == id } }
        if !unreached.isEmpty { out.append("  no walk reached: " + unreached.map(clean).joined(separator: ", ")) }
        if !report.unvisitedTurns.isEmpty { out.append("  turns no walk reached: " + report.unvisitedTurns.map(clean).joined(separator: ", ")) }
        return out
    }

    private static func steps(_ path: [Exploration.Step], scenario: Scenario, indent: String) -> [String] {
        let width = path.map { DisplayWidth.of(clean($0.turn)) }.max() ?? 0
        return path.enumerated().map { index, step in
            let branch = step.branch.map { "branch \($0 + 1)" } ?? "no branch"
            return "\(indent)\(index + 1). \(DisplayWidth.padRight(clean(step.turn), to: width))  \(branch): \(clean(step.replyClass.description))"
        }
    }

    private static func paint(_ text: String, _ kind: Ending.Kind, _ terminal: Terminal) -> String {
        terminal.paint(text, kind == .won ? .green : kind == .lost ? .red : .yellow)
    }

    private static func clean(_ text: String) -> String { TerminalSanitizer.clean(text) }

    /// 12,345 (grouped, locale-independent).
    static func count(_ value: UInt64) -> String {
        if value == .max { return "more than 18 quintillion" }
        let digits = String(value)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return out
    }
}
