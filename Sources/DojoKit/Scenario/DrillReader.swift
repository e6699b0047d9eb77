import Yams

/// Builds a `DrillSet` from a composed YAML document.
enum DrillReader {
    static let topKeys = ["id", "title", "language", "items"]
    static let itemKeys = ["id", "type", "statement", "source", "why"]

    static func read(_ document: DocumentLoader.Document, into diagnostics: inout [Diagnostic]) -> DrillSet? {
        let source = document.source
        let before = diagnostics.count
        guard let top = MappingReader(document.root, context: "the drill", allowed: topKeys, required: topKeys,
                                      source: source, into: &diagnostics) else { return nil }
        let id = top.string("id", into: &diagnostics)
        if let id, !Identifier.isValid(id) {
            diagnostics.append(Diagnostic(.invalidValue, ["what": "drill", "id": id], variant: "id",
                                          at: top.valueLocation("id")))
        }
        let title = top.string("title", into: &diagnostics)
        let language = top.language("language", into: &diagnostics)
        var items: [DrillSet.Item] = []
        var seen: [String: SourceLocation] = [:]
        for node in top.sequence("items", into: &diagnostics) ?? [] {
            let hint = node.mapping?["id"]?.string.map { "drill item `\($0)`" } ?? "a drill item"
            guard let reader = MappingReader(node, context: hint, allowed: itemKeys, required: itemKeys, source: source,
                                             into: &diagnostics),
                  let itemID = reader.string("id", into: &diagnostics),
                  let rawType = reader.string("type", into: &diagnostics),
                  let statement = reader.string("statement", into: &diagnostics),
                  let origin = reader.string("source", into: &diagnostics),
                  let why = reader.string("why", into: &diagnostics) else { continue }
            guard let type = ValueType(rawValue: rawType) else {
                diagnostics.append(Diagnostic(.unknownValueType, ["type": rawType], at: reader.valueLocation("type"),
                    help: Suggestion.didYouMean(rawType, among: ValueType.allCases.map(\.rawValue)) ?? "use intrinsic, extrinsic or strategic"))
                continue
            }
            if let first = seen[itemID] {
                diagnostics.append(Diagnostic(.duplicateID, ["id": itemID], variant: "drill-item", at: reader.location,
                                              help: "the first is at line \(first.line)"))
                continue
            }
            seen[itemID] = reader.location
            items.append(DrillSet.Item(id: itemID, type: type, statement: statement, source: origin, why: why))
        }
        guard diagnostics.count == before, let id, let title, let language else { return nil }
        return DrillSet(id: id, title: title, language: language, items: items,
                        location: top.has("id") ? top.valueLocation("id") : top.location)
    }
}
