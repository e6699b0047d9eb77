// Diagnostics of one area: each code is declared once here, with its descriptor (severity, message
// templates, explanation, fix). Adding a code: one `DiagnosticCode` constant and one descriptor below.

extension DiagnosticCode {
    /// A line of a labelled reply set (corpus, development or held-out set, flags export) is malformed.
    public static let invalidLabel = DiagnosticCode("DJ0301")
    /// The trained model is older than the corpus or playbooks it was trained on.
    public static let staleModel = DiagnosticCode("DJ0302")
    /// The trained model file cannot be read (damaged, or of another format version).
    public static let unreadableModel = DiagnosticCode("DJ0303")
}

/// The descriptors of the model area, in code order.
enum ModelDiagnostics {
    static let descriptors: [DiagnosticDescriptor] = [
        DiagnosticDescriptor(
            .invalidLabel, name: "invalid-label", severity: .error,
            summary: "A line of a labelled reply set (corpus, development or held-out set, flags export) is malformed.",
            messages: [
                "json": "not a JSON object: {problem}",
                "no-reply": "no `reply` string",
                "not-list": "`{key}` is not a list",
                "not-object": "not a JSON object",
                "not-utf8": "the line is not valid UTF-8",
                "orientation": "orientation '{orientation}' is not intrinsic, extrinsic, strategic or none",
                "repeated-id": "id '{id}' repeats line {line}",
                "unknown-id": "{id} in `{key}` is not a known id",
            ],
            explanation: """
                A line of a labelled reply file (`Scenarios/corpus/*.jsonl`, a development or held-out set, `dojo flags
                --format jsonl` output) cannot be used: not a JSON object, no `reply`, a repeated `id`, an orientation other
                than intrinsic/extrinsic/strategic/none, or a tactic id that no playbook defines. Example:
                `{"id":"b","reply":"x","tactics":["price-angel"]}` → `'price-angel' in `tactics` is not a known id`.
                """,
            fix: "Correct the line; `dojo train` and `dojo eval` refuse to run on a file with such lines rather than guess."
        ),
        DiagnosticDescriptor(
            .staleModel, name: "stale-model", severity: .warning,
            summary: "The trained model is older than the corpus or playbooks it was trained on.",
            message: "the model is older than its corpus or playbooks (trained on inputs {trained}, now {current})",
            explanation: """
                `Scenarios/models/tactics.dojomodel` was trained on other corpus or playbook files than the ones in the folder
                now (the model records a hash of its inputs). Example: a new corpus file was added, or a playbook cue changed,
                and nobody ran `dojo train`. The evaluator still works with the old model, but it has not learnt from the new
                files.
                """,
            fix: "Run `dojo train` and commit the model."
        ),
        DiagnosticDescriptor(
            .unreadableModel, name: "unreadable-model", severity: .error,
            summary: "The trained model file cannot be read (damaged, or of another format version).",
            message: "{problem}",
            explanation: """
                The model file cannot be used: it is not a SalesDojo model, it is damaged (its checksum does not match), it is
                of another format version, or it was trained with another feature scheme. Example: a model file truncated by a
                failed copy. Every command that scores replies stops with the same message instead of scoring with a broken
                model.
                """,
            fix: "Run `dojo train` to rebuild it, or move it away to score with the cue lists alone."
        ),
    ]
}
