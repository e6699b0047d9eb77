import Foundation
import Testing
@testable import DojoKit

/// The JSON Schemas in docs/schema are written by hand for editors; they list the tactic ids. These
/// tests fail when a playbook gains or loses a tactic and the schemas are not updated with it.
@Suite("JSON Schemas agree with the playbooks")
struct SchemaSyncTests {
    /// Every `enum` under a `$defs` entry named `name`, in every schema file.
    static func enums(named name: String) throws -> [(file: String, values: Set<String>)] {
        var found: [(String, Set<String>)] = []
        for file in ["scenario.schema.json", "playbook.schema.json", "drill.schema.json"] {
            let path = Shipped.root + "/docs/schema/" + file
            let value = try JSONValue.parse(Array(try Data(contentsOf: URL(fileURLWithPath: path))))
            guard case let .array(items)? = value["$defs"]?[name]?["enum"] else { continue }
            found.append((file, Set(items.compactMap(\.stringValue))))
        }
        return found
    }

    @Test("the schemas' tactic ids are exactly the catalogue's")
    func tacticIDs() throws {
        let catalog = Set(Shipped.library.catalog.allTactics.map(\.id))
        let schemas = try Self.enums(named: "tacticId")
        try #require(!schemas.isEmpty, "no $defs/tacticId enum found in docs/schema")
        for (file, values) in schemas {
            #expect(values == catalog, "\(file): missing \(catalog.subtracting(values).sorted()), extra \(values.subtracting(catalog).sorted())")
        }
    }
}
