extension Condition: CustomStringConvertible {
    /// The condition written back in the scenario language, with parentheses only where needed.
    public var description: String { render(parentPrecedence: 0) }

    private var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .not: 3
        default: 4
        }
    }

    private func render(parentPrecedence: Int) -> String {
        let text: String
        switch self {
        case let .compare(a, op, b): text = "\(Self.render(a)) \(op.rawValue) \(Self.render(b))"
        case let .and(a, b): text = "\(a.render(parentPrecedence: 2)) and \(b.render(parentPrecedence: 3))"
        case let .or(a, b): text = "\(a.render(parentPrecedence: 1)) or \(b.render(parentPrecedence: 2))"
        case let .not(a): text = "not \(a.render(parentPrecedence: 3))"
        case let .used(id): text = "used(\(id))"
        case .mismatch: text = "mismatch"
        case let .constant(value): text = value ? "true" : "false"
        }
        return precedence < parentPrecedence ? "(\(text))" : text
    }

    private static func render(_ operand: Operand) -> String {
        switch operand {
        case let .number(n): n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .score: "score"
        case .turn: "turn"
        case let .meter(name): name
        }
    }
}
