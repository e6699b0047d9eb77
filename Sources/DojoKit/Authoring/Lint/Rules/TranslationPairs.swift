/// Pairs scenarios with their translations by id: the source is written in Chinese (`customer-a`),
/// its English translation has the id with `-en` (`customer-a-en`).
enum TranslationPairs {
    /// The suffix of an English translation's id.
    static let englishSuffix = "-en"

    /// The id of the scenario's counterpart in the other language.
    static func counterpart(of scenario: Scenario) -> String {
        scenario.language == .english && scenario.id.hasSuffix(englishSuffix)
            ? String(scenario.id.dropLast(englishSuffix.count))
            : scenario.id + englishSuffix
    }
}
