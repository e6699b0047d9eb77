/// Wraps text to a column width, counting CJK characters as two columns. Latin words stay whole
/// (unless longer than a line); CJK text may break between any two characters, but never before
/// closing punctuation.
public enum TextWrap {
    /// The wrapped lines (without trailing spaces). Existing newlines are kept.
    public static func lines(_ text: String, width: Int) -> [String] {
        let width = max(width, 4)
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            result += wrapParagraph(Substring(paragraph), width: width)
        }
        return result
    }

    private static let noBreakBefore: Set<Unicode.Scalar> = Set("，。、；：！？）》」』】”’,.;:!?)]}…%".unicodeScalars)
    private static let noBreakAfter: Set<Unicode.Scalar> = Set("（《「『【“‘".unicodeScalars)

    private static func wrapParagraph(_ paragraph: Substring, width: Int) -> [String] {
        // Split into units: a Latin word (with its trailing spaces) or a single wide character.
        var units: [String] = []
        var current = ""
        var holdOpening = false
        for scalar in paragraph.unicodeScalars {
            // Opening punctuation stays with what follows it ("“把" never splits after the quote).
            if holdOpening {
                current.unicodeScalars.append(scalar)
                if !noBreakAfter.contains(scalar) {
                    holdOpening = false
                    if DisplayWidth.of(scalar) == 2 { units.append(current); current = "" }
                }
                continue
            }
            if noBreakAfter.contains(scalar) {
                if !current.isEmpty { units.append(current); current = "" }
                current.unicodeScalars.append(scalar)
                holdOpening = true
                continue
            }
            if DisplayWidth.of(scalar) == 2 || (noBreakBefore.contains(scalar) && !scalar.isASCII) {
                if !current.isEmpty { units.append(current); current = "" }
                units.append(String(scalar))
            } else if scalar == " " {
                current.unicodeScalars.append(scalar)
                units.append(current)
                current = ""
            } else {
                current.unicodeScalars.append(scalar)
            }
        }
        if !current.isEmpty { units.append(current) }

        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for (index, unit) in units.enumerated() {
            let unitWidth = DisplayWidth.of(unit.hasSuffix(" ") ? String(unit.dropLast()) : unit)
            // Closing punctuation may not start a line, so whatever follows this unit up to the next
            // break opportunity must fit on the same line.
            var reserve = 0
            var next = index + 1
            while next < units.count, units[next].unicodeScalars.first.map(noBreakBefore.contains) == true {
                reserve += DisplayWidth.of(units[next])
                next += 1
            }
            if lineWidth + unitWidth + reserve > width && !line.isEmpty
                && !(unit.unicodeScalars.first.map(noBreakBefore.contains) ?? false) {
                lines.append(trimTrailing(line))
                line = ""
                lineWidth = 0
            }
            if unitWidth > width {
                // A single overlong word: hard-break it.
                for scalar in unit.unicodeScalars {
                    let w = DisplayWidth.of(scalar)
                    if lineWidth + w > width && !line.isEmpty {
                        lines.append(trimTrailing(line))
                        line = ""
                        lineWidth = 0
                    }
                    line.unicodeScalars.append(scalar)
                    lineWidth += w
                }
                continue
            }
            if line.isEmpty && unit.allSatisfy({ $0 == " " }) { continue }
            line += unit
            lineWidth += DisplayWidth.of(unit)
        }
        lines.append(trimTrailing(line))
        return lines
    }

    private static func trimTrailing(_ s: String) -> String {
        var s = s
        while s.hasSuffix(" ") { s.removeLast() }
        return s
    }
}
