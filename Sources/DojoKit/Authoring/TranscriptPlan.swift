import Yams

/// A scenario's transcript tests: scripted play-throughs and the ending each must reach. Instructors
/// keep them next to the scenario (`Scenarios/tests/<id>.yaml`) so a change to the scenario, the
/// playbooks or the evaluator that breaks the lesson shows up in `dojo test`.
public struct TranscriptPlan: Sendable, Hashable {
    /// One scripted play-through.
    public struct Play: Sendable, Hashable {
        /// Name shown in results.
        public var name: String
        /// Seed for the buyer's line variants.
        public var seed: UInt64
        /// Replies in order; the last one repeats until the session ends (so a short list can play a whole scenario).
        public var replies: [String]
        /// Ending kinds that pass.
        public var expect: [Ending.Kind]
        /// The exact ending id the play must reach, when given.
        public var ending: String? = nil
        /// The turns the play must answer, in order (the route through the dialogue), when given.
        public var route: [String]? = nil
        /// Where the play is written.
        public var location: SourceLocation
    }

    /// The scenario played.
    public var scenario: String
    /// The plays.
    public var plays: [Play]
    /// Where the plan's `scenario` key is.
    public var location: SourceLocation

    /// The result of one play.
    public struct Result: Sendable, Hashable {
        /// The play.
        public var play: Play
        /// The ending reached (nil if the replies ran out first).
        public var ending: Ending?
        /// Replies used.
        public var replies: Int
        /// The scorecard total.
        public var total: Int
        /// The turns answered, in order.
        public var route: [String] = []
        /// Whether the ending is one of the expected kinds (and the expected id), on the expected route.
        public var passed: Bool { failure == nil }
        /// Why the play failed, nil when it passed.
        public var failure: String? {
            guard let ending else { return "no ending" }
            if !play.expect.contains(ending.kind) { return "expected \(play.expect.map(\.rawValue).joined(separator: "|"))" }
            if let id = play.ending, id != ending.id { return "expected ending \(id)" }
            if let expected = play.route, expected != route {
                return "expected route " + expected.joined(separator: " → ") + ", took " + route.joined(separator: " → ")
            }
            return nil
        }
    }

    /// What no play of these plans pins: endings no play declares it reaches (`ending:`), turns no
    /// play's `route:` passes, and branches (`turn → goto`, in file order) no pinned route takes.
    public static func uncovered(_ scenario: Scenario, by plans: [TranscriptPlan])
        -> (endings: [String], turns: [String], branches: [String]) {
        let plays = plans.filter { $0.scenario == scenario.id }.flatMap(\.plays)
        let endings = Set(plays.compactMap(\.ending))
        let turns = Set(plays.flatMap { $0.route ?? [] })
        var taken: Set<String> = []
        for play in plays {
            guard let route = play.route else { continue }
            for (from, to) in zip(route, route.dropFirst()) { taken.insert(from + " → " + to) }
            if let last = route.last, let ending = play.ending { taken.insert(last + " → " + ending) }
        }
        var branches: [String] = []
        for turn in scenario.turns {
            for branch in turn.branches {
                let edge = turn.id + " → " + branch.target
                if !taken.contains(edge) && !branches.contains(edge) { branches.append(edge) }
            }
        }
        return (scenario.endings.map(\.id).filter { !endings.contains($0) }, scenario.turns.map(\.id).filter { !turns.contains($0) },
                branches)
    }

    /// Plays one play to its end (or until its replies run out) and returns the session.
    public static func play(_ play: Play, _ scenario: Scenario, evaluator: Evaluator) -> Session {
        var session = Session(scenario: scenario, evaluator: evaluator, seed: play.seed)
        var index = 0
        while session.phase != .ended, !play.replies.isEmpty, session.countedExchanges.count < Session.maxReplies {
            let reply = play.replies[min(index, play.replies.count - 1)]
            index += 1
            _ = try? session.respond(reply)
        }
        return session
    }

    /// Plays every play of the plan against the scenario.
    public func run(_ scenario: Scenario, evaluator: Evaluator) -> [Result] {
        plays.map { play in
            let session = Self.play(play, scenario, evaluator: evaluator)
            return Result(play: play, ending: session.ending, replies: session.countedExchanges.count, total: session.scorecard().total,
                          route: session.countedExchanges.map(\.turn))
        }
    }
}

/// Builds a `TranscriptPlan` from YAML.
enum TranscriptPlanReader {
    static let topKeys = ["scenario", "plays"]
    static let playKeys = ["name", "seed", "replies", "expect", "ending", "route"]

    static func read(_ document: DocumentLoader.Document, into diagnostics: inout [Diagnostic]) -> TranscriptPlan? {
        let source = document.source
        let before = diagnostics.count
        guard let top = MappingReader(document.root, context: "the transcript test", allowed: topKeys,
                                      required: ["scenario", "plays"], source: source, into: &diagnostics) else { return nil }
        let scenario = top.string("scenario", into: &diagnostics)
        var plays: [TranscriptPlan.Play] = []
        for node in top.sequence("plays", into: &diagnostics) ?? [] {
            let hint = node.mapping?["name"]?.string.map { "play `\($0)`" } ?? "a play"
            guard let reader = MappingReader(node, context: hint, allowed: playKeys,
                                             required: ["name", "replies", "expect"], source: source, into: &diagnostics),
                  let name = reader.string("name", into: &diagnostics) else { continue }
            let seed = reader.has("seed") ? reader.int("seed", in: 0...Int.max, into: &diagnostics) : 1
            let replies = (reader.strings("replies", into: &diagnostics) ?? []).map(\.0)
            if reader.has("replies") && replies.isEmpty {
                diagnostics.append(Diagnostic(.invalidValue, ["play": hint], variant: "no-replies", at: reader.valueLocation("replies")))
            }
            var expect: [Ending.Kind] = []
            let raw: [(String, SourceLocation)]
            if case .scalar = reader.value("expect") {
                raw = reader.string("expect", into: &diagnostics).map { [($0, reader.valueLocation("expect"))] } ?? []
            } else {
                raw = reader.strings("expect", into: &diagnostics) ?? []
            }
            for (word, location) in raw {
                guard let kind = Ending.Kind(rawValue: word) else {
                    diagnostics.append(Diagnostic(.invalidValue, ["kind": word], variant: "ending-kind", at: location,
                        help: Suggestion.didYouMean(word, among: Ending.Kind.allCases.map(\.rawValue)) ?? "use won, lost or left"))
                    continue
                }
                expect.append(kind)
            }
            let ending = reader.string("ending", into: &diagnostics)
            let route = reader.has("route") ? (reader.strings("route", into: &diagnostics) ?? []).map(\.0) : nil
            guard let seed, !replies.isEmpty, !expect.isEmpty else { continue }
            plays.append(TranscriptPlan.Play(name: name, seed: UInt64(seed), replies: replies, expect: expect, ending: ending,
                                             route: route, location: reader.location))
        }
        guard diagnostics.count == before, let scenario else { return nil }
        return TranscriptPlan(scenario: scenario, plays: plays, location: top.valueLocation("scenario"))
    }
}
