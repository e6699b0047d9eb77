import Foundation
import Testing
@testable import DojoKit

@Suite("Hostile YAML")
struct AliasBombTests {
    /// 10 levels of 10 aliases each: 10^10 nodes if expanded.
    static func aliasBomb(levels: Int = 10, width: Int = 10) -> String {
        var lines = ["a0: &a0 [\"lol\"]"]
        for level in 1..<levels {
            let refs = Array(repeating: "*a\(level - 1)", count: width).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        lines.append("id: bomb")
        lines.append("turns: [*a\(levels - 1)]")
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("an alias bomb is refused fast with a clear error")
    func aliasBombIsRejected() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("bomb.yaml", Self.aliasBomb())
        let clock = ContinuousClock()
        var result: Result<DocumentLoader.Document, DiagnosticList>?
        let elapsed = clock.measure { result = DocumentLoader().load(path: file) }
        guard case let .failure(list)? = result else {
            Issue.record("the alias bomb loaded")
            return
        }
        #expect(list.diagnostics.map(\.code) == [.tooManyNodes])
        #expect(list.diagnostics.first?.message.contains("100000") == true)
        #expect(list.diagnostics.first?.help?.contains("alias") == true)
        // Not a performance target: a generous bound that only an actual expansion would break.
        #expect(elapsed < .seconds(5))
    }

    @Test("a small document with aliases under the budget loads")
    func smallAliasesLoad() throws {
        let text = Self.aliasBomb(levels: 3, width: 3)
        guard case .success = DocumentLoader().load(data: Data(text.utf8), path: "small.yaml") else {
            Issue.record("a document of 13 nodes was refused")
            return
        }
    }

    @Test("the node budget counts expansions exactly")
    func budgetBoundary() throws {
        // 1 mapping + 3 pairs... build a flat list of n scalars: 1 sequence + n scalars + mapping + key.
        let items = Array(repeating: "x", count: 97).joined(separator: ", ")
        let text = "k: [\(items)]\n"   // nodes: mapping 1 + key 1 + sequence 1 + 97 = 100
        #expect(throws: Never.self) { try DocumentLoader(maxNodes: 100).load(data: Data(text.utf8), path: "f").get() }
        guard case let .failure(list) = DocumentLoader(maxNodes: 99).load(data: Data(text.utf8), path: "f") else {
            Issue.record("101 nodes passed a budget of 99")
            return
        }
        #expect(list.diagnostics.map(\.code) == [.tooManyNodes])
    }

    @Test("a BOM is accepted, tabs get a specific hint")
    func bomAndTabs() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8)
        #expect(throws: Never.self) { try DocumentLoader().load(data: Data(bom), path: "f").get() }
        guard case let .failure(list) = DocumentLoader().load(data: Data("a:\n\tb: 1\n".utf8), path: "f") else {
            Issue.record("tab indentation parsed")
            return
        }
        #expect(list.diagnostics.first?.code == .yamlSyntax)
        #expect(list.diagnostics.first?.help?.contains("tabs") == true)
    }
}
