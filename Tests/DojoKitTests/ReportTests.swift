import Foundation
import Testing
@testable import DojoKit

/// Report writers on constructed sessions: golden CSV and JSON, HTML escaping, xAPI ids and fields.
@Suite("Reports")
struct ReportTests {
    static let sessions: [SessionSummary] = [
        SessionSummary(id: StableID.uuid(namespace: "test", "b"), trainee: "李雷", kind: .play, activity: "customer-a-lowest-quote",
                       valueType: .intrinsic, contentHash: "fnv1a64:1", mode: "exam", seed: "7", startedAt: "2026-11-02T09:00:00Z",
                       endedAt: "2026-11-02T09:04:30.25Z", outcome: .won, ending: "deal", total: 74, passMark: 70, passed: true, hints: 0,
                       rewinds: 1, turns: [
                           SessionSummary.Turn(number: 1, turn: "opening", text: "=1+1, \"quoted\"\nnew line", score: 40, alignment: "none",
                                               expected: ["price-angle"], credited: [], hinted: false, rewound: true, flags: ["rewound"]),
                           SessionSummary.Turn(number: 2, turn: "opening", text: "每年为您节约20万元。", score: 88, alignment: "match",
                                               expected: ["price-angle"], credited: ["price-angle"], hinted: true, rewound: false, flags: []),
                       ], transcript: "/t/b.jsonl"),
        SessionSummary(id: StableID.uuid(namespace: "test", "a"), trainee: "amy", kind: .drill, activity: "drill-en", valueType: nil,
                       contentHash: nil, mode: "drill", seed: "3", startedAt: "2026-11-01T08:00:00Z", endedAt: nil, outcome: .finished,
                       ending: nil, total: 50, passMark: nil, passed: nil, hints: 0, rewinds: 0, turns: [
                           SessionSummary.Turn(number: 1, turn: "i-1", text: "<script>alert(1)</script>", score: 0, alignment: "mismatch",
                                               expected: ["intrinsic"], credited: ["strategic"], hinted: false, rewound: false, flags: []),
                       ], transcript: "/t/a.jsonl"),
    ]

    static func golden(_ name: String, _ actual: String) throws {
        let path = Shipped.root + "/Tests/DojoKitTests/Golden/" + name
        if ProcessInfo.processInfo.environment["DOJO_UPDATE_GOLDEN"] != nil {
            try actual.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: path, encoding: .utf8)
        #expect(actual == golden, "differs from \(path); rerun with DOJO_UPDATE_GOLDEN=1 after checking, and update docs/reports.md")
    }

    @Test("CSV: stable columns, RFC 4180 quoting, formulas neutralised (golden)")
    func csv() throws {
        let text = CSVReport.render(Self.sessions)
        try Self.golden("report.csv", text)
        #expect(text.hasPrefix(CSVReport.columns.joined(separator: ",") + "\r\n"))
        #expect(text.contains("\"'=1+1, \"\"quoted\"\"\nnew line\""))
    }

    @Test("JSON: one object per session with its turns (golden); parses back")
    func json() throws {
        let bytes = JSONReport.render(Self.sessions)
        try Self.golden("report.json", String(decoding: bytes, as: UTF8.self))
        let value = try JSONValue.parse(bytes.dropLast())
        guard case let .array(items)? = value["sessions"] else { Issue.record("no sessions"); return }
        #expect(items.count == 2)
        #expect(items[0]["trainee"] == .string("amy"), "sorted by trainee")
    }

    @Test("HTML: every piece of trainee text is escaped; no script element; a CSP forbids scripts")
    func htmlEscaping() {
        let html = HTMLReport(catalog: Shipped.library.catalog, chinese: false, title: "Class <b>report</b>").render(Self.sessions)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(!html.lowercased().contains("<script"))
        #expect(html.contains("Content-Security-Policy\" content=\"default-src 'none'"))
        #expect(html.contains("<title>Class &lt;b&gt;report&lt;/b&gt;</title>"))
        #expect(html.contains("&quot;quoted&quot;"))
        #expect(html.contains("<svg"))
        #expect(!html.contains("http://") || !html.contains("src=\"http"), "no network resources")
        #expect(HTMLReport.escape("a&b<c>\"d\"'e'\u{1B}") == "a&amp;b&lt;c&gt;&quot;d&quot;&#39;e&#39;")
    }

    @Test("xAPI: attempted, answered per counted reply, completed, passed/failed; stable distinct ids; durations")
    func xapi() throws {
        let exporter = XAPIStatements(homePage: "https://lms.example.com", baseIRI: "https://example.com/xapi/")
        let bytes = exporter.render(Self.sessions) { _ in 70 }
        #expect(exporter.render(Self.sessions) { _ in 70 } == bytes, "deterministic")
        let value = try JSONValue.parse(bytes.dropLast())
        guard case let .array(statements) = value else { Issue.record("not an array"); return }
        let verbs = statements.compactMap { $0["verb"]?["id"]?.stringValue?.split(separator: "/").last.map(String.init) }
        // amy's drill: attempted, 1 answered, completed, failed (50 < 70); 李雷: attempted, 1 answered (1 rewound), completed, passed.
        #expect(verbs == ["attempted", "answered", "completed", "failed", "attempted", "answered", "completed", "passed"])
        let ids = statements.compactMap { $0["id"]?.stringValue }
        #expect(Set(ids).count == ids.count)
        #expect(ids == Self.sessions.sorted { $0.trainee < $1.trainee }.flatMap { exporter.ids(for: $0) })
        #expect(statements[5]["result"]?["score"]?["scaled"] == .number(0.88))
        #expect(statements[0]["actor"]?["account"]?["homePage"] == .string("https://lms.example.com"))
        #expect(statements[0]["object"]?["id"] == .string("https://example.com/xapi/drills/drill-en"))
        #expect(statements[6]["result"]?["duration"] == .string("PT270.25S"))
        #expect(statements[2]["result"]?["duration"] == nil, "no end time, no duration")
        for id in ids { #expect(id.count == 36 && Array(id)[14] == "5", "version-5 UUID: \(id)") }
    }

    @Test("SHA-1 and name-based UUIDs match the standard vectors")
    func sha1() {
        let hex = { (b: [UInt8]) in b.map { String(format: "%02x", $0) }.joined() }
        #expect(hex(SHA1.hash(Array("abc".utf8))) == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(hex(SHA1.hash([])) == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(hex(SHA1.hash(Array(String(repeating: "a", count: 1_000).utf8))) == "291e9a6c66994949b57ba5e650361e98fc36b1ba")
        #expect(StableID.uuid(namespace: "x", "y") == StableID.uuid(namespace: "x", "y"))
        #expect(StableID.uuid(namespace: "x", "y") != StableID.uuid(namespace: "x", "z"))
    }
}
