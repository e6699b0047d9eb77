/// Dialogue states interned as integers, each with its transitions computed once: the exhaustive
/// walk revisits the same states along many paths, and an array lookup is all a revisit costs.
struct StateGraph {
    /// One way out of a state.
    struct Transition {
        var outcome: Explorer.Outcome
        var target: Explorer.Next
    }

    private(set) var states: [Explorer.State] = []
    private var ids: [Explorer.State: Int] = [:]
    private(set) var cached: [Int: [Transition]] = [:]

    /// The state's id, adding it when new.
    mutating func intern(_ state: Explorer.State) -> Int {
        if let id = ids[state] { return id }
        states.append(state)
        ids[state] = states.count - 1
        return states.count - 1
    }

    /// The state's transitions, computed by `make` the first time.
    mutating func transitions(of id: Int, _ make: (Explorer.State) -> [Transition]) -> [Transition] {
        if let known = cached[id] { return known }
        let made = make(states[id])
        cached[id] = made
        return made
    }
}
