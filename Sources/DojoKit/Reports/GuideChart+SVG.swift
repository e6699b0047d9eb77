extension GuideChart {
    /// The chart as a self-contained SVG for handouts: one coloured panel per type, text wrapped
    /// with CJK-aware widths.
    public func svg(columnWidth: Int = 380) -> String {
        let gap = 24, margin = 24, lineHeight = 22, fontSize = 14
        let charsPerLine = max(12, (columnWidth - 24) / (fontSize / 2 + 1))  // in display columns
        let colors: [ValueType: (String, String)] = [
            .intrinsic: ("#1f6feb", "#eaf2ff"), .extrinsic: ("#1a7f37", "#e9f7ee"), .strategic: ("#8250df", "#f3edfd"),
        ]
        var panels: [(column: Column, lines: [(text: String, style: String)])] = []
        for column in columns {
            var lines: [(String, String)] = [(column.title, "title"), (column.mode, "mode")]
            for section in column.sections {
                lines.append(("", "gap"))
                lines.append((section.heading, "heading"))
                for (i, line) in section.lines.enumerated() {
                    let text = (section.numbered ? "\(i + 1). " : "• ") + line
                    for (k, wrapped) in TextWrap.lines(text, width: charsPerLine).enumerated() {
                        lines.append(((k == 0 ? "" : "   ") + wrapped, "body"))
                    }
                }
            }
            panels.append((column, lines))
        }
        let tallest = panels.map(\.lines.count).max() ?? 0
        let width = margin * 2 + panels.count * columnWidth + max(0, panels.count - 1) * gap
        let height = margin * 2 + 48 + tallest * lineHeight + 24
        var out = """
        <svg xmlns="http://www.w3.org/2000/svg" width="\(width)" height="\(height)" viewBox="0 0 \(width) \(height)" \
        font-family="'Noto Sans CJK SC','PingFang SC','Microsoft YaHei','Helvetica Neue',Arial,sans-serif">
        <rect width="100%" height="100%" fill="#ffffff"/>
        <text x="\(margin)" y="\(margin + 22)" font-size="22" font-weight="bold" fill="#1f2328">\(Self.xml(title))</text>

        """
        for (index, panel) in panels.enumerated() {
            let x = margin + index * (columnWidth + gap)
            let y = margin + 40
            let (stroke, fill) = colors[panel.column.type] ?? ("#57606a", "#f6f8fa")
            out += "<g>\n<rect x=\"\(x)\" y=\"\(y)\" width=\"\(columnWidth)\" height=\"\(height - y - margin)\" rx=\"10\" fill=\"\(fill)\" stroke=\"\(stroke)\" stroke-width=\"2\"/>\n"
            for (row, line) in panel.lines.enumerated() where !line.text.isEmpty {
                let ty = y + 28 + row * lineHeight
                let attributes: String
                switch line.style {
                case "title": attributes = "font-size=\"20\" font-weight=\"bold\" fill=\"\(stroke)\""
                case "mode": attributes = "font-size=\"\(fontSize)\" font-style=\"italic\" fill=\"#57606a\""
                case "heading": attributes = "font-size=\"\(fontSize)\" font-weight=\"bold\" fill=\"\(stroke)\""
                default: attributes = "font-size=\"\(fontSize)\" fill=\"#1f2328\""
                }
                out += "<text x=\"\(x + 12)\" y=\"\(ty)\" \(attributes)>\(Self.xml(line.text))</text>\n"
            }
            out += "</g>\n"
        }
        out += "</svg>\n"
        return out
    }

    static func xml(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default:
                if c.value < 0x20 { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
