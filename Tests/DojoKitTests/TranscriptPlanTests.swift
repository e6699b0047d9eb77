import Testing
@testable import DojoKit

@Suite("Transcript tests of the shipped scenarios")
struct TranscriptPlanTests {
    @Test("every scenario ships a winning play and a losing one, and every play reaches its expected ending",
          arguments: Shipped.library.scenarios.map(\.id))
    func shipped(_ id: String) throws {
        let plans = Shipped.library.plans.filter { $0.scenario == id }
        let plays = plans.flatMap(\.plays)
        #expect(plays.contains { $0.expect == [.won] }, "\(id) has no play that must win")
        #expect(plays.contains { !$0.expect.contains(.won) }, "\(id) has no play that must lose")
        let scenario = try #require(Shipped.library.scenario(id))
        for plan in plans {
            for result in plan.run(scenario, evaluator: Shipped.evaluator) {
                #expect(result.passed, "\(id)/\(result.play.name) reached \(result.ending?.id ?? "no ending")")
            }
        }
    }

    @Test("every shipped scenario: every ending, turn and branch is pinned by a play, and the plays take several routes",
          arguments: Shipped.library.scenarios.map(\.id))
    func routesCovered(_ id: String) throws {
        let scenario = try #require(Shipped.library.scenario(id))
        let gaps = TranscriptPlan.uncovered(scenario, by: Shipped.library.plans)
        #expect(gaps.endings.isEmpty, "\(id): no play reaches \(gaps.endings)")
        #expect(gaps.turns.isEmpty, "\(id): no play passes \(gaps.turns)")
        #expect(gaps.branches.isEmpty, "\(id): no play takes \(gaps.branches)")
        let plays = Shipped.library.plans.filter { $0.scenario == id }.flatMap(\.plays)
        #expect(plays.allSatisfy { $0.route != nil && $0.ending != nil }, "\(id): every play pins its route and ending")
        #expect(Set(plays.compactMap(\.route)).count >= 4, "\(id): the plays should take several routes")
    }

    @Test("a play fails when it takes another route or reaches another ending than it pins")
    func pinnedRoute() throws {
        let scenario = try #require(Shipped.library.scenario("customer-a-lowest-quote"))
        let here = SourceLocation(file: "x", line: 1, column: 1)
        let weak = "嗯，我们再研究研究。"
        let plan = TranscriptPlan(scenario: scenario.id, plays: [
            TranscriptPlan.Play(name: "right", seed: 1, replies: [weak], expect: [.left], ending: "buyer-left",
                                route: ["opening", "accessory", "volume"], location: here),
            TranscriptPlan.Play(name: "wrong-route", seed: 1, replies: [weak], expect: [.left], route: ["opening", "volume"], location: here),
            TranscriptPlan.Play(name: "wrong-ending", seed: 1, replies: [weak], expect: [.left], ending: "deal-lost", location: here),
        ], location: here)
        let results = plan.run(scenario, evaluator: Shipped.evaluator)
        #expect(results.map(\.passed) == [true, false, false])
        #expect(results[1].failure?.contains("expected route opening → volume") == true)
    }

    @Test("a play whose replies run out before an ending fails")
    func runsOut() throws {
        let scenario = try #require(Shipped.library.scenario("customer-a-lowest-quote"))
        let plan = TranscriptPlan(scenario: scenario.id, plays: [
            TranscriptPlan.Play(name: "short", seed: 1, replies: [], expect: [.won],
                                location: SourceLocation(file: "x", line: 1, column: 1)),
        ], location: SourceLocation(file: "x", line: 1, column: 1))
        let result = try #require(plan.run(scenario, evaluator: Shipped.evaluator).first)
        #expect(!result.passed)
        #expect(result.ending == nil)
    }
}
