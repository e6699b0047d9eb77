import Foundation
import Testing
@testable import DojoKit

@Suite("Lint rules: each code fires on its failing fixture and not on its passing one")
struct LintTests {
    /// Codes with a fixture pair under Fixtures/lint/<code>/{fail,pass}.
    static let codes: [DiagnosticCode] = [
        .unreachableTurn, .noFallbackBranch, .offTypeExpectation, .unestablishedFigure, .noModelAnswer, .deadEnd, .conditionNeverHolds,
        .shadowedBranch, .scoreBandGap, .unusedMeter, .unreachedMeterBound, .weakModelAnswer,
        .exampleMissesTactic, .exampleCaughtByOther, .endingWithoutDebrief, .routeIgnoresTactics, .missingTranslation,
        .staleTranslation,
    ]

    /// Lints a fixture folder with only the rule for `code` (loader checks always run).
    static func lint(_ folder: String, for code: DiagnosticCode) -> Linter.Result {
        let library = AuthoringFixtures.library(folder)
        let rules = Linter.defaultRules.filter { $0.code == code }
        let context = LintContext(library: library, evaluator: AuthoringFixtures.evaluator(for: library))
        // DJ0108 is checked beside the loader, as `validate` and `lint` add it.
        return Linter(rules: rules).run(context, extra: ModelAnswerCheck.diagnostics(for: library.scenarios))
    }

    @Test("failing fixture reports the code; passing fixture does not", arguments: codes)
    func fixturePair(code: DiagnosticCode) {
        let failing = Self.lint("lint/\(code.rawValue)/fail", for: code)
        #expect(failing.diagnostics.contains { $0.code == code }, "\(code.rawValue) should fire: \(failing.diagnostics.map(\.message))")
        #expect(!failing.diagnostics.contains { $0.severity == .error }, "\(failing.diagnostics.filter { $0.severity == .error }.map(\.message))")
        let passing = Self.lint("lint/\(code.rawValue)/pass", for: code)
        #expect(!passing.diagnostics.contains { $0.code == code }, "\(code.rawValue) should not fire: \(passing.diagnostics.map(\.message))")
    }

    @Test("every lint code has a fixture pair and a section in docs/diagnostics.md")
    func everyCodeHasFixturesAndDocs() throws {
        let lintCodes = DiagnosticCode.allCases.filter { ("DJ0110"..."DJ0123").contains($0.rawValue) }
        #expect(Set(lintCodes).isSubset(of: Set(Self.codes)))
        #expect(Set(Linter.defaultRules.map(\.code)) == Set(lintCodes))
        let docs = try String(contentsOfFile: Shipped.root + "/docs/diagnostics.md", encoding: .utf8)
        for code in lintCodes + [.badLintConfiguration, .unusedLintException] {
            #expect(docs.contains("## \(code.rawValue) \(code.name)\n"), "\(code.rawValue)")
            for kind in ["fail", "pass"] {
                #expect(FileManager.default.fileExists(atPath: AuthoringFixtures.root + "/lint/\(code.rawValue)/\(kind)")
                        || !Self.codes.contains(code), "\(code.rawValue)/\(kind)")
            }
        }
    }

    @Test("the shipped library lints clean at the default severities with the lint file's exceptions, each with a reason")
    func shippedIsClean() throws {
        var extra: [Diagnostic] = []
        let configuration = LintConfigurationReader.read(path: Shipped.root + "/Scenarios/.dojo-lint.yaml", into: &extra)
        #expect(extra.isEmpty, "\(extra.map(\.message))")
        let context = LintContext(library: Shipped.library, evaluator: Shipped.evaluator)
        let result = Linter(configuration: configuration).run(context)
        #expect(result.errors == 0 && result.warnings == 0, "\(result.diagnostics.map { "\($0.code.rawValue) \($0.message)" })")
        #expect(configuration.exceptions.allSatisfy { $0.reason.count >= 40 })
        // Without the exceptions the findings are there: the lint file hides nothing it does not name.
        let bare = Linter().run(context)
        #expect(bare.warnings == result.excused.count)
    }

    @Test("the lint file: severities by code or name, exceptions need a reason, bad entries are DJ0124 with positions")
    func configuration() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write(".dojo-lint.yaml", """
        severity:
          DJ0121: note
          no-model-answer: off
          DJ0999: error
          DJ0117: loud
          DJ0007: warning
        exceptions:
          - code: DJ0108
            scenario: lint-fixture
            reason: "A scratch scenario."
          - code: DJ0113
            scenario: lint-fixture
          - code: DJ0113
            reason: "No subject."
        """)
        var diagnostics: [Diagnostic] = []
        let configuration = LintConfigurationReader.read(path: file, into: &diagnostics)
        #expect(configuration.setting(for: .routeIgnoresTactics) == .note)
        #expect(configuration.setting(for: .noModelAnswer) == .off)
        #expect(configuration.setting(for: .deadEnd) == .warning)
        #expect(configuration.exceptions.map(\.code) == [.noModelAnswer])
        #expect(diagnostics.allSatisfy { $0.code == .badLintConfiguration && $0.severity == .error })
        #expect(diagnostics.map { $0.location?.line ?? 0 }.sorted() == [4, 5, 6, 11, 13])
    }

    @Test("severity overrides, exceptions and unused exceptions apply to a real run")
    func applying() {
        let library = AuthoringFixtures.library("lint/DJ0108/fail")
        let context = LintContext(library: library, evaluator: AuthoringFixtures.evaluator(for: library))
        let extra = ModelAnswerCheck.diagnostics(for: library.scenarios)
        var configuration = LintConfiguration()
        configuration.severities[.noModelAnswer] = .error
        let raised = Linter(configuration: configuration).run(context, extra: extra)
        #expect(raised.diagnostics.contains { $0.code == .noModelAnswer && $0.severity == .error })
        configuration.severities[.noModelAnswer] = .off
        let off = Linter(configuration: configuration).run(context, extra: extra)
        #expect(!off.diagnostics.contains { $0.code == .noModelAnswer } && off.silenced >= 1)
        let location = SourceLocation(file: ".dojo-lint.yaml", line: 3, column: 5)
        configuration = LintConfiguration()
        configuration.exceptions = [
            .init(code: .noModelAnswer, subject: "lint-fixture", reason: "scratch", location: location),
            .init(code: .deadEnd, subject: "lint-fixture", reason: "scratch", location: location),
            .init(code: .deadEnd, subject: "not-loaded-here", reason: "another library's", location: location),
        ]
        let excused = Linter(configuration: configuration).run(context, extra: extra)
        #expect(excused.excused.map(\.diagnostic.code) == [.noModelAnswer])
        #expect(excused.diagnostics.filter { $0.code == .unusedLintException }.count == 1)
    }

    @Test("CRLF and BOM files give the same lint diagnostics at the same lines and columns")
    func lineEndings() throws {
        let source = try String(contentsOfFile: AuthoringFixtures.root + "/lint/DJ0113/fail/scenario.yaml", encoding: .utf8)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("lf/scenario.yaml", source)
        try folder.write("crlf/scenario.yaml", "\u{FEFF}" + source.replacingOccurrences(of: "\n", with: "\r\n"))
        func positions(_ sub: String) -> [String] {
            let library = ScenarioLibrary.load(paths: [folder.path + "/" + sub], playbookDirectory: AuthoringFixtures.playbooks)
            let context = LintContext(library: library, evaluator: AuthoringFixtures.evaluator(for: library))
            return Linter().run(context).diagnostics.map { "\($0.code.rawValue) \($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.message)" }
        }
        let lf = positions("lf")
        #expect(!lf.isEmpty)
        #expect(lf == positions("crlf"))
    }
}
