import Testing
@testable import DojoKit

@Suite("Explorer: endings, score ranges and shortest paths against a hand-computed scenario")
struct ExplorerTests {
    struct Expected: Sendable {
        var ending: String, kind: Ending.Kind, min: Int, max: Int, paths: UInt64, shortest: Int
    }

    /// Worked out by hand in the fixture's header comment.
    static let expected = [
        Expected(ending: "deal", kind: .won, min: 37, max: 100, paths: 3, shortest: 2),
        Expected(ending: "no-deal", kind: .lost, min: 17, max: 80, paths: 3, shortest: 2),
        Expected(ending: "walked-out", kind: .left, min: 0, max: 44, paths: 1, shortest: 2),
    ]

    func check(_ exploration: Exploration) {
        #expect(exploration.endings.map(\.ending) == Self.expected.map(\.ending))
        for (reach, expected) in zip(exploration.endings, Self.expected) {
            #expect(reach.kind == expected.kind, "\(expected.ending)")
            #expect(reach.minTotal == expected.min, "\(expected.ending) min")
            #expect(reach.maxTotal == expected.max, "\(expected.ending) max")
            #expect(reach.paths == expected.paths, "\(expected.ending) paths")
            #expect(reach.shortestPath.count == expected.shortest, "\(expected.ending) shortest")
            #expect(!reach.onlyByCutOff)
        }
        #expect(exploration.unreachedEndings == ["unused-ending"])
        #expect(exploration.paths == 7)
        #expect(exploration.deadEnds.isEmpty)
        #expect(exploration.meterViolations == [Exploration.MeterViolation(turn: "a", branch: 0, meter: "trust", wanted: 4, heldAt: 3)])
        #expect(exploration.visitedTurns == ["a", "b", "c"])
        #expect(exploration.meterRanges["patience"] == 0...2)
    }

    @Test("the merged walk finds exactly the hand-computed endings, ranges, path counts and violations")
    func merged() throws {
        let scenario = try #require(AuthoringFixtures.handComputed)
        check(Explorer(scenario: scenario).walk())
    }

    @Test("the exhaustive walk agrees with the merged walk path by path")
    func exhaustive() throws {
        let scenario = try #require(AuthoringFixtures.handComputed)
        let exploration = Explorer(scenario: scenario).exhaustive()
        #expect(exploration.exhaustive && !exploration.truncated)
        check(exploration)
    }

    @Test("the shortest path to each ending follows real branches: deal via a#1 and b#1, walked-out via a#3 and c#2")
    func shortestPaths() throws {
        let scenario = try #require(AuthoringFixtures.handComputed)
        let endings = Explorer(scenario: scenario).walk().endings
        #expect(endings[0].shortestPath.map { "\($0.turn)#\(($0.branch ?? -1) + 1)" } == ["a#1", "b#1"])
        #expect(endings[2].shortestPath.map { "\($0.turn)#\(($0.branch ?? -1) + 1)" } == ["a#3", "c#2"])
        #expect(endings[2].shortestPath[0].replyClass.scores == 0...39)
    }

    @Test("the exhaustive walk stops at its cap and says so; the merged walk counts the same paths")
    func cap() throws {
        let scenario = try #require(Shipped.library.scenario("customer-a-lowest-quote-en"))
        let capped = Explorer(scenario: scenario).exhaustive(cap: 1000)
        #expect(capped.truncated)
        #expect(capped.paths == 1000)
        let merged = Explorer(scenario: scenario).walk()
        let full = Explorer(scenario: scenario).exhaustive(cap: 10_000_000)
        #expect(!full.truncated)
        #expect(full.paths == merged.paths)
        #expect(full.endings.map { [$0.minTotal, $0.maxTotal] } == merged.endings.map { [$0.minTotal, $0.maxTotal] })
    }

    @Test("a turn without a fallback is a dead end for the replies no branch takes; a loop without exit is one too")
    func deadEnds() throws {
        let library = AuthoringFixtures.library("lint/DJ0110/fail")
        let scenario = try #require(library.scenarios.first)
        let deadEnds = Explorer(scenario: scenario).walk().deadEnds
        #expect(deadEnds.contains { $0.turn == "loop-a" && $0.reason == .noWayOut })
        let noFallback = try #require(AuthoringFixtures.library("lint/DJ0102/fail").scenarios.first)
        #expect(Explorer(scenario: noFallback).walk().deadEnds.contains { deadEnd in
            if case let .noBranchApplies(replyClass) = deadEnd.reason { return deadEnd.turn == "accessory" && replyClass.scores == 40...49 }
            return false
        })
    }

    @Test("every shipped scenario explores without dead ends, and both walks agree on endings and ranges")
    func shipped() {
        for scenario in Shipped.library.scenarios {
            let merged = Explorer(scenario: scenario).walk()
            #expect(merged.deadEnds.isEmpty, "\(scenario.id)")
            #expect(merged.endings.contains { $0.kind == .won }, "\(scenario.id)")
            let full = Explorer(scenario: scenario).exhaustive(cap: 5_000_000)
            #expect(!full.truncated, "\(scenario.id)")
            #expect(full.endings.map(\.ending) == merged.endings.map(\.ending), "\(scenario.id)")
            #expect(full.endings.map { [$0.minTotal, $0.maxTotal] } == merged.endings.map { [$0.minTotal, $0.maxTotal] }, "\(scenario.id)")
        }
    }

    @Test("random walks: same seed, same report; every ending reached is one the explorer finds, within its range")
    func random() throws {
        let scenario = try #require(Shipped.library.scenario("customer-a-lowest-quote-en"))
        let walker = RandomWalker(scenario: scenario, evaluator: Shipped.evaluator)
        let first = walker.run(walks: 12, seed: 7)
        #expect(first == walker.run(walks: 12, seed: 7))
        #expect(first.walks == 12)
        #expect(first.drawn.values.reduce(0, +) > 12)
        let explored = Explorer(scenario: scenario).walk()
        for tally in first.endings {
            let reach = try #require(explored.endings.first { $0.ending == tally.ending }, "\(tally.ending)")
            #expect(tally.minTotal >= reach.minTotal && tally.maxTotal <= reach.maxTotal, "\(tally.ending)")
        }
    }
}
