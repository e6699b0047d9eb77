/// A parsed `when` condition: a tiny, side-effect-free boolean language over the dialogue state.
///
/// Grammar (lowest precedence first):
/// `or := and ("or" and)*`, `and := not ("and" not)*`, `not := "not" not | comparison`,
/// `comparison := operand (("<"|"<="|">"|">="|"=="|"!=") operand)? | "(" or ")" | "used(" id ")" | "mismatch" | "true" | "false"`,
/// `operand := number | "score" | "turn" | meter-name`.
public indirect enum Condition: Sendable, Hashable {
    /// A comparison of two numeric operands.
    case compare(Operand, Comparison, Operand)
    /// Both hold.
    case and(Condition, Condition)
    /// Either holds.
    case or(Condition, Condition)
    /// The condition does not hold.
    case not(Condition)
    /// The reply used the tactic (confidence of at least 0.5).
    case used(String)
    /// The reply's orientation is another value type than the buyer's.
    case mismatch
    /// A constant.
    case constant(Bool)

    /// A numeric value in a comparison.
    public enum Operand: Sendable, Hashable {
        /// A literal number.
        case number(Double)
        /// This reply's score, 0–100.
        case score
        /// Number of replies so far, counting this one.
        case turn
        /// A meter's current value.
        case meter(String)
    }

    /// Comparison operators.
    public enum Comparison: String, Sendable, Hashable, CaseIterable {
        case less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">=", equal = "==", notEqual = "!="
    }

    /// Evaluates the condition.
    public func evaluate(in context: some ConditionContext) -> Bool {
        switch self {
        case let .compare(lhs, op, rhs):
            let a = Condition.value(of: lhs, in: context)
            let b = Condition.value(of: rhs, in: context)
            switch op {
            case .less: return a < b
            case .lessOrEqual: return a <= b
            case .greater: return a > b
            case .greaterOrEqual: return a >= b
            case .equal: return a == b
            case .notEqual: return a != b
            }
        case .and: return evaluateChain(in: context, isAnd: true)
        case .or: return evaluateChain(in: context, isAnd: false)
        case let .not(a): return !a.evaluate(in: context)
        case let .used(id): return context.used(id)
        case .mismatch: return context.mismatch
        case let .constant(value): return value
        }
    }

    /// A run of `and` (or of `or`) parses into a left-leaning spine as long as the run: walk the spine
    /// in a loop, so evaluation recurses only as deep as the parentheses and `not`s, never per term.
    private func evaluateChain(in context: some ConditionContext, isAnd: Bool) -> Bool {
        var operands: [Condition] = []
        var node = self
        while true {
            switch (node, isAnd) {
            case let (.and(lhs, rhs), true), let (.or(lhs, rhs), false):
                operands.append(rhs)
                node = lhs
                continue
            default:
                operands.append(node)
            }
            break
        }
        for operand in operands.reversed() where operand.evaluate(in: context) != isAnd { return !isAnd }
        return isAnd
    }

    private static func value(of operand: Operand, in context: some ConditionContext) -> Double {
        switch operand {
        case let .number(n): return n
        case .score: return context.score
        case .turn: return Double(context.turn)
        case let .meter(name): return Double(context.meter(name))
        }
    }
}

/// What a condition can read.
public protocol ConditionContext {
    /// This reply's score, 0–100.
    var score: Double { get }
    /// Number of replies so far, counting this one.
    var turn: Int { get }
    /// Whether the reply spoke to another value type than the buyer's.
    var mismatch: Bool { get }
    /// A meter's current value (0 for an unknown meter; the loader rejects those).
    func meter(_ name: String) -> Int
    /// Whether the reply used the tactic.
    func used(_ tacticID: String) -> Bool
}
