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
