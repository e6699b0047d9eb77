/// DJ0122 (a note by default): a scenario without its counterpart in the other language: a Chinese
/// scenario `X` is translated as `X-en`, and an `X-en` is translated from `X`.
public struct MissingTranslationRule: ScenarioLintRule {
    public var code: DiagnosticCode { .missingTranslation }
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        let other = TranslationPairs.counterpart(of: scenario)
        guard context.library.scenario(other) == nil else { return [] }
        let isTranslation = scenario.id.hasSuffix(TranslationPairs.englishSuffix) && scenario.language == .english
        return [Diagnostic(code, ["scenario": scenario.id, "other": other], variant: isTranslation ? "source" : "", at: scenario.location,
                           help: "write it (same turns, branches and endings), or set DJ0122 to off in .dojo-lint.yaml for one-language libraries")]
    }
}
