/// The text of a loaded file, kept so diagnostics can quote the offending line.
///
/// Lines are counted the way the YAML parser counts them (LF, CRLF, a lone CR, NEL, LS and PS each end a
/// line), so a line and column from a parser mark point at the same text whatever line endings the author's
/// editor saved.
public struct SourceText: Sendable, Hashable {
    /// The path as given by the user.
    public var path: String
    /// The whole text.
    public var text: String
    /// The text split into lines (without line terminators).
    public var lines: [Substring]

    /// Wraps a text; a leading byte-order mark is dropped (the parser never sees it).
    public init(path: String, text: String) {
        self.path = path
        let text = text.unicodeScalars.first == "\u{FEFF}" ? String(text.unicodeScalars.dropFirst()) : text
        self.text = text
        self.lines = Self.split(text)
    }

    /// Decodes UTF-8 bytes read from `path` (a byte-order mark dropped).
    public init<Bytes: Collection<UInt8>>(path: String, bytes: Bytes) {
        self.init(path: path, text: String(decoding: bytes, as: UTF8.self))
    }

    /// The 1-based line, or nil when out of range.
    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// A location in this file.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }

    /// Splits on unicode scalars: `"\r\n"` is one `Character`, so splitting on the `"\n"` Character never
    /// finds the ends of CRLF lines.
    static func split(_ text: String) -> [Substring] {
        let scalars = text.unicodeScalars
        var lines: [Substring] = []
        var start = scalars.startIndex
        var index = start
        while index < scalars.endIndex {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            switch scalar {
            case "\r":
                lines.append(Substring(scalars[start..<index]))
                index = next < scalars.endIndex && scalars[next] == "\n" ? scalars.index(after: next) : next
                start = index
            case "\n", "\u{85}", "\u{2028}", "\u{2029}":
                lines.append(Substring(scalars[start..<index]))
                index = next
                start = index
            default:
                index = next
            }
        }
        lines.append(Substring(scalars[start..<scalars.endIndex]))
        return lines
    }
}
