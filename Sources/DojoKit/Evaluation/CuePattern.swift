/// A parsed cue phrase: literal text and typed slots, in segments that must appear in order within
/// one sentence (segments are written separated by ` ... `). Authors never write regexes.
public struct CuePattern: Sendable, Hashable {
    /// A typed placeholder that matches a family of expressions in the reply.
    public enum Slot: String, Sendable, Hashable, CaseIterable {
        /// An amount of money: 20万元, ¥200,000, $30k, 200k dollars.
        case money
        /// A percentage or discount: 8%, 百分之十五, 八折, 三成, 15 percent.
        case percent
        /// Any number, Arabic or Chinese.
        case number
        /// A span of time: 三个月, 2 weeks, 一周内.
        case duration
        /// A question mark or a question particle.
        case question
    }

    /// One piece of a segment.
    public enum Element: Sendable, Hashable {
        /// Literal text (matched after normalisation).
        case text(String)
        /// A typed slot.
        case slot(Slot)
    }

    /// Segments in order; each is a run of adjacent elements.
    public var segments: [[Element]]

    /// The separator between segments.
    public static let gap = " ... "

    /// A cue that cannot be parsed, with a 0-based scalar offset.
    public struct SyntaxError: Error, Sendable, Hashable {
        /// What is wrong.
        public var message: String
    }

    /// Parses a cue.
    public static func parse(_ cue: String) throws(SyntaxError) -> CuePattern {
        let parts = cue.components(separatedBy: gap).map { $0.trimmingWhitespace(newlines: false) }
        var segments: [[Element]] = []
        for part in parts {
            guard !part.isEmpty, part != "..." else {
                throw SyntaxError(message: "cue `\(cue)` has an empty part around ` ... `")
            }
            var elements: [Element] = []
            var literal = ""
            var rest = Substring(part)
            while let open = rest.firstIndex(of: "{") {
                literal += rest[..<open]
                guard let close = rest[open...].firstIndex(of: "}") else {
                    throw SyntaxError(message: "cue `\(cue)` has `{` without `}`")
                }
                let name = String(rest[rest.index(after: open)..<close])
                guard let slot = Slot(rawValue: name) else {
                    let known = Slot.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
                    throw SyntaxError(message: "cue `\(cue)` uses unknown slot `{\(name)}`; slots are \(known)")
                }
                if !literal.isEmpty { elements.append(.text(literal)); literal = "" }
                elements.append(.slot(slot))
                rest = rest[rest.index(after: close)...]
            }
            if rest.contains("}") { throw SyntaxError(message: "cue `\(cue)` has `}` without `{`") }
            literal += rest
            if !literal.isEmpty { elements.append(.text(literal)) }
            segments.append(elements)
        }
        return CuePattern(segments: segments)
    }
}
