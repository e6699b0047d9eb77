extension StringProtocol {
    /// Whether the text contains CJK ideographs: replies and reasons that do are answered in Chinese.
    public var containsCJK: Bool {
        unicodeScalars.contains { $0.value >= 0x3400 && $0.value <= 0x9FFF }
    }
}

extension String {
    /// The text without leading and trailing white space (`newlines: false` keeps line breaks), in
    /// native Swift: Foundation's `trimmingCharacters(in:)` bridges through NSString, which costs
    /// more than the rest of reading a scenario file.
    public func trimmingWhitespace(newlines: Bool = true) -> String {
        func trims(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace && (newlines || !(scalar == "\n" || scalar == "\r" || scalar == "\u{0B}"
                || scalar == "\u{0C}" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"))
        }
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !trims($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !trims($0) }) ?? first
        return String(Substring(scalars[first...last]))
    }
}
