/// The routes through a scenario: every path of distinct turns from the start along `goto`s, with
/// the endings it can close on. `dojo show` draws them so an author sees where tactics lead.
public struct RouteMap: Sendable, Hashable {
    /// One path through the dialogue.
    public struct Route: Sendable, Hashable {
        /// Turn ids in order, from the start.
        public var turns: [String]
        /// Ending ids the last turn's branches lead to, in branch order.
        public var endings: [String]
    }

    /// Routes in depth-first branch order (deterministic).
    public var routes: [Route]
    /// Whether enumeration stopped at the limit.
    public var truncated: Bool

    /// Enumerates up to `limit` routes. A route stops where every way on would revisit one of its
    /// turns (a loop back) or leads to an ending.
    public init(scenario: Scenario, limit: Int = 40) {
        var routes: [Route] = []
        var truncated = false
        func walk(_ path: [String]) {
            guard !truncated, let id = path.last, let turn = scenario.turn(id) else { return }
            var endings: [String] = []
            var next: [String] = []
            for branch in turn.branches {
                if scenario.ending(branch.target) != nil {
                    if !endings.contains(branch.target) { endings.append(branch.target) }
                } else if !path.contains(branch.target), !next.contains(branch.target) {
                    next.append(branch.target)
                }
            }
            if !endings.isEmpty || next.isEmpty {
                if routes.count >= limit { truncated = true; return }
                routes.append(Route(turns: path, endings: endings))
            }
            for target in next { walk(path + [target]) }
        }
        walk([scenario.start])
        self.routes = routes
        self.truncated = truncated
    }
}
