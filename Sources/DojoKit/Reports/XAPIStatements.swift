/// `dojo report --format xapi`: xAPI 1.0.3 statements for an LMS's Learning Record Store. Per
/// session: `attempted`, one `answered` per counted reply (`result.score.scaled`), `completed` and
/// `passed` or `failed`. The actor is an `account` under `homePage`; activity ids live under
/// `baseIRI`; every statement id is a name-based UUID of (session, verb, reply), so exporting
/// again sends the same ids and an LRS does not store duplicates.
public struct XAPIStatements: Sendable {
    /// The actor account's home page (the LMS or company site).
    public var homePage: String
    /// Base IRI for activity ids (no trailing slash).
    public var baseIRI: String

    /// An exporter.
    public init(homePage: String, baseIRI: String) {
        self.homePage = homePage
        self.baseIRI = baseIRI.hasSuffix("/") ? String(baseIRI.dropLast()) : baseIRI
    }

    static let verbs: [String: String] = [
        "attempted": "http://adlnet.gov/expapi/verbs/attempted",
        "answered": "http://adlnet.gov/expapi/verbs/answered",
        "completed": "http://adlnet.gov/expapi/verbs/completed",
        "passed": "http://adlnet.gov/expapi/verbs/passed",
        "failed": "http://adlnet.gov/expapi/verbs/failed",
    ]

    /// The statements as one JSON array (what `POST /xAPI/statements` takes).
    public func render(_ sessions: [SessionSummary], passMark: (SessionSummary) -> Int) -> [UInt8] {
        var w = JSONWriter()
        w.beginArray()
        for s in ReportOrder.sorted(sessions) { statements(for: s, passMark: passMark(s), into: &w) }
        w.endArray()
        w.bytes.append(0x0A)
        return w.bytes
    }

    /// Statement ids of a session, in order (for tests and de-duplication checks).
    public func ids(for s: SessionSummary) -> [String] {
        var ids = [id(s, "attempted", 0)]
        ids += s.countedTurns.map { id(s, "answered", $0.number) }
        if s.outcome != .unfinished { ids += [id(s, "completed", 0), id(s, "result", 0)] }
        return ids
    }

    func id(_ s: SessionSummary, _ verb: String, _ n: Int) -> String {
        StableID.uuid(namespace: "salesdojo-xapi", "\(s.id)/\(verb)/\(n)")
    }

    static func iri(_ text: String) -> String {
        var out = ""
        for byte in text.utf8 {
            let c = Character(Unicode.Scalar(byte))
            if c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_" || c == ".") { out.append(c) } else {
                let hex = Array("0123456789ABCDEF")
                out += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
            }
        }
        return out
    }

    /// ISO 8601 duration between two ISO 8601 timestamps (PT…S), nil when either is missing or unreadable.
    static func duration(from start: String, to end: String?) -> String? {
        guard let end, let a = seconds(start), let b = seconds(end), b >= a else { return nil }
        let total = b - a
        let whole = Int(total)
        let centis = Int(((total - Double(whole)) * 100).rounded())
        return "PT\(whole)" + (centis > 0 ? "." + (centis < 10 ? "0" : "") + String(centis) : "") + "S"
    }

    /// Seconds since an arbitrary epoch of `YYYY-MM-DDThh:mm:ss[.fff]Z` (what dojo writes).
    static func seconds(_ text: String) -> Double? {
        let b = Array(text.utf8)
        guard b.count >= 20, b[4] == 0x2D, b[7] == 0x2D, b[10] == 0x54, b[13] == 0x3A, b[16] == 0x3A else { return nil }
        func number(_ r: Range<Int>) -> Int? { Int(String(decoding: b[r], as: UTF8.self)) }
        guard let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10), let h = number(11..<13),
              let mi = number(14..<16), let s = number(17..<19), (1...12).contains(mo) else { return nil }
        var fraction = 0.0
        if b.count > 20, b[19] == 0x2E, let end = b[20...].firstIndex(where: { !(0x30...0x39).contains($0) }),
           let digits = Double("0." + String(decoding: b[20..<end], as: UTF8.self)) {
            fraction = digits
        }
        // Days from civil (Howard Hinnant's algorithm).
        let yy = mo <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        let days = era * 146_097 + doe - 719_468
        return Double(days * 86_400 + h * 3_600 + mi * 60 + s) + fraction
    }

    private func statements(for s: SessionSummary, passMark: Int, into w: inout JSONWriter) {
        let activity = baseIRI + "/" + (s.kind == .drill ? "drills" : "scenarios") + "/" + Self.iri(s.activity)
        let name = s.trainee.isEmpty ? "anonymous" : s.trainee
        func begin(_ verb: String, _ n: Int, timestamp: String?) {
            w.beginObject()
            w.key("id"); w.string(id(s, verb == "passed" || verb == "failed" ? "result" : verb, n))
            w.key("actor")
            w.beginObject()
            w.key("objectType"); w.string("Agent")
            w.key("account"); w.beginObject(); w.key("homePage"); w.string(homePage); w.key("name"); w.string(name); w.endObject()
            w.endObject()
            w.key("verb")
            w.beginObject()
            w.key("id"); w.string(Self.verbs[verb] ?? verb)
            w.key("display"); w.beginObject(); w.key("en-US"); w.string(verb); w.endObject()
            w.endObject()
            if let timestamp, Self.seconds(timestamp) != nil { w.key("timestamp"); w.string(timestamp) }
        }
        func object(_ id: String, name: String, type: String) {
            w.key("object")
            w.beginObject()
            w.key("objectType"); w.string("Activity")
            w.key("id"); w.string(id)
            w.key("definition")
            w.beginObject()
            w.key("name"); w.beginObject(); w.key("en-US"); w.string(name); w.endObject()
            w.key("type"); w.string(type)
            w.endObject()
            w.endObject()
        }
        func context(parent: Bool) {
            w.key("context")
            w.beginObject()
            w.key("registration"); w.string(s.id)
            if parent {
                w.key("contextActivities")
                w.beginObject()
                w.key("parent"); w.beginArray(); w.beginObject(); w.key("objectType"); w.string("Activity"); w.key("id"); w.string(activity); w.endObject(); w.endArray()
                w.endObject()
            }
            w.key("extensions")
            w.beginObject()
            w.key(baseIRI + "/extensions/mode"); w.string(s.mode)
            w.endObject()
            w.endObject()
        }
        let activityType = "http://adlnet.gov/expapi/activities/simulation"
        begin("attempted", 0, timestamp: s.startedAt)
        object(activity, name: s.activity, type: activityType)
        context(parent: false)
        w.endObject()
        for t in s.countedTurns {
            begin("answered", t.number, timestamp: s.startedAt)  // no per-reply time is recorded; an LRS would otherwise stamp it, and a re-export would differ
            object(activity + "/turns/" + Self.iri(t.turn) + "/" + String(t.number), name: "\(s.activity) #\(t.number) \(t.turn)",
                   type: "http://adlnet.gov/expapi/activities/interaction")
            w.key("result")
            w.beginObject()
            w.key("score")
            w.beginObject()
            w.key("scaled"); w.number(Double(max(0, min(100, t.score))) / 100)
            w.key("raw"); w.int(max(0, min(100, t.score)))
            w.key("min"); w.int(0)
            w.key("max"); w.int(100)
            w.endObject()
            w.key("response"); w.string(t.text)
            w.endObject()
            context(parent: true)
            w.endObject()
        }
        guard s.outcome != .unfinished else { return }
        let total = max(0, min(100, s.total))
        func result(success: Bool?) {
            w.key("result")
            w.beginObject()
            w.key("score")
            w.beginObject()
            w.key("scaled"); w.number(Double(total) / 100)
            w.key("raw"); w.int(total)
            w.key("min"); w.int(0)
            w.key("max"); w.int(100)
            w.endObject()
            if let success { w.key("success"); w.bool(success) }
            w.key("completion"); w.bool(true)
            if let duration = Self.duration(from: s.startedAt, to: s.endedAt) { w.key("duration"); w.string(duration) }
            w.endObject()
        }
        let ended = s.endedAt ?? s.startedAt
        begin("completed", 0, timestamp: ended)
        object(activity, name: s.activity, type: activityType)
        result(success: nil)
        context(parent: false)
        w.endObject()
        let passed = s.passed ?? (total >= passMark)
        begin(passed ? "passed" : "failed", 0, timestamp: ended)
        object(activity, name: s.activity, type: activityType)
        result(success: passed)
        context(parent: false)
        w.endObject()
    }
}
