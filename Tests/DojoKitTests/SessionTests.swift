import Foundation
import Testing
@testable import DojoKit

@Suite("Session engine")
struct SessionTests {
    let evaluator = Shipped.evaluator

    func scenario(_ id: String) throws -> Scenario { try #require(Shipped.library.scenario(id)) }

    /// Plays with the turn's own model answer every time.
    func playStrong(_ scenario: Scenario, seed: UInt64 = 1) -> Session {
        var session = Session(scenario: scenario, evaluator: evaluator, seed: seed)
        while session.phase != .ended, let answer = session.turn?.modelAnswer {
            _ = try? session.respond(answer)
            if session.countedExchanges.count > 30 { break }
        }
        return session
    }

    @Test("model answers win every shipped scenario", arguments: Shipped.library.scenarios.map(\.id))
    func strongPlayWins(_ id: String) throws {
        let session = playStrong(try scenario(id))
        #expect(session.ending?.kind == .won, "\(id): \(session.countedExchanges.map { "\($0.turn):\($0.assessment.score ?? 0)" })")
        #expect(session.countedExchanges.count >= 6)
    }

    @Test("weak replies do not win", arguments: Shipped.library.scenarios.map(\.id))
    func weakPlayLoses(_ id: String) throws {
        var session = Session(scenario: try scenario(id), evaluator: evaluator)
        while session.phase != .ended && session.countedExchanges.count < 40 { _ = try session.respond("好的，我们考虑一下。") }
        #expect(session.phase == .ended)
        #expect(session.ending?.kind == .lost || session.ending?.kind == .left)
    }

    @Test("branching follows the first condition that holds, applies effects and clamps meters")
    func branching() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let (library, f) = try Fixtures.load(Fixtures.scenario)
        defer { f.remove() }
        _ = folder
        let s = try #require(library.scenario("quote-a"))
        let ev = Evaluator(catalog: library.catalog)
        var good = Session(scenario: s, evaluator: ev)
        let first = try good.respond("每年为您节约 20 万元，五万件走批量价。")
        #expect(first.branch == 0)
        #expect(first.changes == [Exchange.MeterChange(meter: "patience", from: 3, to: 4)])
        #expect(good.turnID == "close")
        let second = try good.respond("批量价给您。")
        #expect(second.ending == "won")
        #expect(good.ending?.kind == .won)
        #expect(throws: Session.Refusal.ended) { try good.respond("again") }

        var poor = Session(scenario: s, evaluator: ev)
        let miss = try poor.respond("嗯。")
        #expect(miss.branch == 1)
        #expect(poor.meters["patience"] == 2)
        _ = try poor.respond("嗯。")
        #expect(poor.ending?.id == "lost")
    }

    @Test("a meter reaching its bound ends the session at its ending")
    func meterEnding() throws {
        let text = Fixtures.scenario.replacingOccurrences(of: "start: 3", with: "start: 1")
        let (library, folder) = try Fixtures.load(text)
        defer { folder.remove() }
        let s = try #require(library.scenario("quote-a"))
        var session = Session(scenario: s, evaluator: Evaluator(catalog: library.catalog))
        let exchange = try session.respond("嗯。")
        #expect(exchange.changes.first?.to == 0)
        #expect(exchange.ending == "left")
        #expect(session.ending?.kind == .left)
    }

    @Test("rewind undoes the last exchange, keeps it marked, and restores meters and the buyer line")
    func rewind() throws {
        let s = try scenario("customer-a-lowest-quote")
        var session = Session(scenario: s, evaluator: evaluator, seed: 7)
        let line = session.buyerLine
        let meters = session.meters
        _ = try session.respond("我们的团队会为您提供全方位的服务。")
        try session.rewind()
        #expect(session.buyerLine == line)
        #expect(session.meters == meters)
        #expect(session.exchanges.count == 1)
        #expect(session.exchanges[0].rewound)
        #expect(session.countedExchanges.isEmpty)
        #expect(throws: Session.Refusal.nothingToRewind) { try session.rewind() }
        _ = try session.respond(try #require(session.turn?.modelAnswer))
        #expect(session.exchanges.map(\.number) == [1, 2])
        #expect(session.scorecard().rewinds == 1)
    }

    @Test("exam: no hints or rewind, the type question is scored, pass mark applies")
    func exam() throws {
        let s = try scenario("customer-b-service-guidance")
        var session = Session(scenario: s, evaluator: evaluator, mode: .exam, passMark: 60)
        #expect(session.phase == .identifyType)
        #expect(throws: Session.Refusal.notInExam) { try session.hint() }
        let guess = session.identifyType("外")
        #expect(guess.correct)
        #expect(session.phase == .reply)
        _ = try session.respond(try #require(session.turn?.modelAnswer))
        #expect(throws: Session.Refusal.notInExam) { try session.rewind() }
        #expect(ValueType.parse("3") == .strategic)
        #expect(ValueType.parse(" Intrinsic ") == .intrinsic)
        #expect(ValueType.parse("戰略") == .strategic)
        #expect(ValueType.parse("maybe") == nil)
        var wrong = Session(scenario: s, evaluator: evaluator, mode: .exam)
        wrong.identifyType("i")
        let a = session.scorecard(), b = wrong.scorecard()
        #expect(a.passMark == 60)
        #expect(b.typeGuess?.correct == false)
    }

    @Test("hints cost points on the scorecard")
    func hints() throws {
        var session = Session(scenario: try scenario("customer-a-lowest-quote"), evaluator: evaluator)
        let hint = try session.hint()
        #expect(!hint.isEmpty)
        _ = try session.respond(try #require(session.turn?.modelAnswer))
        let card = session.scorecard()
        #expect(card.hintsUsed == 1)
        #expect(card.total == max(0, card.average - Scorecard.hintCost))
    }

    @Test("deterministic: same scenario, seed and replies give the same events; seeds vary the buyer's lines")
    func deterministic() throws {
        let s = try scenario("customer-c-parts-partnership")
        let replies = ["我们希望和贵公司共同成长。", "好的。", "双方高层可以先见个面。"]
        func run(_ seed: UInt64) throws -> [SessionEvent] {
            var session = Session(scenario: s, evaluator: evaluator, seed: seed)
            for reply in replies where session.phase != .ended { _ = try session.respond(reply) }
            return session.events
        }
        #expect(try run(3) == run(3))
        let openings = Set((1...20).map { Session(scenario: s, evaluator: evaluator, seed: UInt64($0)).buyerLine })
        #expect(openings.count > 1)
    }
}
