import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Facts about the terminal output goes to, and the colours allowed there.
struct Terminal: Sendable {
    /// Whether ANSI colours may be written.
    var colors: Bool
    /// Columns to wrap to; nil means do not wrap (output is not a terminal).
    var width: Int?

    /// Colours only on a TTY, never with `NO_COLOR` or `--no-color`; width from the terminal or `COLUMNS`.
    static func current(fileDescriptor: Int32 = STDOUT_FILENO, noColor: Bool = false) -> Terminal {
        let isTTY = isatty(fileDescriptor) == 1
        let environment = ProcessInfo.processInfo.environment
        let colors = isTTY && !noColor && environment["NO_COLOR"].map(\.isEmpty) != false && environment["TERM"] != "dumb"
        var width: Int?
        var size = winsize()
        if isTTY, ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { width = Int(size.ws_col) }
        if width == nil, let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { width = columns }
        return Terminal(colors: colors, width: width)
    }

    /// The same terminal with its width read again (after a resize, SIGWINCH); unchanged when
    /// output is not a terminal or the width came from `COLUMNS`.
    func resized(fileDescriptor: Int32 = STDOUT_FILENO) -> Terminal {
        var size = winsize()
        guard isatty(fileDescriptor) == 1, ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return self }
        var copy = self
        copy.width = Int(size.ws_col)
        return copy
    }

    /// SGR styles used by the CLI.
    enum Style: String {
        case bold = "1", dim = "2", red = "31", green = "32", yellow = "33", blue = "34", magenta = "35", cyan = "36"
    }

    /// `text` in the style when colours are on.
    func paint(_ text: String, _ styles: Style...) -> String {
        guard colors, !styles.isEmpty else { return text }
        return "\u{1B}[" + styles.map(\.rawValue).joined(separator: ";") + "m" + text + "\u{1B}[0m"
    }
}

/// Writes text to standard error, sanitised (messages quote file names, ids and arguments).
func printError(_ text: String) {
    FileHandle.standardError.write(Data((TerminalSanitizer.cleanLines(text) + "\n").utf8))
}
