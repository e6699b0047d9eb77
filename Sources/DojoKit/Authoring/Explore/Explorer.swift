/// Walks a scenario's branch space without playing real replies: at each turn it tries one reply per
/// class the branch conditions can tell apart (`ReplyClass`), follows meters and `goto`s exactly as
/// `Session` does, and records where every path ends with which scores.
///
/// `walk()` merges paths that meet in the same state (turn, meter values, reply count), so it covers
/// every path in time linear in the states; `exhaustive(cap:)` walks every path one by one, up to a cap.
public struct Explorer: Sendable {
    /// The scenario explored.
    public let scenario: Scenario
    /// Paths `exhaustive` walks before it stops (and says so).
    public static let defaultPathCap = 1_000_000

    /// Creates an explorer.
    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// A dialogue state before a reply.
    struct State: Hashable {
        var turn: String
        var meters: [Int]
        /// Replies so far.
        var count: Int
    }

    /// The replies of one class of outcome at a state: which branch, and the scores that take it.
    struct Outcome {
        var branch: Int?
        var scores: ClosedRange<Int>
        var example: ReplyClass
    }

    /// Where an outcome leads.
    enum Next {
        case state(State)
        case ending(String, cutOff: Bool)
        case stuck
    }

    /// Outcomes per state and what conditions hold there, computed once.
    struct Cache {
        var outcomes: [State: [Outcome]] = [:]
        var turns: [String: TurnInfo] = [:]
    }

    /// What the walk needs of a turn, computed once: its conditions (without copying branches and
    /// their reactions at every state), the reply classes they tell apart, and the meters they read.
    struct TurnInfo {
        var turn: Turn
        var conditions: [Condition?]
        var classes: [ReplyClass]
        var readsTurn: Bool
        /// Indices (in the scenario's meter order) of the meters the conditions read.
        var meterSlots: [Int]
    }

    // MARK: the merged walk

    /// Every reachable state once, in order of reply count; exact endings, score ranges and shortest paths.
    public func walk() -> Exploration {
        var result = Exploration()
        var cache = Cache()
        guard scenario.turn(scenario.start) != nil else { return finish(result, visited: []) }
        struct Entry { var minSum: Int; var maxSum: Int; var paths: UInt64; var path: [Exploration.Step] }
        var layer: [State] = [startState]
        var entries: [State: Entry] = [startState: Entry(minSum: 0, maxSum: 0, paths: 1, path: [])]
        var visited: Set<State> = []
        var edges: [State: [State]] = [:]
        var finishing: Set<State> = []
        var reaches: [String: Exploration.EndingReach] = [:]
        while !layer.isEmpty {
            var nextLayer: [State] = []
            for state in layer {
                guard let entry = entries[state] else { continue }
                visited.insert(state)
                for outcome in outcomes(at: state, cache: &cache, into: &result) {
                    let step = Exploration.Step(turn: state.turn, branch: outcome.branch, replyClass: outcome.example)
                    let minSum = entry.minSum + outcome.scores.lowerBound, maxSum = entry.maxSum + outcome.scores.upperBound
                    switch next(from: state, outcome, into: &result) {
                    case let .ending(id, cutOff):
                        if !cutOff { finishing.insert(state) }
                        record(id, count: state.count + 1, minSum: minSum, maxSum: maxSum, paths: entry.paths,
                               path: entry.path + [step], cutOff: cutOff, into: &reaches)
                    case let .state(target):
                        edges[state, default: []].append(target)
                        if var existing = entries[target] {
                            existing.minSum = min(existing.minSum, minSum)
                            existing.maxSum = max(existing.maxSum, maxSum)
                            existing.paths = existing.paths.addingSaturating(entry.paths)
                            entries[target] = existing
                        } else {
                            entries[target] = Entry(minSum: minSum, maxSum: maxSum, paths: entry.paths, path: entry.path + [step])
                            nextLayer.append(target)
                        }
                    case .stuck:
                        break
                    }
                }
                entries[state] = nil
            }
            layer = nextLayer
        }
        // States from which no ending but the safety net can follow.
        var canFinish = finishing
        var changed = true
        while changed {
            changed = false
            for (state, targets) in edges where !canFinish.contains(state) && targets.contains(where: canFinish.contains) {
                canFinish.insert(state)
                changed = true
            }
        }
        var reported: Set<String> = []
        for state in visited.sorted(by: Self.order) where !canFinish.contains(state) && !reported.contains(state.turn) {
            reported.insert(state.turn)
            result.deadEnds.append(Exploration.DeadEnd(turn: state.turn, meters: state.meters, reason: .noWayOut,
                                                       path: shortestPath(to: state, cache: &cache)))
        }
        result.endings = scenario.endings.compactMap { reaches[$0.id] }
        result.paths = result.endings.reduce(0) { $0.addingSaturating($1.paths) }
        return finish(result, visited: visited)
    }

    // MARK: every path

    /// Walks every path depth-first in branch order, up to `cap` paths (then `truncated` is set).
    /// States are interned and their transitions computed once, so each step of a path is an array lookup.
    public func exhaustive(cap: Int = Explorer.defaultPathCap) -> Exploration {
        var result = Exploration()
        result.exhaustive = true
        var cache = Cache()
        guard scenario.turn(scenario.start) != nil else { return finish(result, visited: []) }
        var graph = StateGraph()
        let start = graph.intern(startState)
        let endingCount = scenario.endings.count
        var minTotals = [Int](repeating: Int.max, count: endingCount), maxTotals = [Int](repeating: Int.min, count: endingCount)
        var pathCounts = [UInt64](repeating: 0, count: endingCount)
        var shortest = [[(state: Int, transition: Int)]?](repeating: nil, count: endingCount)
        var cutOffOnly = [Bool](repeating: true, count: endingCount)
        var stack: [(state: Int, transition: Int)] = []
        var paths = 0
        func dfs(_ id: Int, minSum: Int, maxSum: Int, depth: Int) {
            let transitions = graph.transitions(of: id) { state in
                outcomes(at: state, cache: &cache, into: &result).map { outcome in
                    StateGraph.Transition(outcome: outcome, target: next(from: state, outcome, into: &result))
                }
            }
            for (index, transition) in transitions.enumerated() {
                if paths >= cap { result.truncated = true; return }
                let low = minSum + transition.outcome.scores.lowerBound, high = maxSum + transition.outcome.scores.upperBound
                stack.append((id, index))
                switch transition.target {
                case let .ending(id, cutOff):
                    paths += 1
                    guard let slot = scenario.endings.firstIndex(where: { $0.id == id }) else { break }
                    let count = depth + 1
                    minTotals[slot] = min(minTotals[slot], Self.average(low, count))
                    maxTotals[slot] = max(maxTotals[slot], Self.average(high, count))
                    pathCounts[slot] += 1
                    cutOffOnly[slot] = cutOffOnly[slot] && cutOff
                    if shortest[slot].map({ stack.count < $0.count }) ?? true { shortest[slot] = stack }
                case let .state(target):
                    dfs(graph.intern(target), minSum: low, maxSum: high, depth: depth + 1)
                case .stuck:
                    paths += 1
                }
                stack.removeLast()
            }
        }
        dfs(start, minSum: 0, maxSum: 0, depth: 0)
        for (slot, ending) in scenario.endings.enumerated() where pathCounts[slot] > 0 {
            let path = (shortest[slot] ?? []).map { ref -> Exploration.Step in
                let state = graph.states[ref.state]
                let outcome = graph.cached[ref.state]?[ref.transition].outcome
                return Exploration.Step(turn: state.turn, branch: outcome?.branch, replyClass: outcome?.example
                                        ?? ReplyClass(scores: 0...100, used: [], mismatch: false))
            }
            result.endings.append(Exploration.EndingReach(ending: ending.id, kind: ending.kind, minTotal: minTotals[slot],
                                                          maxTotal: maxTotals[slot], shortestPath: path, paths: pathCounts[slot],
                                                          onlyByCutOff: cutOffOnly[slot]))
        }
        result.paths = UInt64(paths)
        return finish(result, visited: Set(graph.states))
    }

    // MARK: shared steps

    var startState: State {
        State(turn: scenario.start, meters: scenario.meters.map(\.start), count: 0)
    }

    /// By reply count, turn id, then meter values: a total order, so reports never depend on hashing.
    static func order(_ a: State, _ b: State) -> Bool {
        if a.count != b.count { return a.count < b.count }
        if a.turn != b.turn { return a.turn < b.turn }
        return a.meters.lexicographicallyPrecedes(b.meters)
    }

    private func finish(_ result: Exploration, visited: Set<State>) -> Exploration {
        var result = result
        let turns = Set(visited.map(\.turn))
        result.visitedTurns = scenario.turns.map(\.id).filter(turns.contains)
        let reached = Set(result.endings.map(\.ending))
        result.unreachedEndings = scenario.endings.map(\.id).filter { !reached.contains($0) }
        for state in visited {
            for (meter, value) in zip(scenario.meters, state.meters) { widen(meter.name, value, into: &result) }
        }
        return result
    }

    private func widen(_ meter: String, _ value: Int, into result: inout Exploration) {
        let range = result.meterRanges[meter]
        result.meterRanges[meter] = min(range?.lowerBound ?? value, value)...max(range?.upperBound ?? value, value)
    }

    private func record(_ id: String, count: Int, minSum: Int, maxSum: Int, paths: UInt64, path: [Exploration.Step],
                        cutOff: Bool, into reaches: inout [String: Exploration.EndingReach]) {
        let low = Self.average(minSum, count), high = Self.average(maxSum, count)
        guard var reach = reaches[id] else {
            let kind = scenario.ending(id)?.kind ?? .left
            reaches[id] = Exploration.EndingReach(ending: id, kind: kind, minTotal: low, maxTotal: high, shortestPath: path,
                                                  paths: paths, onlyByCutOff: cutOff)
            return
        }
        reach.minTotal = min(reach.minTotal, low)
        reach.maxTotal = max(reach.maxTotal, high)
        reach.paths = reach.paths.addingSaturating(paths)
        reach.onlyByCutOff = reach.onlyByCutOff && cutOff
        if path.count < reach.shortestPath.count { reach.shortestPath = path }
        reaches[id] = reach
    }

    /// The scorecard's average (hints aside): `Scorecard.totals`.
    static func average(_ sum: Int, _ count: Int) -> Int {
        count == 0 ? 0 : Int((Double(sum) / Double(count)).rounded())
    }

    /// The outcomes at a state, grouped by branch, with the branches whose condition holds recorded.
    /// Cached by turn and the values of the meters (and reply count) its conditions read.
    private func outcomes(at state: State, cache: inout Cache, into result: inout Exploration) -> [Outcome] {
        guard let info = cache.turns[state.turn] ?? turnInfo(state.turn) else { return [] }
        cache.turns[state.turn] = info
        let key = State(turn: state.turn, meters: info.meterSlots.map { state.meters[$0] }, count: info.readsTurn ? state.count : 0)
        if let known = cache.outcomes[key] { return known }
        var meters: [String: Int] = [:]
        for slot in info.meterSlots { meters[scenario.meters[slot].name] = state.meters[slot] }
        let turnID = info.turn.id
        var grouped: [Outcome] = []
        for replyClass in info.classes {
            let context = ReplyClassContext(replyClass: replyClass, turn: state.count + 1, meters: meters)
            var first: Int?
            for (index, condition) in info.conditions.enumerated() where condition?.evaluate(in: context) ?? true {
                result.holdingBranches.insert(Exploration.BranchRef(turn: turnID, branch: index))
                if first == nil { first = index }
            }
            if let index = grouped.firstIndex(where: { $0.branch == first }) {
                let scores = grouped[index].scores
                grouped[index].scores = min(scores.lowerBound, replyClass.scores.lowerBound)...max(scores.upperBound, replyClass.scores.upperBound)
            } else {
                grouped.append(Outcome(branch: first, scores: replyClass.scores, example: replyClass))
                if first == nil, !result.deadEnds.contains(where: { $0.turn == turnID && $0.reason == .noBranchApplies(replyClass) }) {
                    result.deadEnds.append(Exploration.DeadEnd(turn: turnID, meters: state.meters, reason: .noBranchApplies(replyClass),
                                                               path: []))
                }
            }
        }
        grouped.sort { ($0.branch ?? Int.max) < ($1.branch ?? Int.max) }
        for outcome in grouped { if let branch = outcome.branch { result.takenBranches.insert(.init(turn: turnID, branch: branch)) } }
        cache.outcomes[key] = grouped
        return grouped
    }

    private func turnInfo(_ id: String) -> TurnInfo? {
        guard let turn = scenario.turn(id) else { return nil }
        let atoms = ConditionAtoms(turn)
        let slots = scenario.meters.indices.filter { atoms.meters.contains(scenario.meters[$0].name) }
        return TurnInfo(turn: turn, conditions: turn.branches.map(\.condition), classes: ReplyClass.classes(for: atoms),
                        readsTurn: atoms.readsTurn, meterSlots: slots)
    }

    /// Where an outcome leads from a state, as `Session.respond` decides it.
    private func next(from state: State, _ outcome: Outcome, into result: inout Exploration) -> Next {
        guard let turn = scenario.turn(state.turn) else { return .stuck }
        return next(from: state, turn: turn, outcome, into: &result)
    }

    private func next(from state: State, turn: Turn, _ outcome: Outcome, into result: inout Exploration) -> Next {
        let count = state.count + 1
        var meters = state.meters
        var target = state.turn
        if let index = outcome.branch {
            let branch = turn.branches[index]
            for effect in branch.effects {
                guard let slot = scenario.meters.firstIndex(where: { $0.name == effect.meter }) else { continue }
                let meter = scenario.meters[slot]
                let wanted = meters[slot] + effect.delta
                let held = min(meter.max, max(meter.min, wanted))
                // Past a bound with an ending attached the dialogue simply ends; past one without, the effect is lost.
                let ends = held == meter.min ? meter.onMin != nil : meter.onMax != nil
                if held != wanted, !ends, !result.meterViolations.contains(where: { $0.turn == turn.id && $0.branch == index && $0.meter == meter.name }) {
                    result.meterViolations.append(Exploration.MeterViolation(turn: turn.id, branch: index, meter: meter.name,
                                                                             wanted: wanted, heldAt: held))
                }
                meters[slot] = held
                widen(meter.name, held, into: &result)
            }
            let bound = zip(scenario.meters, meters).lazy.compactMap { meter, value -> String? in
                if value <= meter.min, let end = meter.onMin { return end }
                if value >= meter.max, let end = meter.onMax { return end }
                return nil
            }.first
            target = bound ?? branch.target
        }
        if scenario.ending(target) != nil {
            result.targets[turn.id, default: []].insert(target)
            return .ending(target, cutOff: false)
        }
        if outcome.branch != nil { result.targets[turn.id, default: []].insert(target) }
        if count >= Session.maxReplies {
            let forced = scenario.endings.first { $0.kind == .left } ?? scenario.endings.first { $0.kind == .lost }
            return forced.map { .ending($0.id, cutOff: true) } ?? .stuck
        }
        return .state(State(turn: target, meters: meters, count: count))
    }

    /// One shortest path to a state, found by a breadth-first search over the cached outcomes.
    private func shortestPath(to goal: State, cache: inout Cache) -> [Exploration.Step] {
        var scratch = Exploration()
        var seen: Set<State> = [startState]
        var queue: [(State, [Exploration.Step])] = [(startState, [])]
        var head = 0
        while head < queue.count {
            let (state, path) = queue[head]
            head += 1
            if state == goal { return path }
            for outcome in outcomes(at: state, cache: &cache, into: &scratch) {
                guard case let .state(target) = next(from: state, outcome, into: &scratch), !seen.contains(target) else { continue }
                seen.insert(target)
                queue.append((target, path + [Exploration.Step(turn: state.turn, branch: outcome.branch, replyClass: outcome.example)]))
            }
        }
        return []
    }
}
