extension StringProtocol {
    /// Whether the text contains CJK ideographs: replies and reasons that do are answered in Chinese.
    public var containsCJK: Bool {
        utf8.withContiguousStorageIfAvailable(containsCJK(utf8:)) ?? unicodeScalars.contains { $0.value >= 0x3400 && $0.value <= 0x9FFF }
    }

    /// U+3400–U+9FFF in UTF-8 are the three-byte sequences led by E4–E9, or by E3 followed by 90 or more (E3 90 80
    /// is U+3400); in valid UTF-8 those bytes only ever lead. Read off the bytes, without decoding every scalar
    /// (which cost `dojo grade` more per line than writing the line's JSON).
    private func containsCJK(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for i in bytes.indices {
            let b = bytes[i]
            if b >= 0xE4 && b <= 0xE9 { return true }
            if b == 0xE3 && i + 1 < bytes.count && bytes[i + 1] >= 0x90 { return true }
        }
        return false
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
