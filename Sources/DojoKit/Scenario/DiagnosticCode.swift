/// Stable codes for every check the loader and the linter make. Documented in `docs/diagnostics.md`;
/// never renumber a code once released.
public enum DiagnosticCode: String, Sendable, Hashable, CaseIterable, Codable {
    /// The file is not valid UTF-8.
    case notUTF8 = "DJ0001"
    /// The file is empty or holds only comments.
    case emptyFile = "DJ0002"
    /// The file is larger than the size cap.
    case fileTooLarge = "DJ0003"
    /// The YAML does not parse.
    case yamlSyntax = "DJ0004"
    /// A mapping has the same key twice.
    case duplicateKey = "DJ0005"
    /// The document expands to too many nodes (for example an alias bomb).
    case tooManyNodes = "DJ0006"
    /// A key that the format does not define.
    case unknownKey = "DJ0007"
    /// A required field is missing.
    case missingField = "DJ0008"
    /// A value has the wrong YAML type (text where a list belongs, and so on).
    case wrongType = "DJ0009"
    /// A value has the right type but is not allowed (out of range, bad id, unknown language or kind).
    case invalidValue = "DJ0010"
    /// The value type is not intrinsic, extrinsic or strategic.
    case unknownValueType = "DJ0011"
    /// A tactic id that no playbook defines.
    case unknownTactic = "DJ0012"
    /// A `goto` or meter ending that names no turn or ending.
    case undefinedTarget = "DJ0013"
    /// Two scenarios share an id.
    case duplicateScenarioID = "DJ0014"
    /// A condition or effect names a meter the scenario does not define.
    case undefinedMeter = "DJ0015"
    /// A `when` condition does not parse or does not type-check.
    case badExpression = "DJ0016"
    /// The scenario has no turn to start from.
    case noStartTurn = "DJ0017"
    /// Two turns, endings, meters or tactics share an id.
    case duplicateID = "DJ0018"
    /// The file cannot be read.
    case unreadableFile = "DJ0019"
    /// A cue phrase uses an unknown slot or is malformed.
    case badCue = "DJ0020"
    /// The YAML file is neither a scenario nor a playbook.
    case unknownDocumentKind = "DJ0021"
    /// A track step names a scenario or drill that is not loaded.
    case unknownTrackStep = "DJ0040"
    /// A track step's pass mark can never be reached.
    case unreachablePassMark = "DJ0041"
    /// No playbook was found, so tactic ids cannot be checked.
    case noPlaybooks = "DJ0022"
    /// A path ending in `.yaml` that is a FIFO, socket or device: skipped without opening it.
    case notRegularFile = "DJ0023"
    /// A `when` condition nested too deeply or with too many terms.
    case conditionTooComplex = "DJ0024"
    /// A number outside the documented range for its field (meters, effects).
    case numberOutOfRange = "DJ0025"
    /// Scenario text holds a control character (an escape sequence, say), however it was written.
    case controlCharacter = "DJ0026"
    /// The scenario folder is too big to walk (too deep or too many entries); the rest is skipped.
    case folderTooLarge = "DJ0027"
    /// A turn that no path from the start reaches.
    case unreachableTurn = "DJ0101"
    /// A turn whose last branch has a condition, so the dialogue can get stuck.
    case noFallbackBranch = "DJ0102"
    /// A turn expects a tactic of another value type than the scenario's buyer.
    case offTypeExpectation = "DJ0103"
    /// A tactic is both expected and to be avoided in one turn.
    case expectAndAvoid = "DJ0104"
    /// No ending of kind `won` is defined, or none is reachable.
    case noWinningEnding = "DJ0105"
    /// A reaction states a figure (money, percent, duration) that neither the turn's buyer lines nor
    /// the persona established: the buyer would quote something the rep never said.
    case unestablishedFigure = "DJ0106"
    /// Every line of a reaction needs a placeholder, so a reply without that figure gets no reaction.
    case reactionWithoutFallback = "DJ0107"
    /// Every reply-class a state admits leads nowhere: no branch applies, or no ending can follow.
    case deadEnd = "DJ0110"
    /// A branch condition that no reply and no meter value can make true.
    case conditionNeverHolds = "DJ0111"
    /// A branch never taken: whenever its condition holds, an earlier branch's holds too.
    case shadowedBranch = "DJ0112"
    /// Score conditions of one turn leave a band of scores between them that none of them covers.
    case scoreBandGap = "DJ0113"
    /// A meter no effect moves, or that nothing reads and that ends nothing.
    case unusedMeter = "DJ0114"
    /// A meter bound with an ending attached that no path reaches.
    case unreachedMeterBound = "DJ0115"
    /// A turn without a `model_answer`.
    case missingModelAnswer = "DJ0116"
    /// A model answer that scores below the pass mark or misses the turn's best branch.
    case weakModelAnswer = "DJ0117"
    /// A playbook example the evaluator does not credit with its own tactic (or a no-match example it does).
    case exampleMissesTactic = "DJ0118"
    /// A playbook example the evaluator also credits with a tactic of another value type or an anti-pattern.
    case exampleCaughtByOther = "DJ0119"
    /// An ending whose debrief is blank.
    case endingWithoutDebrief = "DJ0120"
    /// No tactic changes the route: every rep meets the same turns in the same order (warning detours aside).
    case routeIgnoresTactics = "DJ0121"
    /// A scenario has no translation into the other language.
    case missingTranslation = "DJ0122"
    /// A translation whose structure (turns, branches, endings, meters) no longer matches its source.
    case staleTranslation = "DJ0123"
    /// The lint file (`.dojo-lint.yaml`) has an entry that cannot be used.
    case badLintConfiguration = "DJ0124"
    /// A lint exception that no diagnostic needed.
    case unusedLintException = "DJ0125"
    /// A line of a labelled reply set (corpus, development or held-out set, flags export) is malformed.
    case invalidLabel = "DJ0301"
    /// The trained model is older than the corpus or playbooks it was trained on.
    case staleModel = "DJ0302"
    /// The trained model file cannot be read (damaged, or of another format version).
    case unreadableModel = "DJ0303"

    /// Whether the check is an error or a warning unless configured otherwise.
    public var defaultSeverity: Diagnostic.Severity {
        if self == .badLintConfiguration { return .error }
        if self == .missingTranslation { return .note }
        return rawValue.hasPrefix("DJ01") || self == .staleModel ? .warning : .error
    }

    /// A short kebab-case name for the check, shown in the catalogue.
    public var name: String {
        switch self {
        case .notUTF8: "not-utf8"
        case .emptyFile: "empty-file"
        case .fileTooLarge: "file-too-large"
        case .yamlSyntax: "yaml-syntax"
        case .duplicateKey: "duplicate-key"
        case .tooManyNodes: "too-many-nodes"
        case .unknownKey: "unknown-key"
        case .missingField: "missing-field"
        case .wrongType: "wrong-type"
        case .invalidValue: "invalid-value"
        case .unknownValueType: "unknown-value-type"
        case .unknownTactic: "unknown-tactic"
        case .undefinedTarget: "undefined-target"
        case .duplicateScenarioID: "duplicate-scenario-id"
        case .undefinedMeter: "undefined-meter"
        case .badExpression: "bad-expression"
        case .noStartTurn: "no-start-turn"
        case .duplicateID: "duplicate-id"
        case .unreadableFile: "unreadable-file"
        case .badCue: "bad-cue"
        case .unknownDocumentKind: "unknown-document-kind"
        case .unknownTrackStep: "unknown-track-step"
        case .unreachablePassMark: "unreachable-pass-mark"
        case .noPlaybooks: "no-playbooks"
        case .notRegularFile: "not-regular-file"
        case .conditionTooComplex: "condition-too-complex"
        case .numberOutOfRange: "number-out-of-range"
        case .controlCharacter: "control-character"
        case .folderTooLarge: "folder-too-large"
        case .unreachableTurn: "unreachable-turn"
        case .noFallbackBranch: "no-fallback-branch"
        case .offTypeExpectation: "off-type-expectation"
        case .expectAndAvoid: "expect-and-avoid"
        case .noWinningEnding: "no-winning-ending"
        case .unestablishedFigure: "unestablished-figure"
        case .reactionWithoutFallback: "reaction-without-fallback"
        case .deadEnd: "dead-end"
        case .conditionNeverHolds: "condition-never-holds"
        case .shadowedBranch: "shadowed-branch"
        case .scoreBandGap: "score-band-gap"
        case .unusedMeter: "unused-meter"
        case .unreachedMeterBound: "unreached-meter-bound"
        case .missingModelAnswer: "missing-model-answer"
        case .weakModelAnswer: "weak-model-answer"
        case .exampleMissesTactic: "example-misses-tactic"
        case .exampleCaughtByOther: "example-caught-by-other"
        case .endingWithoutDebrief: "ending-without-debrief"
        case .routeIgnoresTactics: "route-ignores-tactics"
        case .missingTranslation: "missing-translation"
        case .staleTranslation: "stale-translation"
        case .badLintConfiguration: "bad-lint-configuration"
        case .unusedLintException: "unused-lint-exception"
        case .invalidLabel: "invalid-label"
        case .staleModel: "stale-model"
        case .unreadableModel: "unreadable-model"
        }
    }
}
