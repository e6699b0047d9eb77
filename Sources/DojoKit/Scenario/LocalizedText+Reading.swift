import Yams

extension LocalizedText {
    /// Reads `{zh: ..., en: ...}`.
    static func read(_ node: Node, context: String, source: SourceText, into diagnostics: inout [Diagnostic]) -> LocalizedText? {
        guard let reader = MappingReader(node, context: context, allowed: ["zh", "en"], required: ["zh", "en"],
                                         source: source, into: &diagnostics),
              let zh = reader.string("zh", into: &diagnostics),
              let en = reader.string("en", into: &diagnostics) else { return nil }
        return LocalizedText(zh: zh, en: en)
    }
}
