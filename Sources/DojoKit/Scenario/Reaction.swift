/// The buyer's reaction to a reply, which may quote what the rep actually said. Written as one line
/// or a list of lines; placeholders take the rep's own words: `{money}`, `{percent}`, `{duration}`
/// (the first such figure in the reply) and `{evidence}` (the words that earned the tactic). The
/// first line whose placeholders the reply can all fill is said, so a list ends with a plain
/// fallback line for replies without that figure.
public struct Reaction: Sendable, Hashable {
    /// What a placeholder takes from the reply.
    public enum Slot: String, Sendable, Hashable, CaseIterable {
        /// The first amount of money the rep named ("CNY 60,000", "20 万元").
        case money
        /// The first percentage ("4%", "八折").
        case percent
        /// The first duration ("two weeks", "三个月").
        case duration
        /// The rep's words that earned the tactic (the reaction's tactic, or the first expected one used).
        case evidence
    }

    /// The alternatives, in order of preference.
    public var lines: [String]
    /// Where the reaction is written.
    public var location: SourceLocation
    /// Where each line is written (the reaction's location for each, when not known).
    public var lineLocations: [SourceLocation]

    /// Creates a reaction.
    public init(lines: [String], location: SourceLocation, lineLocations: [SourceLocation]? = nil) {
        self.lines = lines
        self.location = location
        self.lineLocations = lineLocations ?? lines.map { _ in location }
    }

    /// The first line whose placeholders all have a value, filled in; nil when none can be said.
    public func render(_ value: (Slot) -> String?) -> String? {
        for line in lines {
            if let filled = Self.fill(line, value) { return filled }
        }
        return nil
    }

    /// `line` with its placeholders filled, or nil when one has no value.
    static func fill(_ line: String, _ value: (Slot) -> String?) -> String? {
        var out = ""
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"),
                  let slot = Slot(rawValue: String(rest[rest.index(after: open)..<close])) else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            guard let filled = value(slot) else { return nil }
            out += filled
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The placeholders written in `line` (`{name}`), known or not, in order.
    public static func placeholders(in line: String) -> [String] {
        var names: [String] = []
        var rest = Substring(line)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// `line` with its placeholders removed: the literal text an author wrote.
    public static func literalText(of line: String) -> String {
        fill(line) { _ in " " } ?? line
    }
}

/// A turn's reaction to one tactic: said when the reply uses it, before the branch's own reaction.
public struct TacticReaction: Sendable, Hashable {
    /// The tactic (or anti-pattern) id.
    public var tactic: String
    /// What the buyer says.
    public var reaction: Reaction

    /// Creates a tactic reaction.
    public init(tactic: String, reaction: Reaction) {
        self.tactic = tactic
        self.reaction = reaction
    }
}
