/// A short text in Chinese and English, as playbooks carry it.
public struct LocalizedText: Sendable, Hashable {
    /// The Chinese text (Simplified).
    public var zh: String
    /// The English text.
    public var en: String

    /// Creates a text pair.
    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text for a language (Traditional Chinese readers get the Chinese text).
    public func text(for language: ScenarioLanguage) -> String {
        language.isChinese ? zh : en
    }
}
