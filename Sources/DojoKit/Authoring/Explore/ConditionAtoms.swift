/// What a turn's branch conditions can tell apart: the score, turn and meter values they compare
/// against and the tactics they ask about. Exploration needs one reply per distinction, no more.
struct ConditionAtoms: Sendable, Hashable {
    /// Score values at which some comparison changes its answer (each starts a band).
    var scoreCuts: Set<Int> = []
    /// Tactic ids read by `used(…)`, sorted when read.
    var tactics: Set<String> = []
    /// Whether some condition reads `mismatch`.
    var readsMismatch = false
    /// Whether some condition reads `turn` (the reply count).
    var readsTurn = false
    /// Meters some condition reads.
    var meters: Set<String> = []

    /// The atoms of every branch condition of a turn.
    init(_ turn: Turn) {
        for condition in turn.branches.compactMap(\.condition) { collect(condition) }
    }

    /// The atoms of one condition.
    init(_ condition: Condition) { collect(condition) }

    private mutating func collect(_ condition: Condition) {
        switch condition {
        case let .compare(lhs, op, rhs):
            for (operand, other, op) in [(lhs, rhs, op), (rhs, lhs, Self.mirrored(op))] {
                switch operand {
                case .score:
                    if case let .number(value) = other { Self.cuts(at: value, op: op).forEach { scoreCuts.insert($0) } }
                case .turn: readsTurn = true
                case let .meter(name): meters.insert(name)
                case .number: break
                }
            }
        case let .and(a, b), let .or(a, b):
            collect(a)
            collect(b)
        case let .not(a): collect(a)
        case let .used(id): tactics.insert(id)
        case .mismatch: readsMismatch = true
        case .constant: break
        }
    }

    /// `a op b` as `b op' a`.
    static func mirrored(_ op: Condition.Comparison) -> Condition.Comparison {
        switch op {
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        case .equal, .notEqual: op
        }
    }

    /// The integer scores where `score op value` changes its answer: a band starts at each.
    static func cuts(at value: Double, op: Condition.Comparison) -> [Int] {
        guard value.isFinite, value > -1, value < 101 else { return [] }
        let floor = Int(value.rounded(.down)), ceil = Int(value.rounded(.up))
        let cuts: [Int]
        switch op {
        case .greaterOrEqual, .less: cuts = [ceil]
        case .greater, .lessOrEqual: cuts = [floor + 1]
        case .equal, .notEqual: cuts = floor == ceil ? [floor, floor + 1] : []
        }
        return cuts.filter { (1...100).contains($0) }
    }

    /// The score bands (inclusive ranges) that partition 0…100 at the cuts.
    var scoreBands: [ClosedRange<Int>] {
        let starts = [0] + scoreCuts.sorted()
        return zip(starts, starts.dropFirst().map { $0 - 1 } + [100]).map { $0...$1 }
    }
}
