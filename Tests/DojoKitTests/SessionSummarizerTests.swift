import Foundation
import Testing
@testable import DojoKit

/// What the store keeps of a transcript: turns with expectations, hints, rewinds and flags; the
/// outcome; a stable id; drills; foreign files.
@Suite("Session summaries")
struct SessionSummarizerTests {
    static func summarize(_ events: [SessionEvent], lookup: @escaping SessionSummarizer.ScenarioLookup = { _ in nil }) throws -> SessionSummary {
        var summarizer = SessionSummarizer(path: "/t.jsonl", lookup: lookup)
        for event in events { try summarizer.add(event.record(startedAt: "2026-11-30T01:00:00.000Z", explain: { "\($0)" })) }
        return try #require(summarizer.finish())
    }

    @Test("a practice session: hint marks the next reply, a rewound reply does not count, a flag is kept")
    func practice() throws {
        let scenario = try #require(Shipped.library.scenario("customer-a-lowest-quote"))
        var session = Session(scenario: scenario, evaluator: Shipped.evaluator, seed: 1, trainee: "wang")
        _ = try session.hint()
        _ = try session.respond("好的。")
        try session.rewind()
        _ = try session.respond("每年为您节约20万元，报价直接发您邮箱。")
        try session.flag(note: "more credit")
        session.abandon()
        let s = try Self.summarize(session.events)
        #expect(s.trainee == "wang" && s.kind == .play && s.mode == "practice" && s.outcome == .abandoned)
        #expect(s.hints == 1 && s.rewinds == 1)
        #expect(s.turns.map(\.number) == [1, 2])
        #expect(s.turns[0].hinted && s.turns[0].rewound && s.turns[0].flags == ["rewound"])
        #expect(!s.turns[1].hinted && s.turns[1].flags == ["flagged"])
        #expect(s.countedTurns.map(\.number) == [2])
        #expect(s.turns[1].expected == scenario.turn(s.turns[1].turn)?.expect)
        #expect(s.total == session.scorecard().total)
        // The same start record gives the same id; another session another.
        #expect(try Self.summarize(session.events).id == s.id)
        var other = Session(scenario: scenario, evaluator: Shipped.evaluator, seed: 2, trainee: "wang")
        other.abandon()
        #expect(try Self.summarize(other.events).id != s.id)
    }

    @Test("no end record: unfinished, total from the counted replies; a foreign first line is refused")
    func unfinished() throws {
        let scenario = try #require(Shipped.library.scenario("customer-a-lowest-quote"))
        var session = Session(scenario: scenario, evaluator: Shipped.evaluator, seed: 1)
        let exchange = try session.respond("每年为您节约20万元。")
        let s = try Self.summarize(session.events)
        #expect(s.outcome == .unfinished)
        #expect(s.total == exchange.assessment.score)
        var summarizer = SessionSummarizer(path: "/x")
        #expect(throws: SessionSummarizer.Failure.noStart) { try summarizer.add(.buyer(BuyerRecord(turn: "a", text: "b"))) }
    }

    @Test("old transcripts without `expect` take the expectations from the scenario")
    func oldTranscript() throws {
        let scenario = try #require(Shipped.library.scenario("customer-a-lowest-quote"))
        var session = Session(scenario: scenario, evaluator: Shipped.evaluator, seed: 1)
        _ = try session.respond("好的。")
        session.abandon()
        var summarizer = SessionSummarizer(path: "/t") { id in id == scenario.id ? scenario : nil }
        for event in session.events {
            var record = event.record(explain: { "\($0)" })
            if case var .reply(r) = record { r.expect = nil; record = .reply(r) }
            try summarizer.add(record)
        }
        let s = try #require(summarizer.finish())
        #expect(s.valueType == scenario.valueType)
        #expect(s.turns[0].expected == scenario.turn(s.turns[0].turn)?.expect)
        #expect(!s.turns[0].missed.isEmpty)
    }
}
