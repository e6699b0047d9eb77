import DojoKit

/// A plain-text table whose columns line up for CJK text (wide characters count as two columns).
struct TextTable {
    /// Column alignment.
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []
    /// Index of the column that gives up width when the table is too wide.
    var flexibleColumn: Int?

    /// Renders the table, shrinking the flexible column to fit `width` when given.
    func render(width: Int?, terminal: Terminal) -> [String] {
        var widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map { DisplayWidth.of($0) }.max() ?? 0
        }
        let gap = 2
        if let width, let flexible = flexibleColumn {
            let total = widths.reduce(0, +) + gap * (widths.count - 1)
            if total > width { widths[flexible] = max(8, widths[flexible] - (total - width)) }
        }
        func line(_ cells: [String], header: Bool) -> String {
            var parts: [String] = []
            for (column, cell) in cells.enumerated() {
                let fitted = DisplayWidth.truncate(cell, to: widths[column])
                let last = column == cells.count - 1
                let padded: String
                switch alignments[column] {
                case .left: padded = last ? fitted : DisplayWidth.padRight(fitted, to: widths[column])
                case .right: padded = DisplayWidth.padLeft(fitted, to: widths[column])
                }
                parts.append(header ? terminal.paint(padded, .bold) : padded)
            }
            return parts.joined(separator: String(repeating: " ", count: gap))
        }
        return [line(headers, header: true)] + rows.map { line($0, header: false) }
    }
}
