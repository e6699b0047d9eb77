/// Strips what must never reach a terminal from user text: ANSI escape sequences (CSI, OSC and
/// single ESC codes), other control characters (NUL included), and bidi overrides and isolates
/// that can disguise text.
enum TerminalSanitizer {
    /// `text` with every line cleaned and line feeds kept, for multi-line messages.
    static func cleanLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { clean(String($0)) }.joined(separator: "\n")
    }

    static func clean(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var iterator = text.unicodeScalars.makeIterator()
        while let scalar = iterator.next() {
            let v = scalar.value
            if v == 0x1B {
                skipEscape(&iterator)
                continue
            }
            if v == 0x9B {  // 8-bit CSI
                while let next = iterator.next(), !(0x40...0x7E).contains(next.value) {}
                continue
            }
            if v < 0x20 && v != 0x09 { continue }
            if v == 0x7F || (0x80...0x9F).contains(v) { continue }
            if (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || v == 0x200E || v == 0x200F || v == 0x061C {
                continue
            }
            out.append(v == 0x09 ? " " : scalar)
        }
        return String(out)
    }

    private static func skipEscape(_ iterator: inout String.UnicodeScalarView.Iterator) {
        guard let introducer = iterator.next() else { return }
        switch introducer {
        case "[":  // CSI: parameters and intermediates, then a final byte 0x40–0x7E
            while let next = iterator.next(), !(0x40...0x7E).contains(next.value) {}
        case "]", "P", "X", "^", "_":  // OSC, DCS, SOS, PM, APC: until BEL or ESC \
            while let next = iterator.next() {
                if next.value == 0x07 { break }
                if next.value == 0x1B { _ = iterator.next(); break }
            }
        default:
            break  // a two-character escape: ESC + one byte
        }
    }
}
