import DojoKit
import Foundation

/// Prints diagnostics like a compiler: `path:line:col: error[DJ0007]: message`, the source line and a caret.
struct DiagnosticPrinter {
    var terminal: Terminal
    /// Source lines by file, read once per file.
    private var cache: [String: SourceText] = [:]

    init(terminal: Terminal) { self.terminal = terminal }

    /// File names, messages (which quote keys and values) and help are sanitised: a newline in a
    /// file name must not forge a diagnostic line, an escape in a key must not reach the terminal.
    mutating func render(_ diagnostic: Diagnostic) -> String {
        let message = TerminalSanitizer.clean(diagnostic.message)
        let help = diagnostic.help.map(TerminalSanitizer.clean)
        let colour: Terminal.Style = diagnostic.severity == .error ? .red : diagnostic.severity == .warning ? .yellow : .cyan
        let severity = terminal.paint("\(diagnostic.severity.rawValue)[\(diagnostic.code.rawValue)]", .bold, colour)
        guard let location = diagnostic.location else {
            return "\(severity): \(message)" + (help.map { "\n  = help: \($0)" } ?? "")
        }
        let shownLocation = "\(TerminalSanitizer.clean(location.file)):\(location.line):\(location.column)"
        var out = terminal.paint("\(shownLocation):", .bold) + " \(severity): " + terminal.paint(message, .bold)
        if let line = sourceLine(location.file, location.line) {
            let number = String(location.line)
            let gutter = String(repeating: " ", count: number.count)
            let shown = Self.visible(line)
            let prefix = String(String.UnicodeScalarView(line.unicodeScalars.prefix(max(0, location.column - 1))))
            let caretOffset = DisplayWidth.of(Self.visible(Substring(prefix)))
            out += "\n\(gutter) " + terminal.paint("|", .blue)
            out += "\n" + terminal.paint("\(number) |", .blue) + " \(shown)"
            out += "\n\(gutter) " + terminal.paint("|", .blue) + " " + String(repeating: " ", count: caretOffset)
                + terminal.paint("^", .bold, colour)
        }
        if let help {
            out += "\n\(String(repeating: " ", count: String(location.line).count)) " + terminal.paint("= help:", .bold) + " \(help)"
        }
        return out
    }

    /// Tabs shown as one space (so the caret lines up) and control characters dropped.
    static func visible(_ line: Substring) -> String {
        var out = String.UnicodeScalarView()
        for scalar in line.unicodeScalars {
            let v = scalar.value
            if scalar == "\t" {
                out.append(" ")
            } else if v >= 0x20 && v != 0x7F && !(0x80...0x9F).contains(v) && !(0x202A...0x202E).contains(v)
                        && !(0x2066...0x2069).contains(v) {
                out.append(scalar)
            }
        }
        return String(out)
    }

    private mutating func sourceLine(_ file: String, _ line: Int) -> Substring? {
        if cache[file] == nil {
            guard let data = FileManager.default.contents(atPath: file), data.count <= 1 << 20 else { return nil }
            cache[file] = SourceText(path: file, bytes: data)
        }
        return cache[file]?.line(line)
    }
}
