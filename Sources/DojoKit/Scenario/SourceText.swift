/// The text of a loaded file, kept so diagnostics can quote the offending line.
public struct SourceText: Sendable, Hashable {
    /// The path as given by the user.
    public var path: String
    /// The whole text.
    public var text: String
    /// The text split into lines (without line terminators).
    public var lines: [Substring]

    /// Wraps a text.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? $0.dropLast() : $0
        }
    }

    /// The 1-based line, or nil when out of range.
    public func line(_ number: Int) -> Substring? {
        number >= 1 && number <= lines.count ? lines[number - 1] : nil
    }

    /// A location in this file.
    public func location(line: Int, column: Int) -> SourceLocation {
        SourceLocation(file: path, line: line, column: column)
    }
}
