/// Runs every lint rule over a loaded library, adds what the loader found (`dojo validate`'s
/// checks), and applies the project's lint file: severities per code, exceptions with reasons.
public struct Linter: Sendable {
    /// What a lint run found.
    public struct Result: Sendable, Hashable {
        /// A finding left out by an exception, with the exception's reason.
        public struct Excused: Sendable, Hashable {
            /// The finding.
            public var diagnostic: Diagnostic
            /// The exception that covers it.
            public var exception: LintConfiguration.Exception
        }
        /// Diagnostics to report, at their configured severity, sorted by position.
        public var diagnostics: [Diagnostic]
        /// Findings excused by an exception, sorted by position.
        public var excused: [Excused]
        /// Findings of codes set to `off`.
        public var silenced: Int

        /// Errors among the diagnostics.
        public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
        /// Warnings among the diagnostics.
        public var warnings: Int { diagnostics.filter { $0.severity == .warning }.count }
        /// Notes among the diagnostics.
        public var notes: Int { diagnostics.filter { $0.severity == .note }.count }
    }

    /// Every rule, in code order.
    public static let defaultRules: [any LintRule] = [
        DeadEndRule(), ConditionNeverHoldsRule(), ShadowedBranchRule(), ScoreBandGapRule(), UnusedMeterRule(),
        UnreachedMeterBoundRule(), WeakModelAnswerRule(), ExampleMissesTacticRule(),
        ExampleCaughtByOtherRule(), EndingWithoutDebriefRule(), RouteIgnoresTacticsRule(), MissingTranslationRule(),
        StaleTranslationRule(),
    ]

    /// The rules run.
    public var rules: [any LintRule]
    /// The project's settings.
    public var configuration: LintConfiguration

    /// Creates a linter.
    public init(rules: [any LintRule] = Linter.defaultRules, configuration: LintConfiguration = LintConfiguration()) {
        self.rules = rules
        self.configuration = configuration
    }

    /// Lints the library. `extra` are diagnostics found outside it (the lint file, the trained model).
    public func run(_ context: LintContext, extra: [Diagnostic] = []) -> Result {
        let scenarioFiles = Dictionary(context.library.scenarios.map { ($0.location.file, $0.id) }, uniquingKeysWith: { a, _ in a })
        var findings = (context.library.diagnostics + extra).map { diagnostic in
            LintFinding(diagnostic, subject: diagnostic.location.flatMap { scenarioFiles[$0.file] })
        }
        let ruleFindings = ScenarioLibrary.parallelMap(rules.indices.map(String.init)) { index in
            Int(index).map { rules[$0].check(context) } ?? []
        }
        findings += ruleFindings.flatMap { $0 }
        var diagnostics: [Diagnostic] = []
        var excused: [Result.Excused] = []
        var silenced = 0
        var usedExceptions: Set<LintConfiguration.Exception> = []
        for finding in findings {
            if let exception = configuration.exception(for: finding) {
                usedExceptions.insert(exception)
                excused.append(Result.Excused(diagnostic: finding.diagnostic, exception: exception))
                continue
            }
            var diagnostic = finding.diagnostic
            switch configuration.setting(for: diagnostic.code) {
            case .off: silenced += 1; continue
            case .error: diagnostic.severity = .error
            case .warning: diagnostic.severity = diagnostic.code.defaultSeverity == .error ? .error : .warning
            case .note: diagnostic.severity = diagnostic.code.defaultSeverity == .error ? .error : .note
            }
            diagnostics.append(diagnostic)
        }
        // Only exceptions about what was linted: linting one file must not call the rest stale.
        let subjects = Set(context.library.scenarios.map(\.id)).union(context.library.catalog.ids)
        for exception in configuration.exceptions where !usedExceptions.contains(exception) && subjects.contains(exception.subject) {
            diagnostics.append(Diagnostic(.unusedLintException,
                ["code": exception.code.rawValue, "name": exception.code.name, "subject": exception.subject],
                at: exception.location, help: "remove it: the finding it was written for is gone"))
        }
        excused.sort { ($0.diagnostic.location ?? .init(file: "", line: 0, column: 0)) < ($1.diagnostic.location ?? .init(file: "", line: 0, column: 0)) }
        return Result(diagnostics: Diagnostic.sorted(diagnostics), excused: excused, silenced: silenced)
    }
}
