/// `dojo report --format csv`: one row per session, then one per turn of it, in one table with
/// stable columns (`docs/reports.md`). RFC 4180 quoting; text that a spreadsheet would run as a
/// formula (starting with = + - @) gets a leading apostrophe.
public enum CSVReport {
    /// The columns, in order. Never rename or reorder one; add new ones at the end.
    public static let columns = [
        "row", "session_id", "trainee", "kind", "activity", "value_type", "mode", "started_at", "ended_at", "outcome", "ending",
        "total", "pass_mark", "passed", "hints", "rewinds", "turn_number", "turn_id", "score", "alignment", "expected", "credited",
        "missed", "hinted", "rewound", "flags", "reply",
    ]

    /// The whole CSV, with a header line; sessions in `ReportOrder`.
    public static func render(_ sessions: [SessionSummary]) -> String {
        var out = columns.joined(separator: ",") + "\r\n"
        for s in ReportOrder.sorted(sessions) {
            let session: [String] = [
                "session", s.id, s.trainee, s.kind.rawValue, s.activity, s.valueType?.rawValue ?? "", s.mode, s.startedAt, s.endedAt ?? "",
                s.outcome.rawValue, s.ending ?? "", String(s.total), s.passMark.map(String.init) ?? "", s.passed.map { $0 ? "true" : "false" } ?? "",
                String(s.hints), String(s.rewinds),
            ]
            out += line(session + Array(repeating: "", count: columns.count - session.count))
            for t in s.turns {
                var row = ["turn", s.id, s.trainee, s.kind.rawValue, s.activity] + Array(repeating: "", count: 11)
                row += [String(t.number), t.turn, String(t.score), t.alignment, t.expected.joined(separator: " "),
                        t.credited.joined(separator: " "), t.missed.joined(separator: " "), t.hinted ? "true" : "false",
                        t.rewound ? "true" : "false", t.flags.joined(separator: " "), t.text]
                out += line(row)
            }
        }
        return out
    }

    static func line(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }

    static func field(_ raw: String) -> String {
        var text = raw
        if let first = text.unicodeScalars.first, "=+-@".unicodeScalars.contains(first) || first == "\t" || first == "\r" {
            text = "'" + text
        }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
