import Foundation
import Testing
@testable import DojoKit

/// Progress figures and the recommendation on a constructed history.
@Suite("Progress analysis")
struct ProgressAnalysisTests {
    static func turn(_ n: Int, score: Int, expected: [String], credited: [String], alignment: String = "match",
                     text: String = "", rewound: Bool = false) -> SessionSummary.Turn {
        SessionSummary.Turn(number: n, turn: "t\(n)", text: text, score: score, alignment: alignment, expected: expected,
                            credited: credited, hinted: false, rewound: rewound, flags: [])
    }

    static func session(_ id: String, activity: String, total: Int, at: String, turns: [SessionSummary.Turn],
                        kind: SessionSummary.Kind = .play) -> SessionSummary {
        SessionSummary(id: id, trainee: "wang", kind: kind, activity: activity, valueType: nil, contentHash: nil, mode: "practice",
                       seed: "1", startedAt: at, endedAt: nil, outcome: .won, ending: nil, total: total, passMark: nil, passed: nil,
                       hints: 0, rewinds: 0, turns: turns, transcript: "")
    }

    static let history = [
        session("1", activity: "customer-a-lowest-quote", total: 80, at: "2026-11-01", turns: [
            turn(1, score: 90, expected: ["price-angle"], credited: ["price-angle"]),
            turn(2, score: 30, expected: ["volume-offer"], credited: [], alignment: "none", text: "好的，我们考虑一下。"),
            turn(3, score: 10, expected: ["volume-offer"], credited: [], alignment: "mismatch", text: "rewound", rewound: true),
        ]),
        session("2", activity: "customer-b-service-guidance", total: 40, at: "2026-11-02", turns: [
            turn(1, score: 50, expected: ["service-guidance"], credited: ["service-guidance"]),
            turn(2, score: 20, expected: ["inside-coach"], credited: [], alignment: "mismatch", text: "价格可以再低一点。"),
            turn(3, score: 25, expected: ["inside-coach", "team-value"], credited: ["team-value"], alignment: "match", text: "我们的团队很专业。"),
        ]),
    ]

    @Test("used-when-expected, average credit, alignment rate; rewound replies do not count")
    func figures() {
        let a = ProgressAnalysis(sessions: Self.history, catalog: Shipped.library.catalog)
        #expect(a.sessions == 2)
        #expect(a.replies == 5)
        #expect(a.matched == 3)
        let byID = Dictionary(uniqueKeysWithValues: a.tactics.map { ($0.id, $0) })
        #expect(byID["price-angle"]?.used == 1 && byID["price-angle"]?.expected == 1)
        #expect(byID["volume-offer"]?.expected == 1, "the rewound reply is not counted")
        #expect(byID["inside-coach"]?.used == 0 && byID["inside-coach"]?.expected == 2)
        #expect(byID["inside-coach"]?.averageCredit == 23)  // (20 + 25) / 2 rounded
        #expect(byID["inside-coach"]?.example == "价格可以再低一点。", "the lowest-scoring miss is the example")
        #expect(a.types.first { $0.valueType == .extrinsic }?.expected == 4)
        #expect(a.weakest.map(\.id) == ["inside-coach", "volume-offer"])
    }

    @Test("the recommendation is a not-yet-passed scenario that exercises the weakest tactic")
    func recommendation() throws {
        let library = Shipped.library
        let a = ProgressAnalysis(sessions: Self.history, catalog: library.catalog)
        let zh = library.scenarios.filter { $0.language.isChinese }
        let r = try #require(a.recommendation(scenarios: zh, sessions: Self.history, drills: library.drills))
        #expect(r.reason == .weakTactic("inside-coach"))
        let chosen = try #require(library.scenario(r.id))
        #expect(chosen.turns.contains { $0.expect.contains("inside-coach") })
        #expect(r.id != "customer-b-service-guidance" || Self.history[1].total < chosen.passMark)
        // Once every scenario exercising inside-coach is passed, the next weakest decides.
        let passedAll = Self.history + zh.filter { s in s.turns.contains { $0.expect.contains("inside-coach") } }.enumerated().map {
            Self.session("p\($0.offset)", activity: $0.element.id, total: 100, at: "2026-11-03", turns: [])
        }
        let next = try #require(a.recommendation(scenarios: zh, sessions: passedAll, drills: library.drills))
        #expect(next.reason != .weakTactic("inside-coach"))
    }

    @Test("weak alignment with no tactic left to exercise recommends the drill")
    func drill() throws {
        let poor = [Self.session("1", activity: "x", total: 10, at: "2026-11-01", turns: [
            Self.turn(1, score: 10, expected: [], credited: [], alignment: "mismatch"),
            Self.turn(2, score: 10, expected: [], credited: [], alignment: "none"),
        ])]
        let a = ProgressAnalysis(sessions: poor, catalog: Shipped.library.catalog)
        let r = try #require(a.recommendation(scenarios: Shipped.library.scenarios, sessions: poor, drills: Shipped.library.drills))
        #expect(r.kind == .drill && r.reason == .lowAlignment)
    }

    @Test("track standing: guide counts once a later step is tried; exam steps need an exam session")
    func trackProgress() throws {
        let track = try #require(Shipped.library.tracks.first { $0.id == "onboarding-zh" })
        var sessions = [Self.session("d", activity: "drill-zh", total: 90, at: "1", turns: [], kind: .drill)]
        sessions[0].outcome = .finished
        var progress = TrackProgress(track: track, sessions: sessions) { _ in 70 }
        #expect(progress.steps.prefix(3).map(\.passed) == [true, true, false])
        #expect(progress.next?.index == 3)
        var exam = Self.session("e", activity: track.steps[8].id, total: 95, at: "2", turns: [])
        progress = TrackProgress(track: track, sessions: sessions + [exam]) { _ in 70 }
        #expect(progress.steps[8].passed == false, "a practice session does not pass an exam step")
        exam.mode = "exam"
        exam.passed = true
        progress = TrackProgress(track: track, sessions: sessions + [exam]) { _ in 70 }
        #expect(progress.steps[8].passed)
    }

    @Test("the shipped tracks load without diagnostics and cover the three value types")
    func shipped() {
        #expect(Shipped.library.tracks.map(\.id) == ["onboarding-en", "onboarding-zh"])
        let trackProblems = Shipped.library.diagnostics.filter { ($0.location?.file ?? "").contains("tracks/") }
        #expect(trackProblems.isEmpty)
        for track in Shipped.library.tracks {
            let types = Set(track.steps.compactMap { Shipped.library.scenario($0.id)?.valueType })
            #expect(types == Set(ValueType.allCases), "\(track.id)")
        }
    }
}
