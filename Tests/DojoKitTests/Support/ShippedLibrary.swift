import Foundation
@testable import DojoKit

/// The repository's own Scenarios folder, loaded once for all tests.
enum Shipped {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let library = ScenarioLibrary.load(directory: root + "/Scenarios")
    static let modelPath = TrainingInputs.modelPath(scenarioDirectory: root + "/Scenarios")
    /// The shipped trained model (nil only when it is missing or unreadable, which a test reports).
    static let model = try? TacticModel.load(path: modelPath)
    /// The evaluator as the product runs it: cues, exemplars and the shipped model.
    static let evaluator = Evaluator(catalog: library.catalog, model: model)
    /// Cues and exemplars alone, for the figures before the trained detector.
    static let cueEvaluator = Evaluator(catalog: library.catalog)
}
