extension GuideChart {
    /// The chart as Markdown: a table of the types side by side, or sections for one type.
    public func markdown() -> String {
        var out = "# \(title)\n\n"
        if columns.count > 1 {
            out += "| | " + columns.map { "**\(Self.escape($0.title))**<br>\(Self.escape($0.mode))" }.joined(separator: " | ") + " |\n"
            out += "|---|" + String(repeating: "---|", count: columns.count) + "\n"
            let headings = columns.first?.sections.map(\.heading) ?? []
            for (row, heading) in headings.enumerated() {
                let cells = columns.map { column -> String in
                    guard row < column.sections.count else { return "" }
                    let section = column.sections[row]
                    return section.lines.enumerated().map { i, line in (section.numbered ? "\(i + 1). " : "") + Self.escape(line) }
                        .joined(separator: "<br>")
                }
                out += "| **\(Self.escape(heading))** | " + cells.joined(separator: " | ") + " |\n"
            }
        } else {
            for column in columns {
                out += "## \(column.title) — \(column.mode)\n\n"
                for section in column.sections {
                    out += "### \(section.heading)\n\n"
                    for (i, line) in section.lines.enumerated() { out += (section.numbered ? "\(i + 1). " : "- ") + line + "\n" }
                    out += "\n"
                }
            }
        }
        return out
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
