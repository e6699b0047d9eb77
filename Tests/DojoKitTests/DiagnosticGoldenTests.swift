import Foundation
import Testing
@testable import DojoKit

/// One provoked problem: the code, where it is, and words the message must contain.
struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var code: DiagnosticCode
    var line: Int
    var column: Int
    var message: String
    var help: String? = nil

    var testDescription: String { "\(code.rawValue) \(name)" }
}

/// Replaces the first occurrence of `old` in the fixture scenario (which must contain it).
func mutate(_ old: String, _ new: String) -> String {
    precondition(Fixtures.scenario.contains(old), "fixture lacks \(old)")
    guard let range = Fixtures.scenario.range(of: old) else { return Fixtures.scenario }
    return Fixtures.scenario.replacingCharacters(in: range, with: new)
}

let diagnosticCases: [DiagnosticCase] = [
    DiagnosticCase(name: "empty file", yaml: "# only a comment\n", code: .emptyFile, line: 1, column: 1, message: "empty"),
    DiagnosticCase(name: "yaml syntax", yaml: mutate("title: 一周定标", "title: [一周定标"), code: .yamlSyntax,
                   line: 3, column: 9, message: "YAML syntax error"),
    DiagnosticCase(name: "duplicate key points at the second", yaml: mutate("difficulty: 2\n", "difficulty: 2\ndifficulty: 3\n"),
                   code: .duplicateKey, line: 6, column: 1, message: "duplicate key `difficulty`", help: "line 5"),
    DiagnosticCase(name: "unknown key with suggestion", yaml: mutate("    expect: [volume-offer]", "    expects: [volume-offer]"),
                   code: .unknownKey, line: 30, column: 5, message: "unknown key `expects` in turn `close`",
                   help: "did you mean `expect`?"),
    DiagnosticCase(name: "missing field", yaml: mutate("title: 一周定标\n", ""), code: .missingField, line: 1, column: 1,
                   message: "missing the required field `title`"),
    DiagnosticCase(name: "wrong type", yaml: mutate("expect: [price-angle]", "expect: price-angle"), code: .wrongType,
                   line: 20, column: 13, message: "must be a list"),
    DiagnosticCase(name: "difficulty out of range", yaml: mutate("difficulty: 2", "difficulty: 9"), code: .invalidValue,
                   line: 5, column: 13, message: "between 1 and 5"),
    DiagnosticCase(name: "unknown language", yaml: mutate("language: zh-Hans", "language: zh-hans"), code: .invalidValue,
                   line: 3, column: 11, message: "unknown language `zh-hans`", help: "did you mean `zh-Hans`?"),
    DiagnosticCase(name: "unknown value type", yaml: mutate("type: intrinsic", "type: intrinsik"), code: .unknownValueType,
                   line: 4, column: 7, message: "unknown value type `intrinsik`", help: "did you mean `intrinsic`?"),
    DiagnosticCase(name: "unknown tactic", yaml: mutate("expect: [price-angle]", "expect: [price-angel]"), code: .unknownTactic,
                   line: 20, column: 14, message: "unknown tactic `price-angel`", help: "did you mean `price-angle`?"),
    DiagnosticCase(name: "undefined goto", yaml: mutate("        goto: won", "        goto: wonn"), code: .undefinedTarget,
                   line: 33, column: 15, message: "`goto: wonn` names no turn or ending", help: "did you mean `won`?"),
    DiagnosticCase(name: "meter ending that is no ending", yaml: mutate("on_min: left", "on_min: opening"),
                   code: .undefinedTarget, line: 16, column: 13, message: "not an ending"),
    DiagnosticCase(name: "undefined meter in condition", yaml: mutate("when: patience >= 3", "when: patiense >= 3"),
                   code: .undefinedMeter, line: 32, column: 15, message: "`patiense` is not a meter", help: "did you mean `patience`?"),
    DiagnosticCase(name: "undefined meter in effect", yaml: mutate("effects: {patience: 1}", "effects: {trust: 1}"),
                   code: .undefinedMeter, line: 24, column: 19, message: "effect on `trust`"),
    DiagnosticCase(name: "bad expression column inside the condition", yaml: mutate("when: score >= 70 and", "when: score => 70 and"),
                   code: .badExpression, line: 23, column: 21, message: "`=` is not an operator", help: "`==`"),
    DiagnosticCase(name: "bad expression in quoted scalar", yaml: mutate("when: patience >= 3", "when: \"patience >= \""),
                   code: .badExpression, line: 32, column: 28, message: "ends where a value was expected"),
    DiagnosticCase(name: "number is not a condition", yaml: mutate("when: patience >= 3", "when: patience"),
                   code: .badExpression, line: 32, column: 15, message: "is a number, not a condition"),
    DiagnosticCase(name: "unknown tactic inside used()", yaml: mutate("used(price-angle)", "used(price-angl)"),
                   code: .unknownTactic, line: 23, column: 36, message: "unknown tactic `price-angl`"),
    DiagnosticCase(name: "no start turn", yaml: mutate("meters:", "start: opener\nmeters:"), code: .noStartTurn,
                   line: 11, column: 8, message: "start turn `opener` is not defined", help: "did you mean `opening`?"),
    DiagnosticCase(name: "duplicate turn id", yaml: mutate("  - id: close\n", "  - id: opening\n"), code: .duplicateID,
                   line: 28, column: 5, message: "id `opening` is used twice"),
    DiagnosticCase(name: "bad cue slot is checked in playbooks too", yaml: Fixtures.playbook.replacingOccurrences(
        of: "\"节约{money}\"", with: "\"节约{cash}\""), code: .badCue, line: 9, column: 17, message: "unknown slot `{cash}`"),
    DiagnosticCase(name: "neither scenario nor playbook", yaml: "foo: 1\n", code: .unknownDocumentKind, line: 1, column: 1,
                   message: "neither a scenario nor a playbook"),
    DiagnosticCase(name: "unreachable turn", yaml: mutate("        goto: close\n      - effects", "        goto: won\n      - effects").replacingOccurrences(
        of: "      - effects: {patience: -1}\n        goto: close", with: "      - effects: {patience: -1}\n        goto: lost"),
                   code: .unreachableTurn, line: 28, column: 5, message: "turn `close` is never reached"),
    DiagnosticCase(name: "no fallback branch", yaml: mutate("      - goto: lost\n", "      - when: patience < 3\n        goto: lost\n"),
                   code: .noFallbackBranch, line: 35, column: 15, message: "last branch of turn `close` has a condition"),
    DiagnosticCase(name: "off-type expectation", yaml: mutate("expect: [volume-offer]", "expect: [volume-offer, team-value]"),
                   code: .offTypeExpectation, line: 30, column: 28, message: "expects `team-value`"),
    DiagnosticCase(name: "expect and avoid", yaml: mutate("avoid: [hard-sell]", "avoid: [hard-sell, price-angle]"),
                   code: .expectAndAvoid, line: 21, column: 12, message: "both expects and avoids `price-angle`"),
    DiagnosticCase(name: "no winning ending", yaml: mutate("    kind: won", "    kind: lost"), code: .noWinningEnding,
                   line: 1, column: 1, message: "no `won` ending"),
]

@Suite("Diagnostics: golden file, line, column, code and message")
struct DiagnosticGoldenTests {
    @Test(arguments: diagnosticCases)
    func diagnostic(_ c: DiagnosticCase) throws {
        let (library, folder) = try Fixtures.load(c.yaml)
        defer { folder.remove() }
        let found = library.diagnostics.filter { $0.code == c.code }
        let match = try #require(found.first, "expected \(c.code.rawValue); got \(library.diagnostics.map { "\($0.code.rawValue) \($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" })")
        #expect(match.location?.file == folder.path + "/s.yaml")
        #expect(match.location?.line == c.line, "\(match.message)")
        #expect(match.location?.column == c.column, "\(match.message)")
        #expect(match.message.contains(c.message), "message was: \(match.message)")
        if let help = c.help { #expect(match.help?.contains(help) == true, "help was: \(match.help ?? "nil")") }
        #expect(match.severity == c.code.defaultSeverity)
    }

    @Test("the fixture itself is clean")
    func fixtureIsClean() throws {
        let (library, folder) = try Fixtures.load(Fixtures.scenario)
        defer { folder.remove() }
        #expect(library.diagnostics.isEmpty, "\(library.diagnostics)")
        #expect(library.scenarios.map(\.id) == ["quote-a"])
    }

    @Test("not UTF-8: the position of the first bad byte")
    func notUTF8() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("playbooks/intrinsic.yaml", Fixtures.playbook)
        try folder.write("s.yaml", bytes: Array("id: a\ntitle: ab".utf8) + [0xC3, 0x28] + Array("\n".utf8))
        let library = ScenarioLibrary.load(directory: folder.path)
        let d = try #require(library.diagnostics.first { $0.code == .notUTF8 })
        #expect(d.location?.line == 2)
        #expect(d.location?.column == 10)
        #expect(d.message.contains("0xC3"))
    }

    @Test("files over 1 MiB are refused without being parsed")
    func tooLarge() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("playbooks/intrinsic.yaml", Fixtures.playbook)
        try folder.write("s.yaml", String(repeating: "# padding line\n", count: 80_000))
        let library = ScenarioLibrary.load(directory: folder.path)
        #expect(library.diagnostics.map(\.code) == [.fileTooLarge])
    }

    @Test("duplicate scenario ids across files: reported at the second file's id")
    func duplicateScenarioID() throws {
        let (_, folder) = try Fixtures.load(Fixtures.scenario)
        defer { folder.remove() }
        try folder.write("t.yaml", Fixtures.scenario)
        let library = ScenarioLibrary.load(directory: folder.path)
        let d = try #require(library.diagnostics.first { $0.code == .duplicateScenarioID })
        #expect(d.location == SourceLocation(file: folder.path + "/t.yaml", line: 1, column: 5))
        #expect(d.message.contains("s.yaml"))
        #expect(library.scenarios.count == 1)
    }

    @Test("no playbooks: one diagnostic, not one per tactic")
    func noPlaybooks() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("s.yaml", Fixtures.scenario)
        let library = ScenarioLibrary.load(directory: folder.path)
        #expect(library.diagnostics.map(\.code) == [.noPlaybooks])
    }

    @Test("every code is documented in docs/diagnostics.md with an example")
    func documented() throws {
        let docs = try String(contentsOfFile: Self.repositoryRoot + "/docs/diagnostics.md", encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(docs.contains("## \(code.rawValue) \(code.name)"), "\(code.rawValue) is not documented")
        }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path
}
