import Foundation
import Testing
@testable import DojoKit

/// The shipped library with an author's folder on top (`ScenarioLibrary.load(shipped:overlays:)`).
@Suite("Library layers: shipped files under an author's folder")
struct LibraryLayersTests {
    @Test("the author's playbook replaces the shipped one of its type; the author's scenario the one with its id; the rest adds up")
    func overrides() throws {
        let shipped = try TemporaryFolder()
        let mine = try TemporaryFolder()
        defer { shipped.remove(); mine.remove() }
        try shipped.write("playbooks/intrinsic.yaml", Fixtures.playbook)
        try shipped.write("playbooks/anti.yaml", Fixtures.antiPatterns)
        try shipped.write("zh-Hans/s.yaml", Fixtures.scenario)
        try shipped.write("zh-Hans/other.yaml", Fixtures.scenario.replacingOccurrences(of: "id: quote-a", with: "id: quote-b")
            .replacingOccurrences(of: "expect: [volume-offer]", with: "expect: [price-angle]"))
        // The author's intrinsic playbook defines only one of the two tactics.
        let trimmed = Fixtures.playbook.components(separatedBy: "\n  - id: volume-offer")[0] + "\n"
        try mine.write("playbooks/mine.yaml", trimmed)
        try mine.write("s.yaml", Fixtures.scenario.replacingOccurrences(of: "title: 一周定标", with: "title: 我的版本")
            .replacingOccurrences(of: "expect: [volume-offer]", with: "expect: [price-angle]"))
        let library = ScenarioLibrary.load(shipped: shipped.path, overlays: [mine.path])
        #expect(library.errors.isEmpty, "\(library.errors.map(\.message))")
        #expect(library.overrides.map(\.kind) == ["playbook", "scenario"])
        #expect(library.overrides.map(\.key) == ["intrinsic", "quote-a"])
        #expect(library.catalog.ids.contains("price-angle") && !library.catalog.ids.contains("volume-offer"))
        #expect(library.scenario("quote-a")?.title == "我的版本")
        #expect(library.scenario("quote-b") != nil, "a shipped scenario the author did not replace is still there")
        let authored = library.authored()
        #expect(authored.scenarios.map(\.id) == ["quote-a"])
        #expect(authored.authoredPlaybooks.count == 1)
        #expect(library.overrideNotes.first?.hasPrefix("note: \(mine.path)/playbooks/mine.yaml replaces the shipped playbook `intrinsic`") == true)
    }

    @Test("the author's errors are theirs: a duplicate id within the author's folder is DJ0014 there; shipped diagnostics are not reported")
    func authoredDiagnostics() throws {
        let shipped = try TemporaryFolder()
        let mine = try TemporaryFolder()
        defer { shipped.remove(); mine.remove() }
        try shipped.write("playbooks/intrinsic.yaml", Fixtures.playbook)
        try shipped.write("playbooks/anti.yaml", Fixtures.antiPatterns)
        try shipped.write("broken.yaml", "id: x\nturns: [\n")
        try mine.write("a.yaml", Fixtures.scenario.replacingOccurrences(of: "id: quote-a", with: "id: mine"))
        try mine.write("b.yaml", Fixtures.scenario.replacingOccurrences(of: "id: quote-a", with: "id: mine"))
        let library = ScenarioLibrary.load(shipped: shipped.path, overlays: [mine.path])
        #expect(library.diagnostics.contains { $0.code == .yamlSyntax })
        let authored = library.authored()
        #expect(authored.diagnostics.map(\.code) == [.duplicateScenarioID])
        #expect(authored.diagnostics.first?.location?.file == mine.path + "/b.yaml")
        // Without an author's folder everything is reported.
        #expect(ScenarioLibrary.load(shipped: shipped.path, overlays: []).authored().diagnostics.contains { $0.code == .yamlSyntax })
    }

    @Test("a file given on its own and inside a given folder is read once (no duplicate id)")
    func fileAndFolder() throws {
        let shipped = try TemporaryFolder()
        let mine = try TemporaryFolder()
        defer { shipped.remove(); mine.remove() }
        try shipped.write("playbooks/intrinsic.yaml", Fixtures.playbook)
        try shipped.write("playbooks/anti.yaml", Fixtures.antiPatterns)
        try mine.write("s.yaml", Fixtures.scenario)
        let library = ScenarioLibrary.load(shipped: shipped.path, overlays: [mine.path, mine.path + "/s.yaml", mine.path + "/./s.yaml"])
        #expect(library.diagnostics.isEmpty, "\(library.diagnostics.map(\.message))")
        #expect(library.scenarios.map(\.id) == ["quote-a"])
    }
}
