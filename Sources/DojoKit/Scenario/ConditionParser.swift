/// Parses `when` conditions, checking names against the scenario as it goes.
public struct ConditionParser: Sendable {
    /// A parse or name error at a scalar offset inside the expression.
    public struct Failure: Error, Sendable, Hashable {
        /// Which diagnostic it is.
        public var code: DiagnosticCode
        /// The message variant of the code's descriptor.
        public var variant: String
        /// The values of the message template's placeholders.
        public var arguments: [String: String]
        /// 0-based offset in Unicode scalars from the start of the expression.
        public var offset: Int
        /// What to do, if known.
        public var help: String?

        /// What is wrong, from the catalogue's template.
        public var message: String { code.descriptor.message(variant, arguments) }

        init(code: DiagnosticCode, variant: String, arguments: [String: String], offset: Int, help: String? = nil) {
            self.code = code
            self.variant = variant
            self.arguments = arguments
            self.offset = offset
            self.help = help
        }
    }

    /// Meter names the scenario defines.
    public var meters: Set<String>
    /// Tactic ids known to the library (empty set: accept any well-formed id).
    public var tactics: Set<String>

    /// Creates a parser for one scenario.
    public init(meters: Set<String>, tactics: Set<String>) {
        self.meters = meters
        self.tactics = tactics
    }

    /// Most tokens a condition may have (a real one has a dozen).
    public static let maxTokens = 200
    /// Largest number a condition may hold, either sign (DJ0025).
    public static let maxNumber = 1_000_000.0
    /// Most digits after a decimal point (DJ0025).
    public static let maxDecimals = 4
    /// Deepest nesting of parentheses and `not`.
    public static let maxDepth = 16

    /// Parses a whole expression. Size and nesting are capped (DJ0024), so neither parsing nor
    /// evaluating a hostile condition can exhaust the stack.
    public func parse(_ text: String) throws(Failure) -> Condition {
        var state = State(tokens: try Lexer.tokens(in: text), parser: self, length: text.unicodeScalars.count)
        let condition = try state.parseOr()
        if let extra = state.peek {
            throw Failure(code: .badExpression, variant: "after-complete", arguments: ["token": extra.kind.describe],
                          offset: extra.offset, help: "join conditions with `and` or `or`")
        }
        return condition
    }

    enum TokenKind: Hashable {
        case number(Double), identifier(String), op(Condition.Comparison), leftParen, rightParen, unknown(Character)

        var describe: String {
            switch self {
            case let .number(n): "number `\(Lexer.format(n))`"
            case let .identifier(name): "`\(name)`"
            case let .op(op): "operator `\(op.rawValue)`"
            case .leftParen: "`(`"
            case .rightParen: "`)`"
            case let .unknown(c): "character `\(c)`"
            }
        }
    }

    struct Token: Hashable {
        var kind: TokenKind
        var offset: Int
        var length: Int
    }

    enum Lexer {
        static func format(_ n: Double) -> String {
            n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        }

        static func tokens(in text: String) throws(Failure) -> [Token] {
            let scalars = Array(text.unicodeScalars)
            var tokens: [Token] = []
            var i = 0
            while i < scalars.count {
                let c = scalars[i]
                if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
                let start = i
                if tokens.count == ConditionParser.maxTokens {
                    throw Failure(code: .conditionTooComplex, variant: "tokens", arguments: ["limit": String(ConditionParser.maxTokens)],
                                  offset: start, help: "split it over several branches")
                }
                if c.properties.numericType != nil && c.isASCII || (c == "-" && i + 1 < scalars.count && isDigit(scalars[i + 1])) {
                    i += 1
                    while i < scalars.count && (isDigit(scalars[i]) || scalars[i] == ".") { i += 1 }
                    let literal = String(String.UnicodeScalarView(scalars[start..<i]))
                    guard let value = Double(literal) else {
                        throw Failure(code: .badExpression, variant: "not-number", arguments: ["text": literal], offset: start)
                    }
                    // Bounded so every number writes back exactly as plain digits (no exponent).
                    let parts = literal.split(separator: ".", omittingEmptySubsequences: false)
                    if abs(value) > ConditionParser.maxNumber || parts.count == 2 && parts[1].count > ConditionParser.maxDecimals {
                        throw Failure(code: .numberOutOfRange, variant: "condition",
                                      arguments: ["text": DisplayWidth.truncate(literal, to: 24)],
                                      offset: start,
                                      help: "compare with numbers up to \(Int(ConditionParser.maxNumber)) with at most \(ConditionParser.maxDecimals) decimals; scores are 0–100, meters −1000…1000")
                    }
                    tokens.append(Token(kind: .number(value), offset: start, length: i - start))
                } else if isIdentifierStart(c) {
                    i += 1
                    while i < scalars.count && isIdentifierPart(scalars[i]) { i += 1 }
                    let name = String(String.UnicodeScalarView(scalars[start..<i]))
                    tokens.append(Token(kind: .identifier(name), offset: start, length: i - start))
                } else if c == "(" {
                    i += 1; tokens.append(Token(kind: .leftParen, offset: start, length: 1))
                } else if c == ")" {
                    i += 1; tokens.append(Token(kind: .rightParen, offset: start, length: 1))
                } else if "<>=!".unicodeScalars.contains(c) {
                    let two = i + 1 < scalars.count ? String(String.UnicodeScalarView([c, scalars[i + 1]])) : ""
                    if let op = Condition.Comparison(rawValue: two) {
                        i += 2; tokens.append(Token(kind: .op(op), offset: start, length: 2))
                    } else if let op = Condition.Comparison(rawValue: String(Character(c))) {
                        i += 1; tokens.append(Token(kind: .op(op), offset: start, length: 1))
                    } else if c == "=" {
                        throw Failure(code: .badExpression, variant: "not-operator", arguments: ["text": "="], offset: start,
                                      help: "compare with `==`")
                    } else {
                        throw Failure(code: .badExpression, variant: "not-operator", arguments: ["text": "!"], offset: start,
                                      help: "negate with `not`, or compare with `!=`")
                    }
                } else if c == "&" || c == "|" {
                    throw Failure(code: .badExpression, variant: "not-operator", arguments: ["text": String(c)], offset: start,
                                  help: c == "&" ? "write `and`" : "write `or`")
                } else {
                    throw Failure(code: .badExpression, variant: "unexpected-character", arguments: ["character": String(c)], offset: start,
                                  help: "conditions use numbers, meter names, score, turn, comparisons, and/or/not, used(tactic-id) and mismatch")
                }
            }
            return tokens
        }

        static func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
        static func isIdentifierStart(_ c: Unicode.Scalar) -> Bool { (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" }
        static func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) || c == "-" }
    }

    struct State {
        var tokens: [Token]
        var parser: ConditionParser
        var length: Int
        var index = 0
        var depth = 0

        var peek: Token? { index < tokens.count ? tokens[index] : nil }

        mutating func advance() -> Token? {
            defer { index += 1 }
            return peek
        }

        func isKeyword(_ token: Token?, _ word: String) -> Bool {
            if case let .identifier(name)? = token?.kind { return name == word }
            return false
        }

        mutating func parseOr() throws(Failure) -> Condition {
            var lhs = try parseAnd()
            while isKeyword(peek, "or") {
                index += 1
                lhs = .or(lhs, try parseAnd())
            }
            return lhs
        }

        mutating func parseAnd() throws(Failure) -> Condition {
            var lhs = try parseNot()
            while isKeyword(peek, "and") {
                index += 1
                lhs = .and(lhs, try parseNot())
            }
            return lhs
        }

        mutating func parseNot() throws(Failure) -> Condition {
            if isKeyword(peek, "not"), let token = peek {
                index += 1
                try enter(token)
                defer { depth -= 1 }
                return .not(try parseNot())
            }
            return try parsePrimary()
        }

        mutating func enter(_ token: Token) throws(Failure) {
            depth += 1
            if depth > ConditionParser.maxDepth {
                throw Failure(code: .conditionTooComplex, variant: "depth", arguments: ["limit": String(ConditionParser.maxDepth)],
                              offset: token.offset, help: "simplify it, or split it over several branches")
            }
        }

        mutating func parsePrimary() throws(Failure) -> Condition {
            guard let token = peek else {
                throw Failure(code: .badExpression, variant: "ends-early", arguments: [:], offset: length,
                              help: "finish the condition, e.g. `score >= 70`")
            }
            switch token.kind {
            case .leftParen:
                index += 1
                try enter(token)
                defer { depth -= 1 }
                let inner = try parseOr()
                guard let close = peek, close.kind == .rightParen else {
                    throw Failure(code: .badExpression, variant: "unclosed", arguments: ["text": "("], offset: token.offset, help: "add `)`")
                }
                _ = close
                index += 1
                return inner
            case let .identifier(name) where name == "used":
                index += 1
                guard peek?.kind == .leftParen else {
                    throw Failure(code: .badExpression, variant: "used-parentheses", arguments: [:],
                                  offset: peek?.offset ?? length, help: "write `used(price-angle)`")
                }
                index += 1
                guard let idToken = peek, case let .identifier(tactic) = idToken.kind else {
                    throw Failure(code: .badExpression, variant: "used-id", arguments: [:],
                                  offset: peek?.offset ?? length, help: "write `used(price-angle)`")
                }
                index += 1
                guard peek?.kind == .rightParen else {
                    throw Failure(code: .badExpression, variant: "unclosed", arguments: ["text": "used(" + tactic],
                                  offset: peek?.offset ?? length, help: "add `)`")
                }
                index += 1
                if !parser.tactics.isEmpty && !parser.tactics.contains(tactic) {
                    throw Failure(code: .unknownTactic, variant: "condition", arguments: ["tactic": tactic], offset: idToken.offset,
                                  help: Suggestion.didYouMean(tactic, among: parser.tactics))
                }
                return .used(tactic)
            case let .identifier(name) where name == "mismatch":
                index += 1
                return .mismatch
            case let .identifier(name) where name == "true" || name == "false":
                index += 1
                return .constant(name == "true")
            case let .identifier(name) where ["and", "or", "not"].contains(name):
                throw Failure(code: .badExpression, variant: "needs-left-condition", arguments: ["name": name], offset: token.offset)
            case .rightParen:
                throw Failure(code: .badExpression, variant: "unexpected", arguments: ["text": ")"], offset: token.offset)
            case .op:
                throw Failure(code: .badExpression, variant: "needs-left-value", arguments: ["token": token.kind.describe],
                              offset: token.offset)
            case let .unknown(c):
                throw Failure(code: .badExpression, variant: "unexpected-character", arguments: ["character": String(c)], offset: token.offset)
            case .number, .identifier:
                let lhs = try parseOperand()
                guard let opToken = peek, case let .op(op) = opToken.kind else {
                    let what = Self.describe(lhs)
                    throw Failure(code: .badExpression, variant: "number-not-condition", arguments: ["what": what],
                                  offset: token.offset, help: "compare it, e.g. `\(Self.source(lhs)) >= 2`")
                }
                index += 1
                let rhs = try parseOperand()
                return .compare(lhs, op, rhs)
            }
        }

        mutating func parseOperand() throws(Failure) -> Condition.Operand {
            guard let token = advance() else {
                index = tokens.count
                throw Failure(code: .badExpression, variant: "ends-early", arguments: [:], offset: length,
                              help: "add a number, `score`, `turn` or a meter name")
            }
            switch token.kind {
            case let .number(n): return .number(n)
            case let .identifier(name):
                switch name {
                case "score": return .score
                case "turn": return .turn
                case "and", "or", "not", "used", "mismatch", "true", "false":
                    throw Failure(code: .badExpression, variant: "not-number", arguments: ["text": name], offset: token.offset,
                                  help: "compare a number, `score`, `turn` or a meter name")
                default:
                    guard parser.meters.contains(name) else {
                        let known = parser.meters.sorted().map { "`\($0)`" }.joined(separator: ", ")
                        throw Failure(code: .undefinedMeter, variant: "condition", arguments: ["meter": name],
                                      offset: token.offset,
                                      help: Suggestion.didYouMean(name, among: parser.meters.union(["score", "turn"]))
                                          ?? (known.isEmpty ? "define it under `meters:`" : "meters here: \(known)"))
                    }
                    return .meter(name)
                }
            default:
                throw Failure(code: .badExpression, variant: "expected-value", arguments: ["token": token.kind.describe],
                              offset: token.offset, help: "add a number, `score`, `turn` or a meter name")
            }
        }

        static func describe(_ operand: Condition.Operand) -> String {
            switch operand {
            case let .number(n): "`\(Lexer.format(n))`"
            case .score: "`score`"
            case .turn: "`turn`"
            case let .meter(name): "meter `\(name)`"
            }
        }

        static func source(_ operand: Condition.Operand) -> String {
            switch operand {
            case let .number(n): Lexer.format(n)
            case .score: "score"
            case .turn: "turn"
            case let .meter(name): name
            }
        }
    }
}
