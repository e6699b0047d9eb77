extension StringProtocol {
    /// Whether the text contains CJK ideographs: replies and reasons that do are answered in Chinese.
    public var containsCJK: Bool {
        unicodeScalars.contains { $0.value >= 0x3400 && $0.value <= 0x9FFF }
    }
}
