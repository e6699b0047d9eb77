import Foundation

extension ScenarioLibrary {
    /// Reads one scenario from YAML bytes against a tactic catalogue, without touching the file
    /// system: the seam for scenarios kept elsewhere (a server's store) and for the fuzz targets.
    /// A document that is not a scenario gives no scenario and a DJ0021 diagnostic.
    public static func readScenario(yaml data: Data, path: String, catalog: TacticCatalog,
                                    loader: DocumentLoader = DocumentLoader()) -> (scenario: Scenario?, diagnostics: [Diagnostic]) {
        switch loader.load(data: data, path: path) {
        case let .failure(list):
            return (nil, list.diagnostics)
        case let .success(document):
            var diagnostics: [Diagnostic] = []
            guard kind(of: document.root) == .scenario else {
                diagnostics.append(Diagnostic(.unknownDocumentKind, variant: "not-scenario",
                                              at: DocumentLoader.location(of: document.root, in: document.source)))
                return (nil, diagnostics)
            }
            let scenario = ScenarioReader.read(document, catalog: catalog, into: &diagnostics)
            return (scenario, Diagnostic.sorted(diagnostics))
        }
    }
}
