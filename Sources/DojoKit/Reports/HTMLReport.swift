/// `dojo report --format html`: one self-contained page (inline CSS and SVG, no script, no network,
/// a Content-Security-Policy that forbids both) with, per trainee, the score trend, per-tactic
/// mastery, type alignment and every session's turns with the replies and the coaching; with more
/// than one trainee, a class table first. Every piece of text is escaped.
public struct HTMLReport: Sendable {
    /// Tactic names and coaching in the report's language.
    public var catalog: TacticCatalog
    /// Chinese labels (else English).
    public var chinese: Bool
    /// The page title.
    public var title: String

    /// Each tactic's description, escaped once (the coaching line for a missed tactic).
    private let coaching: [String: String]

    /// A report.
    public init(catalog: TacticCatalog, chinese: Bool, title: String) {
        self.catalog = catalog
        self.chinese = chinese
        self.title = title
        var coaching: [String: String] = [:]
        for tactic in catalog.allTactics {
            let text = chinese ? tactic.description.zh : tactic.description.en
            if !text.isEmpty { coaching[tactic.id] = Self.escape(text) }
        }
        self.coaching = coaching
    }

    /// Escapes text for HTML element content and quoted attribute values; control characters
    /// (other than newline and tab) are dropped. Works on UTF-8 bytes: reports escape every reply.
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        let needsWork = utf8.withContiguousStorageIfAvailable { bytes in bytes.contains(where: isSpecial) } ?? utf8.contains(where: isSpecial)
        guard needsWork else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "&"): out += Array("&amp;".utf8)
            case UInt8(ascii: "<"): out += Array("&lt;".utf8)
            case UInt8(ascii: ">"): out += Array("&gt;".utf8)
            case UInt8(ascii: "\""): out += Array("&quot;".utf8)
            case UInt8(ascii: "'"): out += Array("&#39;".utf8)
            case 0x0A, 0x09: out.append(byte)
            case 0x00..<0x20, 0x7F: continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isSpecial(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x7F || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'")
    }

    private func t(_ zh: String, _ en: String) -> String { chinese ? zh : en }

    private func tacticName(_ id: String) -> String {
        guard let tactic = catalog.tactic(id) else { return id }
        return chinese ? tactic.name.zh : tactic.name.en
    }

    static let css = """
        body{font-family:system-ui,-apple-system,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:2em auto;max-width:1100px;color:#1d2330;padding:0 1em}
        h1{font-size:1.6em;border-bottom:3px solid #2b6cb0;padding-bottom:.3em}h2{margin-top:2em;color:#2b6cb0}
        table{border-collapse:collapse;width:100%;margin:.6em 0}th,td{border-bottom:1px solid #dde3ea;padding:.35em .5em;text-align:left;vertical-align:top}
        th{background:#f0f4f8}td.n{text-align:right;font-variant-numeric:tabular-nums}.charts{display:flex;flex-wrap:wrap;gap:1.5em}
        .chart{border:1px solid #dde3ea;border-radius:6px;padding:.5em}.chart h3{margin:.2em 0 .4em;font-size:1em}
        details{margin:.4em 0;border:1px solid #dde3ea;border-radius:6px;padding:.3em .6em}summary{cursor:pointer;font-weight:600}
        .reply{white-space:pre-wrap}.miss{color:#b7791f}.ok{color:#2f855a}.bad{color:#c53030}.muted{color:#718096;font-size:.9em}
        """

    /// The page for these sessions (any number of trainees).
    public func render(_ sessions: [SessionSummary]) -> String {
        let sorted = ReportOrder.sorted(sessions)
        var byTrainee: [(String, [SessionSummary])] = []
        for s in sorted {
            if byTrainee.last?.0 == s.trainee { byTrainee[byTrainee.count - 1].1.append(s) } else { byTrainee.append((s.trainee, [s])) }
        }
        var html = ""
        html.reserveCapacity(sorted.count * 3_000 + 10_000)
        html += """
            <!DOCTYPE html>
            <html lang="\(chinese ? "zh-Hans" : "en")"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <meta name="viewport" content="width=device-width,initial-scale=1">
            <title>\(Self.escape(title))</title><style>\(Self.css)</style></head><body>
            <h1>\(Self.escape(title))</h1>
            <p class="muted">\(t("学员", "Trainees")): \(byTrainee.count) · \(t("练习", "Sessions")): \(sorted.count)</p>

            """
        if byTrainee.count > 1 { html += classTable(byTrainee) + "\n" }
        for (trainee, list) in byTrainee { section(trainee: trainee, sessions: list, into: &html) }
        html += "</body></html>\n"
        return html
    }

    private func classTable(_ groups: [(String, [SessionSummary])]) -> String {
        var rows = ["<h2>\(t("全班", "Class"))</h2><table><thead><tr><th>\(t("学员", "Trainee"))</th><th>\(t("练习", "Sessions"))</th>"
                    + "<th>\(t("平均", "Average"))</th><th>\(t("最高", "Best"))</th><th>\(t("类型匹配", "Alignment"))</th>"
                    + "<th>\(t("考试通过", "Exams passed"))</th></tr></thead><tbody>"]
        for (trainee, list) in groups {
            let plays = list.filter { $0.kind == .play }
            let totals = plays.map(\.total)
            let average = totals.isEmpty ? 0 : (totals.reduce(0, +) + totals.count / 2) / totals.count
            let counted = plays.flatMap(\.countedTurns)
            let matched = counted.filter { $0.alignment == "match" }.count
            let rate = counted.isEmpty ? 0 : Int((Double(matched) / Double(counted.count) * 100).rounded())
            let exams = plays.filter { $0.mode == "exam" }
            rows.append("<tr><td><a href=\"#\(anchor(trainee))\">\(Self.escape(trainee.isEmpty ? "—" : trainee))</a></td><td class=\"n\">\(list.count)</td>"
                        + "<td class=\"n\">\(average)</td><td class=\"n\">\(totals.max() ?? 0)</td><td class=\"n\">\(rate)%</td>"
                        + "<td class=\"n\">\(exams.filter { $0.passed == true }.count)/\(exams.count)</td></tr>")
        }
        rows.append("</tbody></table>")
        return rows.joined()
    }

    private func anchor(_ trainee: String) -> String { "t-" + StableID.uuid(namespace: "html-anchor", trainee) }

    private func section(trainee: String, sessions: [SessionSummary], into out: inout String) {
        let analysis = ProgressAnalysis(sessions: sessions, catalog: catalog)
        out += "<section id=\"\(anchor(trainee))\"><h2>\(Self.escape(trainee.isEmpty ? "—" : trainee))</h2><div class=\"charts\">"
        out += trend(sessions.filter { $0.kind == .play && $0.outcome != .unfinished }.map(\.total))
        out += mastery(analysis.tactics)
        out += alignment(matched: analysis.matched, total: analysis.replies,
                         mismatched: sessions.filter { $0.kind == .play }.flatMap(\.countedTurns).filter { $0.alignment == "mismatch" }.count)
        out += "</div>\n"
        for s in sessions { details(s, into: &out) }
        out += "</section>\n"
    }

    /// Score trend: totals in order, 0–100.
    private func trend(_ totals: [Int]) -> String {
        let width = 360, height = 160, left = 30, bottom = 20
        var svg = "<div class=\"chart\"><h3>\(t("分数走势", "Score trend"))</h3><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(t("分数走势", "score trend"))\">"
        svg += "<line x1=\"\(left)\" y1=\"10\" x2=\"\(left)\" y2=\"\(height - bottom)\" stroke=\"#718096\"/><line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 5)\" y2=\"\(height - bottom)\" stroke=\"#718096\"/>"
        for mark in [0, 50, 100] {
            let y = Double(height - bottom) - Double(mark) / 100 * Double(height - bottom - 10)
            svg += "<text x=\"2\" y=\"\(Int(y) + 4)\" font-size=\"10\" fill=\"#718096\">\(mark)</text>"
        }
        let shown = Array(totals.suffix(60))
        if !shown.isEmpty {
            let step = shown.count > 1 ? Double(width - left - 15) / Double(shown.count - 1) : 0
            let points = shown.enumerated().map { i, v -> String in
                let x = Double(left + 5) + Double(i) * step
                let y = Double(height - bottom) - Double(max(0, min(100, v))) / 100 * Double(height - bottom - 10)
                return "\(Int(x)),\(Int(y))"
            }
            svg += "<polyline fill=\"none\" stroke=\"#2b6cb0\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>"
            for p in points { svg += "<circle r=\"3\" fill=\"#2b6cb0\" cx=\"\(p.split(separator: ",")[0])\" cy=\"\(p.split(separator: ",")[1])\"/>" }
        }
        return svg + "</svg></div>"
    }

    /// Per-tactic mastery: used-when-expected rate as bars.
    private func mastery(_ tactics: [ProgressAnalysis.TacticStat]) -> String {
        let rows = tactics.filter { $0.expected > 0 }
        let height = max(40, rows.count * 22 + 10)
        var svg = "<div class=\"chart\"><h3>\(t("战术掌握", "Tactic mastery"))</h3><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"420\" height=\"\(height)\" role=\"img\" aria-label=\"\(t("战术掌握", "tactic mastery"))\">"
        for (i, s) in rows.enumerated() {
            let y = 5 + i * 22
            let w = Int(s.rate * 200)
            svg += "<text x=\"0\" y=\"\(y + 13)\" font-size=\"11\">\(Self.escape(tacticName(s.id)))</text>"
            svg += "<rect x=\"180\" y=\"\(y)\" width=\"200\" height=\"16\" fill=\"#edf2f7\"/><rect x=\"180\" y=\"\(y)\" width=\"\(w)\" height=\"16\" fill=\"\(s.rate >= 0.7 ? "#38a169" : s.rate >= 0.4 ? "#d69e2e" : "#e53e3e")\"/>"
            svg += "<text x=\"385\" y=\"\(y + 13)\" font-size=\"11\">\(s.used)/\(s.expected)</text>"
        }
        if rows.isEmpty { svg += "<text x=\"0\" y=\"20\" font-size=\"12\" fill=\"#718096\">\(t("还没有数据", "no data yet"))</text>" }
        return svg + "</svg></div>"
    }

    /// Type alignment: matched / mismatched / none as one stacked bar.
    private func alignment(matched: Int, total: Int, mismatched: Int) -> String {
        let none = max(0, total - matched - mismatched)
        var svg = "<div class=\"chart\"><h3>\(t("类型匹配", "Type alignment"))</h3><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"300\" height=\"70\" role=\"img\" aria-label=\"\(t("类型匹配", "type alignment"))\">"
        var x = 0.0
        for (count, colour, label) in [(matched, "#38a169", t("匹配", "match")), (mismatched, "#e53e3e", t("错配", "mismatch")), (none, "#a0aec0", t("无", "none"))] {
            let w = total == 0 ? 0 : Double(count) / Double(total) * 280
            svg += "<rect x=\"\(Int(x))\" y=\"5\" width=\"\(Int(w.rounded()))\" height=\"24\" fill=\"\(colour)\"><title>\(label) \(count)</title></rect>"
            x += w
        }
        svg += "<text x=\"0\" y=\"50\" font-size=\"11\">\(t("匹配", "match")) \(matched) · \(t("错配", "mismatch")) \(mismatched) · \(t("无", "none")) \(none)</text>"
        return svg + "</svg></div>"
    }

    private func details(_ s: SessionSummary, into out: inout String) {
        let outcome = s.outcome.rawValue + (s.passed.map { $0 ? " ✓" : " ✗" } ?? "")
        out += "<details><summary>"
        out += Self.escape(s.startedAt)
        out += " · "
        out += Self.escape(s.activity)
        out += " · "
        out += Self.escape(s.mode)
        out += " · "
        out += outcome
        out += " · \(s.total)</summary>"
        guard !s.turns.isEmpty else {
            out += "<p class=\"muted\">\(t("没有回答。", "No replies."))</p></details>\n"
            return
        }
        out += "<table><thead><tr><th>#</th><th>\(t("回答", "Reply"))</th><th>\(t("得分", "Score"))</th><th>\(t("辅导", "Coaching"))</th></tr></thead><tbody>"
        for turn in s.turns {
            out += "<tr><td class=\"n\">\(turn.number)</td><td class=\"reply\">"
            out += Self.escape(turn.text)
            out += "</td><td class=\"n\">\(turn.score)</td><td>"
            var first = true
            func separate() { if !first { out += "<br>" }; first = false }
            if !turn.credited.isEmpty {
                separate()
                out += "<span class=\"ok\">✓ "
                out += turn.credited.map { Self.escape(tacticName($0)) }.joined(separator: ", ")
                out += "</span>"
            }
            for id in turn.missed {
                separate()
                out += "<span class=\"miss\">" + t("可以用：", "Try: ") + Self.escape(tacticName(id))
                if let how = coaching[id] { out += " — " + how }
                out += "</span>"
            }
            if turn.alignment == "mismatch" { separate(); out += "<span class=\"bad\">" + t("类型错配", "type mismatch") + "</span>" }
            if turn.rewound { separate(); out += "<span class=\"muted\">" + t("已撤回", "rewound") + "</span>" }
            out += "</td></tr>"
        }
        out += "</tbody></table></details>\n"
    }
}
