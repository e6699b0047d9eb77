/// The language a scenario is written in; it also picks the UI language.
public enum ScenarioLanguage: String, Sendable, Hashable, CaseIterable, Codable {
    /// Simplified Chinese.
    case simplifiedChinese = "zh-Hans"
    /// Traditional Chinese.
    case traditionalChinese = "zh-Hant"
    /// English.
    case english = "en"

    /// Whether the UI for this language is Chinese.
    public var isChinese: Bool { self != .english }
}
