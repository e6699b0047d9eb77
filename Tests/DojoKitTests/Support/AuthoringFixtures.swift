import Foundation
@testable import DojoKit

/// The authoring fixtures under Tests/DojoKitTests/Fixtures (lint/, explore/), loaded with the shipped playbooks.
enum AuthoringFixtures {
    static let root = Shipped.root + "/Tests/DojoKitTests/Fixtures"
    static let playbooks = Shipped.root + "/Scenarios/playbooks"

    /// Loads files or folders with the shipped playbooks.
    static func library(_ relative: String...) -> ScenarioLibrary {
        ScenarioLibrary.load(paths: relative.map { root + "/" + $0 }, playbookDirectory: playbooks)
    }

    /// The hand-computed exploration fixture.
    static var handComputed: Scenario? { library("explore/hand-computed.yaml").scenario("hand-computed") }

    /// An evaluator over the library's catalogue with the shipped trained model, as `play` builds it.
    static func evaluator(for library: ScenarioLibrary) -> Evaluator {
        Evaluator(catalog: library.catalog, model: Shipped.model)
    }
}
