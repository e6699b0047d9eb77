// Diagnostics of one area: each code is declared once here, with its descriptor (severity, message
// templates, explanation, fix). Adding a code: one `DiagnosticCode` constant and one descriptor below.

extension DiagnosticCode {
    /// The file is not valid UTF-8.
    public static let notUTF8 = DiagnosticCode("DJ0001")
    /// The file is empty or holds only comments.
    public static let emptyFile = DiagnosticCode("DJ0002")
    /// The file is larger than the size cap.
    public static let fileTooLarge = DiagnosticCode("DJ0003")
    /// The YAML does not parse.
    public static let yamlSyntax = DiagnosticCode("DJ0004")
    /// A mapping has the same key twice.
    public static let duplicateKey = DiagnosticCode("DJ0005")
    /// The document expands to too many nodes (for example an alias bomb).
    public static let tooManyNodes = DiagnosticCode("DJ0006")
    /// A key that the format does not define.
    public static let unknownKey = DiagnosticCode("DJ0007")
    /// A required field is missing.
    public static let missingField = DiagnosticCode("DJ0008")
    /// A value has the wrong YAML type (text where a list belongs, and so on).
    public static let wrongType = DiagnosticCode("DJ0009")
    /// A value has the right type but is not allowed (out of range, bad id, unknown language or kind).
    public static let invalidValue = DiagnosticCode("DJ0010")
    /// The value type is not intrinsic, extrinsic or strategic.
    public static let unknownValueType = DiagnosticCode("DJ0011")
    /// The file cannot be read.
    public static let unreadableFile = DiagnosticCode("DJ0019")
    /// The YAML file is neither a scenario nor a playbook.
    public static let unknownDocumentKind = DiagnosticCode("DJ0021")
    /// A path ending in `.yaml` that is a FIFO, socket or device: skipped without opening it.
    public static let notRegularFile = DiagnosticCode("DJ0023")
    /// Scenario text holds a control character (an escape sequence, say), however it was written.
    public static let controlCharacter = DiagnosticCode("DJ0026")
    /// The scenario folder is too big to walk (too deep or too many entries); the rest is skipped.
    public static let folderTooLarge = DiagnosticCode("DJ0027")
}

/// The descriptors of the loader area, in code order.
enum LoaderDiagnostics {
    static let descriptors: [DiagnosticDescriptor] = [
        DiagnosticDescriptor(
            .notUTF8, name: "not-utf8", severity: .error,
            summary: "The file is not valid UTF-8.",
            messages: [
                "": "the file is not valid UTF-8 (byte 0x{byte} at byte offset {offset})",
                "yaml-reader": "the file cannot be read as YAML text: {problem}",
            ],
            explanation: "The file is not valid UTF-8 (often GBK/Big5 from an old editor). The position is the first invalid byte.",
            fix: "Re-save as UTF-8, e.g. `iconv -f GBK -t UTF-8 in.yaml > out.yaml`."
        ),
        DiagnosticDescriptor(
            .emptyFile, name: "empty-file", severity: .error,
            summary: "The file is empty or holds only comments.",
            message: "the file is empty",
            explanation: "The file is empty or holds only comments. Example: a new file saved before anything was written.",
            fix: "Fill it in (see `docs/scenario-format.md`) or delete it."
        ),
        DiagnosticDescriptor(
            .fileTooLarge, name: "file-too-large", severity: .error,
            summary: "The file is larger than the size cap.",
            messages: [
                "": "file is larger than the limit of {limit} bytes (1 MiB)",
                "labelled-set": "the file is {size} bytes, over the {limit}-byte limit",
            ],
            explanation: """
                The file is over its size cap: 1 MiB for scenario, playbook, drill, track and test files, more for a labelled
                reply file (see labelling.md). It is refused before being parsed, so a stray large file cannot slow a run
                down.
                """,
            fix: "Split the file; no real scenario comes close."
        ),
        DiagnosticDescriptor(
            .yamlSyntax, name: "yaml-syntax", severity: .error,
            summary: "The YAML does not parse.",
            messages: [
                "": "YAML syntax error: {problem}",
                "other": "YAML error: {problem}",
                "too-deep": "the YAML is nested too deeply (lists or mappings inside each other more than 1,000 levels)",
            ],
            explanation: """
                The YAML does not parse, e.g. `title: [一周定标` (an unclosed `[`) or indentation with a tab. The help line says
                what the parser was doing and where that construct started.
                """,
            fix: "Close the bracket or quote the help line points at, and indent with spaces, never tabs."
        ),
        DiagnosticDescriptor(
            .duplicateKey, name: "duplicate-key", severity: .error,
            summary: "A mapping has the same key twice.",
            message: "duplicate key `{key}`",
            explanation: """
                A mapping has the same key twice, e.g. two `difficulty:` lines. The position is the second occurrence; the
                help line names the first. YAML tools disagree about which one wins, so SalesDojo refuses both.
                """,
            fix: "Keep one of the two lines."
        ),
        DiagnosticDescriptor(
            .tooManyNodes, name: "too-many-nodes", severity: .error,
            summary: "The document expands to too many nodes (for example an alias bomb).",
            message: "the document expands to more than {limit} values (anchors and aliases multiply nodes)",
            explanation: """
                The document expands to more than 100,000 values. Anchors and aliases (`&a`, `*a`) can multiply a small file
                into billions of nodes (an "alias bomb"); the loader counts the expansion and stops at the budget.
                """,
            fix: "Write the content out instead of nesting aliases."
        ),
        DiagnosticDescriptor(
            .unknownKey, name: "unknown-key", severity: .error,
            summary: "A key that the format does not define.",
            message: "unknown key `{key}` in {context}",
            explanation: """
                A key the format does not define, e.g. `expects:` instead of `expect:`. The help line suggests the closest key
                or lists the allowed ones. Unknown keys are errors, not warnings, because a misspelt optional key would
                otherwise be silently ignored.
                """,
            fix: "Correct the spelling (see the help line) or remove the key; `dojo schema` prints every allowed key."
        ),
        DiagnosticDescriptor(
            .missingField, name: "missing-field", severity: .error,
            summary: "A required field is missing.",
            messages: [
                "": "{context} is missing the required field `{field}`",
                "buyer": "{turn} is missing the required field `buyer` (or `variants`)",
                "track-step-id": "step {step} ({kind}) is missing the required field `id`",
                "track-steps": "the track has no steps",
            ],
            explanation: """
                A required field is missing, e.g. a scenario without `title`, or a turn with neither `buyer` nor `variants`.
                The position is the mapping that lacks it.
                """,
            fix: "Add the field; `dojo new` writes a skeleton with every required field."
        ),
        DiagnosticDescriptor(
            .wrongType, name: "wrong-type", severity: .error,
            summary: "A value has the wrong YAML type (text where a list belongs, and so on).",
            messages: [
                "effects": "`effects` must map meter names to changes, e.g. `{trust: 1}`",
                "list": "`{key}` in {context} must be a list, not {found}",
                "mapping": "{context} must be a mapping of `key: value` lines, not {found}",
                "meters": "`meters` must map meter names to `{start, min, max}`",
                "plain-keys": "keys in {context} must be plain names",
                "reactions": #"`on` in {turn} must map tactic ids to reactions, e.g. `{walk-away: "..."}`"#,
                "text": "{what} must be text, not {found}",
                "whole-number": "{what} must be a whole number, not {found}",
            ],
            explanation: """
                A value has the wrong YAML shape, e.g. `expect: price-angle` (text) where a list is required (`expect:
                [price-angle]`), or a mapping where text is expected.
                """,
            fix: "Write the value in the shape the help line or docs/scenario-format.md shows."
        ),
        DiagnosticDescriptor(
            .invalidValue, name: "invalid-value", severity: .error,
            summary: "A value has the right type but is not allowed (out of range, bad id, unknown language or kind).",
            messages: [
                "buyer-and-variants": "{turn} has both `buyer` and `variants`",
                "empty-list": "{what} is an empty list",
                "empty-text": "{what} is empty",
                "empty-variants": "`variants` in {turn} is empty",
                "ending-kind": "unknown ending kind `{kind}`",
                "id": "{what} id `{id}` must be lower-case letters, digits and hyphens",
                "meter-bounds": "meter `{meter}` has min {min} not below max {max}",
                "meter-name": "meter name `{name}` must be a lower-case word (letters, digits, `_`) and not a keyword",
                "meter-start": "meter `{meter}` starts at {start}, outside {min}...{max}",
                "negative-pass-mark": "pass mark {mark} is below 0",
                "no-branches": "{turn} has no branches",
                "no-replies": "{play} has no replies",
                "out-of-range": "{what} is {value}{bounds}",
                "placeholder": "unknown placeholder `{{name}}` in {what}",
                "step-kind": "unknown step kind `{kind}`",
                "unknown-language": "unknown language `{language}`",
            ],
            explanation: """
                The shape is right but the value is not allowed: `difficulty: 9` (must be 1–5), `language: zh-hans` (must be
                `zh-Hans`, `zh-Hant` or `en`), an id with capitals or spaces, a meter whose `start` lies outside `min`…`max`,
                an empty text, `kind: draw`, both `buyer` and `variants`.
                """,
            fix: "Use one of the values the help line lists; docs/scenario-format.md gives each field's range."
        ),
        DiagnosticDescriptor(
            .unknownValueType, name: "unknown-value-type", severity: .error,
            summary: "The value type is not intrinsic, extrinsic or strategic.",
            message: "unknown value type `{type}`",
            explanation: "`type:` is not `intrinsic`, `extrinsic` or `strategic` (playbooks may also say `any`), e.g. `type: intrinsik`.",
            fix: "Write `intrinsic`, `extrinsic` or `strategic`."
        ),
        DiagnosticDescriptor(
            .unreadableFile, name: "unreadable-file", severity: .error,
            summary: "The file cannot be read.",
            messages: [
                "": "cannot read the file: it {reason}",
                "missing-file": "no such file",
                "missing-path": "no such file or folder",
                "unreadable": "cannot read the file",
            ],
            explanation: "The file or folder given does not exist or cannot be read (permissions).",
            fix: "Check the path and the file's permissions."
        ),
        DiagnosticDescriptor(
            .unknownDocumentKind, name: "unknown-document-kind", severity: .error,
            summary: "The YAML file is neither a scenario nor a playbook.",
            messages: [
                "": "this YAML file is neither a scenario nor a playbook",
                "not-scenario": "this YAML document is not a scenario",
            ],
            explanation: """
                A YAML file in the scenario folder is neither a scenario (it has `turns:`/`endings:`) nor a playbook (it has
                `tactics:`), e.g. `foo: 1`.
                """,
            fix: "Add the missing top-level keys, or move the file out of the scenario folder."
        ),
        DiagnosticDescriptor(
            .notRegularFile, name: "not-regular-file", severity: .error,
            summary: "A path ending in `.yaml` that is a FIFO, socket or device: skipped without opening it.",
            message: "skipped: this is {kind}, not a regular file",
            explanation: """
                A path ending in `.yaml` (or given on the command line) is a FIFO, socket or device, not an ordinary file. It
                is skipped without being opened — opening a FIFO would wait forever for a writer — and named here so you know
                it was not checked.
                """,
            fix: "Remove it from the scenario folder."
        ),
        DiagnosticDescriptor(
            .controlCharacter, name: "control-character", severity: .error,
            summary: "Scenario text holds a control character (an escape sequence, say), however it was written.",
            message: "{what} holds the control character U+{scalar}",
            explanation: #"""
                Scenario text (a title, a buyer line, a hint, a debrief, any text field) holds a control character — an escape
                (`\e`), a bell, a carriage return, a C1 control or a bidi override — however it was written, including YAML
                escapes such as `"X\e]0;pwned\a"`. Printed to a terminal such characters can retitle the window, clear the
                screen or disguise text. Tabs and line breaks are allowed. The position is the start of the text.
                """#,
            fix: "Delete the character."
        ),
        DiagnosticDescriptor(
            .folderTooLarge, name: "folder-too-large", severity: .error,
            summary: "The scenario folder is too big to walk (too deep or too many entries); the rest is skipped.",
            messages: [
                "depth": "sub-folders more than {limit} levels deep are not searched (first: {first})",
                "entries": "stopped searching after {limit} entries; the files found so far are used",
            ],
            explanation: """
                The scenario folder is too big to search: more than 12 levels of sub-folders or more than 20,000 entries (e.g.
                `--scenarios /`). The search stops there, and what was found so far is used.
                """,
            fix: "Point `--scenarios` at the folder that holds the scenario files."
        ),
    ]
}
