import Foundation
import Testing
@testable import DojoKit

/// The typed transcript records: one encoder, one range-checked decoder, unknown kinds skipped,
/// streaming, and the regrader's recomputed totals.
@Suite("Transcript records")
struct TranscriptRecordTests {
    static func session(_ id: String = "customer-a-lowest-quote", mode: SessionMode = .practice,
                        replies: [String] = ["每年为您节约20万元。", "我们的团队很专业。"]) throws -> Session {
        let scenario = try #require(Shipped.library.scenario(id))
        var session = Session(scenario: scenario, evaluator: Shipped.evaluator, mode: mode, seed: 1, trainee: "wang")
        if mode == .exam { session.identifyType("1") }
        for reply in replies where session.phase != .ended { _ = try session.respond(reply) }
        session.abandon()
        return session
    }

    static func lines(_ session: Session) -> [String] {
        session.events.map {
            String(decoding: $0.json(scenarioHash: "fnv1a64:1", startedAt: "2026-11-30T01:02:03.456Z", endedAt: "2026-11-30T01:09:00Z",
                                     explain: { "\($0)" }), as: UTF8.self)
        }
    }

    @Test("a played session encodes, decodes and re-encodes to the same bytes")
    func roundTrip() throws {
        let lines = Self.lines(try Self.session())
        let transcript = try Transcript.parse(Array((lines.joined(separator: "\n") + "\n").utf8))
        #expect(transcript.records.map { String(decoding: $0.encoded(), as: UTF8.self) } == lines)
        #expect(transcript.start?.trainee == "wang")
        #expect(transcript.replies.count == 2)
        #expect(transcript.replies[0].expect?.isEmpty == false, "the turn's expected tactics are recorded")
        guard case let .end(end)? = transcript.records.last else { Issue.record("no end record"); return }
        #expect(end.endedAt == "2026-11-30T01:09:00Z")
    }

    @Test("drill records round-trip through the same encoder and decoder")
    func drillRoundTrip() throws {
        let set = try #require(Shipped.library.drills.first)
        var drill = DrillSession(set: set, catalog: Shipped.library.catalog, seed: 3, count: 2)
        let start = TranscriptRecord.drillStart(DrillStartRecord(drill, trainee: "li", startedAt: "t"))
        let given = drill.answer("1 只看价格")
        let answer = TranscriptRecord.drillAnswer(DrillAnswerRecord(try #require(given)))
        let end = TranscriptRecord.drillEnd(DrillEndRecord(drill, endedAt: nil))
        var bytes: [UInt8] = []
        for record in [start, answer, end] { bytes += record.encoded() + [0x0A] }
        #expect(try Transcript.parse(bytes).records == [start, answer, end])
    }

    /// One transcript line with a field replaced.
    static func damaged(_ replace: String, with value: String, in kind: String) throws -> String {
        let lines = Self.lines(try Self.session())
        return lines.map { line in
            guard line.hasPrefix("{\"event\":\"\(kind)\"") else { return line }
            guard let range = line.range(of: replace) else { return line }
            return line.replacingCharacters(in: range, with: value)
        }.joined(separator: "\n") + "\n"
    }

    @Test("every number is range-checked: huge, infinite, negative or fractional values are 'damaged at line N', never a trap",
          arguments: [
            ("\"n\":1,", "\"n\":1e19,", "reply", "\"n\""),
            ("\"n\":1,", "\"n\":-1e999,", "reply", "\"n\""),
            ("\"n\":1,", "\"n\":1.5,", "reply", "\"n\""),
            ("\"score\":", "\"score\":1e999,\"x\":", "reply", "\"assessment.score\""),
            ("\"total\":", "\"total\":1e19,\"x\":", "end", "\"scorecard.total\""),
            ("\"from\":", "\"from\":9.3e18,\"x\":", "reply", "\"effects[1].from\""),
            ("\"pass_mark\":", "\"pass_mark\":-5,\"x\":", "start", "\"pass_mark\""),
            ("\"confidence\":", "\"confidence\":1e300,\"x\":", "reply", "confidence"),
          ])
    func rangeChecked(_ replace: String, _ value: String, _ kind: String, _ field: String) throws {
        let text = try Self.damaged(replace, with: value, in: kind)
        #expect(text.contains(value), "the fixture must contain the damage")
        do {
            _ = try Transcript.parse(Array(text.utf8))
            Issue.record("damage was not reported")
        } catch {
            #expect(error.description.hasPrefix("damaged at line "), "\(error)")
            #expect(error.description.contains(field), "\(error)")
        }
    }

    @Test("a rewind out of range is damage too")
    func rewindRange() throws {
        let text = "{\"event\":\"start\",\"scenario\":\"x\"}\n{\"event\":\"rewind\",\"n\":1e19,\"turn\":\"a\"}\n"
        #expect(throws: Transcript.DamagedLine(line: 2, message: "\"n\" is 1e+19; expected a whole number from 0 to 1000000")) {
            try Transcript.parse(Array(text.utf8))
        }
    }

    @Test("an unknown event kind is skipped with a note, not fatal; old transcripts without new fields read")
    func unknownKinds() throws {
        let text = """
            {"event":"start","scenario":"customer-a-lowest-quote","trainee":"t","mode":"practice","seed":"1"}
            {"event":"coach_note","n":1,"reason":"note"}
            {"event":"reply","n":1,"turn":"opening","text":"hi","assessment":{"score":40,"alignment":"none","tactics":[]}}
            {"event":"end","ending":null,"kind":null,"scorecard":{"total":40}}

            """
        let reader = TranscriptReader(bytes: Array(text.utf8))
        var kinds: [String] = []
        while let record = try reader.next() { kinds.append(record.kind) }
        #expect(kinds == ["start", "coach_note", "reply", "end"])
        #expect(reader.skipped.map(\.line) == [2])
        #expect(reader.skipped.map(\.kind) == ["coach_note"])
        let transcript = try Transcript.parse(Array(text.utf8))
        #expect(transcript.replies.first?.expect == nil)
        #expect(transcript.replies.first?.assessment.score == 40)
    }

    @Test("the reader streams lines longer than its buffer and ignores only a torn last line")
    func streaming() throws {
        let long = String(repeating: "节", count: 60_000)
        let text = "{\"event\":\"start\",\"scenario\":\"x\"}\n{\"event\":\"buyer\",\"turn\":\"a\",\"text\":\"\(long)\"}\n{\"event\":\"bu"
        let path = NSTemporaryDirectory() + "dojo-stream-\(UUID().uuidString).jsonl"
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try TranscriptReader(path: path)
        var records: [TranscriptRecord] = []
        while let record = try reader.next() { records.append(record) }
        #expect(records.count == 2)
        #expect(reader.tornLastLine)
        guard case let .buyer(buyer) = records[1] else { Issue.record("not a buyer record"); return }
        #expect(buyer.text == long)
    }

    @Test("the reader refuses folders and FIFOs instead of blocking")
    func notRegular() throws {
        #expect(throws: TranscriptReader.OpenError.folder) { try TranscriptReader(path: NSTemporaryDirectory()) }
        let fifo = NSTemporaryDirectory() + "dojo-fifo-\(UUID().uuidString)"
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: fifo) }
        #expect(throws: TranscriptReader.OpenError.notRegularFile) { try TranscriptReader(path: fifo) }
        #expect(throws: TranscriptReader.OpenError.missing) { try TranscriptReader(path: fifo + "-none") }
    }

    @Test("regrade returns the differences and recomputes the total from today's scores")
    func regrade() throws {
        let session = try Self.session()
        let scenario = session.scenario
        // Tamper with the record as if an older evaluator had scored reply 1 at 5 and the total at 3.
        var records = try Transcript.parse(Array((Self.lines(session).joined(separator: "\n") + "\n").utf8)).records
        for i in records.indices {
            if case var .reply(r) = records[i], r.number == 1 {
                r.assessment.score = 5
                r.assessment.findings = []
                records[i] = .reply(r)
            }
            if case var .end(e) = records[i] {
                e.scorecard.total = 3
                records[i] = .end(e)
            }
        }
        var regrader = Regrader(scenario: scenario, evaluator: Shipped.evaluator)
        for record in records { regrader.add(record) }
        let result = regrader.result()
        #expect(result.regraded == 2)
        #expect(result.changes.map(\.number) == [1])
        #expect(result.changes.first?.before == 5)
        #expect(result.changes.first?.after == session.exchanges[0].assessment.score)
        #expect(result.changes.first?.added.isEmpty == false)
        #expect(result.totalBefore == 3)
        #expect(result.totalAfter == session.scorecard().total, "the recomputed total is the live scorecard's")
        #expect(result.passedAfter == nil)
    }

    @Test("regrade of an exam recomputes pass/fail with the type-guess deduction and skips rewound replies")
    func regradeExam() throws {
        let session = try Self.session(mode: .exam, replies: ["好的。"])
        var regrader = Regrader(scenario: session.scenario, evaluator: Shipped.evaluator)
        for event in session.events { regrader.add(event.record(explain: { "\($0)" })) }
        let result = regrader.result()
        #expect(result.totalAfter == session.scorecard().total)
        #expect(result.passedAfter == session.scorecard().passed)
        // Rewound replies do not count.
        let scenario = session.scenario
        var practice = Session(scenario: scenario, evaluator: Shipped.evaluator, seed: 1)
        _ = try practice.respond("好的。")
        try practice.rewind()
        _ = try practice.respond("每年为您节约20万元。")
        practice.abandon()
        var again = Regrader(scenario: scenario, evaluator: Shipped.evaluator)
        for event in practice.events { again.add(event.record(explain: { "\($0)" })) }
        #expect(again.result().totalAfter == practice.scorecard().total)
        #expect(again.result().regraded == 2)
    }
}
