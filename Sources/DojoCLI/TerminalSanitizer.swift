/// Strips what must never reach a terminal from user text: control characters (ANSI escapes start
/// with ESC), bidi overrides and isolates that can disguise text.
enum TerminalSanitizer {
    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x20 && v != 0x09 { continue }
            if v == 0x7F || (0x80...0x9F).contains(v) { continue }
            if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C { continue }
            out.append(v == 0x09 ? " " : scalar)
        }
        return String(out)
    }
}
