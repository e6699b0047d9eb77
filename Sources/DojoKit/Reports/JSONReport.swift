/// `dojo report --format json`: `{"format":"salesdojo-report","version":1,"sessions":[…]}`, one
/// object per session with its turns; the keys match the CSV columns (`docs/reports.md`).
public enum JSONReport {
    /// Format version; bumped only for an incompatible change.
    public static let version = 1

    /// The whole document (compact, one line, keys in a fixed order).
    public static func render(_ sessions: [SessionSummary]) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("format"); w.string("salesdojo-report")
        w.key("version"); w.int(version)
        w.key("sessions")
        w.beginArray()
        for s in ReportOrder.sorted(sessions) {
            w.beginObject()
            w.key("session_id"); w.string(s.id)
            w.key("trainee"); w.string(s.trainee)
            w.key("kind"); w.string(s.kind.rawValue)
            w.key("activity"); w.string(s.activity)
            w.key("value_type"); w.string(s.valueType?.rawValue)
            w.key("mode"); w.string(s.mode)
            w.key("started_at"); w.string(s.startedAt)
            w.key("ended_at"); w.string(s.endedAt)
            w.key("outcome"); w.string(s.outcome.rawValue)
            w.key("ending"); w.string(s.ending)
            w.key("total"); w.int(s.total)
            w.key("pass_mark"); if let m = s.passMark { w.int(m) } else { w.null() }
            w.key("passed"); if let p = s.passed { w.bool(p) } else { w.null() }
            w.key("hints"); w.int(s.hints)
            w.key("rewinds"); w.int(s.rewinds)
            w.key("turns")
            w.beginArray()
            for t in s.turns {
                w.beginObject()
                w.key("turn_number"); w.int(t.number)
                w.key("turn_id"); w.string(t.turn)
                w.key("score"); w.int(t.score)
                w.key("alignment"); w.string(t.alignment)
                w.key("expected"); w.beginArray(); t.expected.forEach { w.string($0) }; w.endArray()
                w.key("credited"); w.beginArray(); t.credited.forEach { w.string($0) }; w.endArray()
                w.key("missed"); w.beginArray(); t.missed.forEach { w.string($0) }; w.endArray()
                w.key("hinted"); w.bool(t.hinted)
                w.key("rewound"); w.bool(t.rewound)
                w.key("flags"); w.beginArray(); t.flags.forEach { w.string($0) }; w.endArray()
                w.key("reply"); w.string(t.text)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.bytes.append(0x0A)
        return w.bytes
    }
}
