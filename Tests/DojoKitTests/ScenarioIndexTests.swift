import Foundation
import Testing
@testable import DojoKit

/// `dojo list` through the scenario index: the same scenarios and error count as a full load, and
/// only the scenario files that changed are parsed again.
@Suite("scenario index")
struct ScenarioIndexTests {
    /// A copy of the shipped YAML folders plus a broken file, a duplicate id and a renamed copy.
    static func folder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        try FileManager.default.removeItem(atPath: folder.path + "/playbooks")
        for sub in ["playbooks", "drills", "en", "zh-Hans", "tests", "tracks"] {
            try FileManager.default.copyItem(atPath: Shipped.root + "/Scenarios/" + sub, toPath: folder.path + "/" + sub)
        }
        let original = try String(contentsOfFile: folder.path + "/zh-Hans/customer-a-lowest-quote.yaml", encoding: .utf8)
        try folder.write("extra/broken.yaml", "id: broken\ntitle: [never closed\n")
        try folder.write("extra/duplicate.yaml", original)
        try folder.write("extra/copy.yaml", original.replacingOccurrences(of: "id: customer-a-lowest-quote\n", with: "id: copy-of-a\n"))
        try folder.write("extra/unknown-tactic.yaml",
                         original.replacingOccurrences(of: "id: customer-a-lowest-quote\n", with: "id: bad-tactic\n")
                             .replacingOccurrences(of: "price-angle", with: "no-such-tactic"))
        return folder
    }

    static func expectSameAsFullLoad(_ listing: ScenarioListing, _ directory: String) {
        let library = ScenarioLibrary.load(directory: directory)
        #expect(listing.scenarios == library.scenarios.map(ScenarioSummary.init))
        #expect(listing.errorCount == library.errors.count)
    }

    @Test("without an index, the listing of the shipped folder is the full load's")
    func shipped() {
        let listing = ScenarioLibrary.listing(directory: Shipped.root + "/Scenarios", index: nil)
        #expect(!listing.scenarios.isEmpty)
        Self.expectSameAsFullLoad(listing, Shipped.root + "/Scenarios")
    }

    @Test("a second listing parses nothing; an edited file, a new playbook tactic, a deleted file and another binary are noticed")
    func incremental() throws {
        let folder = try Self.folder()
        defer { folder.remove() }
        let index = ScenarioLibrary.IndexLocation(path: folder.path + "-index/i.json", salt: "build-1")
        defer { try? FileManager.default.removeItem(atPath: folder.path + "-index") }
        let first = ScenarioLibrary.listing(directory: folder.path, index: index)
        #expect(first.errorCount >= 3)  // broken, duplicate id, unknown tactic
        #expect(first.scenarios.contains { $0.id == "copy-of-a" } && !first.scenarios.contains { $0.id == "bad-tactic" })
        #expect(first.parsedScenarioFiles > 20)
        Self.expectSameAsFullLoad(first, folder.path)
        #expect(FileManager.default.fileExists(atPath: index.path))

        let second = ScenarioLibrary.listing(directory: folder.path, index: index)
        #expect(second.parsedScenarioFiles == 0)
        #expect(second.scenarios == first.scenarios && second.errorCount == first.errorCount)

        // One file edited: its new title shows and only it is parsed.
        let copy = folder.path + "/extra/copy.yaml"
        let text = try String(contentsOfFile: copy, encoding: .utf8)
        let retitled = try #require(text.range(of: "\ntitle: ")).upperBound
        try Data((text[..<retitled] + "Retitled " + text[retitled...]).utf8).write(to: URL(fileURLWithPath: copy))
        let third = ScenarioLibrary.listing(directory: folder.path, index: index)
        #expect(third.parsedScenarioFiles == 1)
        #expect(third.scenarios.first { $0.id == "copy-of-a" }?.title.hasPrefix("Retitled ") == true)
        Self.expectSameAsFullLoad(third, folder.path)

        // The duplicate removed: one error fewer, nothing parsed.
        try FileManager.default.removeItem(atPath: folder.path + "/extra/duplicate.yaml")
        let fourth = ScenarioLibrary.listing(directory: folder.path, index: index)
        #expect(fourth.parsedScenarioFiles == 0 && fourth.errorCount == third.errorCount - 1)
        Self.expectSameAsFullLoad(fourth, folder.path)

        // The playbooks now define `no-such-tactic`: every scenario is checked again and bad-tactic loads.
        let playbook = folder.path + "/playbooks/intrinsic.yaml"
        let playbookText = try String(contentsOfFile: playbook, encoding: .utf8)
        let tactics = try #require(playbookText.range(of: "tactics:\n"))
        let added = "  - id: no-such-tactic\n" + Self.tacticBody(in: playbookText)
        try Data((playbookText[..<tactics.upperBound] + added + playbookText[tactics.upperBound...]).utf8)
            .write(to: URL(fileURLWithPath: playbook))
        let fifth = ScenarioLibrary.listing(directory: folder.path, index: index)
        #expect(fifth.parsedScenarioFiles == first.parsedScenarioFiles - 1)
        #expect(fifth.scenarios.contains { $0.id == "bad-tactic" })
        Self.expectSameAsFullLoad(fifth, folder.path)

        // Another build of dojo (another salt) does not trust the index.
        let rebuilt = ScenarioLibrary.listing(directory: folder.path, index: .init(path: index.path, salt: "build-2"))
        #expect(rebuilt.parsedScenarioFiles == fifth.parsedScenarioFiles)
        // A damaged index is rebuilt, never trusted.
        try Data("{\"version\":1,".utf8).write(to: URL(fileURLWithPath: index.path))
        let repaired = ScenarioLibrary.listing(directory: folder.path, index: .init(path: index.path, salt: "build-2"))
        #expect(repaired.parsedScenarioFiles == fifth.parsedScenarioFiles && repaired.scenarios == fifth.scenarios)
    }

    @Test("the index file reads back exactly, whatever the paths and titles hold; another salt or a cut file is not trusted")
    func roundTrip() throws {
        let scenario = try #require(Shipped.library.scenarios.first)
        var odd = ScenarioSummary(scenario)
        odd.title = "tab\there, line\nbreak, back\\slash \\t, unit\u{1F}sep, 中文"
        odd.file = "/tmp/we\tird\\path\n.yaml"
        odd.turnIDs = ["a", "", "b\u{1F}c", "d\\"]
        odd.endingIDs = []
        let index = ScenarioIndex(version: ScenarioIndex.formatVersion, salt: "s\t1", catalog: 42,
                                  files: [odd.file, "/b.yaml"],
                                  entries: [.init(stamp: try #require(FileStamp(path: Shipped.root + "/Package.swift")), summary: odd, errors: 0),
                                            .init(stamp: try #require(FileStamp(path: Shipped.root + "/README.md")), summary: nil, errors: 3)])
        let text = index.encoded()
        #expect(text.split(separator: "\n").count == 3)
        let back = try #require(ScenarioIndex.decode(text, salt: "s\t1"))
        #expect(back.files == index.files && back.entries == index.entries && back.catalog == 42)
        #expect(ScenarioIndex.decode(text, salt: "s\t2") == nil)
        #expect(ScenarioIndex.decode(String(text.dropLast(20)), salt: "s\t1") == nil)
    }

    /// The body (everything after `- id: …`) of the first tactic of a playbook, to define another like it.
    static func tacticBody(in playbook: String) -> String {
        let lines = playbook.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix("  - id: ") }) else { return "" }
        var body: [String] = []
        for line in lines[(start + 1)...] {
            if line.hasPrefix("  - ") || (!line.hasPrefix(" ") && !line.isEmpty) { break }
            body.append(line)
        }
        return body.joined(separator: "\n") + "\n"
    }
}
