import Foundation
@testable import DojoKit

/// The repository's own Scenarios folder, loaded once for all tests.
enum Shipped {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().path
    static let library = ScenarioLibrary.load(directory: root + "/Scenarios")
    static let evaluator = Evaluator(catalog: library.catalog)
}
