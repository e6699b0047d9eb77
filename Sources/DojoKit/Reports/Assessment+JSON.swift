extension Assessment {
    /// Writes the assessment as the `dojo grade --format jsonl` object:
    /// `{"id","orientation","tactics","anti_patterns","score","alignment","explanation"}`.
    public func writeJSON(to writer: inout JSONWriter, id: JSONValue?, explanation lines: [String]) {
        writer.beginObject()
        writer.key("id")
        switch id {
        case let .string(s)?: writer.string(s)
        case let .number(n)?: writer.number(n)
        default: writer.null()
        }
        writer.key("orientation")
        writer.string(orientation?.rawValue ?? "none")
        writer.key("tactics")
        writer.beginArray()
        for finding in usedTactics { Self.write(finding, to: &writer) }
        writer.endArray()
        writer.key("anti_patterns")
        writer.beginArray()
        for finding in antiPatterns { Self.write(finding, to: &writer) }
        writer.endArray()
        writer.key("score")
        if let score { writer.int(score) } else { writer.null() }
        writer.key("alignment")
        writer.string(alignment.rawValue)
        writer.key("explanation")
        writer.beginArray()
        for line in lines { writer.string(line) }
        writer.endArray()
        writer.endObject()
    }

    static func write(_ finding: TacticFinding, to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("id")
        writer.string(finding.id)
        writer.key("type")
        writer.string(finding.valueType?.rawValue ?? "anti-pattern")
        writer.key("confidence")
        writer.number(finding.confidence)
        writer.key("evidence")
        writer.beginArray()
        for quote in finding.evidence { writer.string(quote) }
        writer.endArray()
        writer.endObject()
    }
}
