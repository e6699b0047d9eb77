// Diagnostics of one area: each code is declared once here, with its descriptor (severity, message
// templates, explanation, fix). Adding a code: one `DiagnosticCode` constant and one descriptor below.

extension DiagnosticCode {
    /// A tactic id that no playbook defines.
    public static let unknownTactic = DiagnosticCode("DJ0012")
    /// A `goto` or meter ending that names no turn or ending.
    public static let undefinedTarget = DiagnosticCode("DJ0013")
    /// Two scenarios share an id.
    public static let duplicateScenarioID = DiagnosticCode("DJ0014")
    /// A condition or effect names a meter the scenario does not define.
    public static let undefinedMeter = DiagnosticCode("DJ0015")
    /// The scenario has no turn to start from.
    public static let noStartTurn = DiagnosticCode("DJ0017")
    /// Two turns, endings, meters or tactics share an id.
    public static let duplicateID = DiagnosticCode("DJ0018")
    /// A cue phrase uses an unknown slot or is malformed.
    public static let badCue = DiagnosticCode("DJ0020")
    /// No playbook was found, so tactic ids cannot be checked.
    public static let noPlaybooks = DiagnosticCode("DJ0022")
    /// Two drill sets share an id.
    public static let duplicateDrillID = DiagnosticCode("DJ0028")
}

/// The descriptors of the reference area, in code order.
enum ReferenceDiagnostics {
    static let descriptors: [DiagnosticDescriptor] = [
        DiagnosticDescriptor(
            .unknownTactic, name: "unknown-tactic", severity: .error,
            summary: "A tactic id that no playbook defines.",
            messages: [
                "": "unknown tactic `{tactic}` in `{key}` of {turn}",
                "condition": "unknown tactic `{tactic}`",
            ],
            explanation: """
                A tactic id in `expect`, `avoid` or `used(...)` that no playbook defines, e.g. `price-angel`. Tactic ids live
                in `Scenarios/playbooks/*.yaml`; the help line suggests the closest.
                """,
            fix: "Correct the id (the help line suggests the closest), or define the tactic in a playbook of your folder."
        ),
        DiagnosticDescriptor(
            .undefinedTarget, name: "undefined-target", severity: .error,
            summary: "A `goto` or meter ending that names no turn or ending.",
            messages: [
                "": "`goto: {target}` names no turn or ending",
                "meter": "meter `{meter}` ends at `{target}`, which is not an ending",
            ],
            explanation: """
                A `goto` that names no turn or ending (`goto: wonn`), or a meter's `on_min`/`on_max` that names something
                other than an ending.
                """,
            fix: "Correct the id (the help line suggests the closest) or add the turn or ending."
        ),
        DiagnosticDescriptor(
            .duplicateScenarioID, name: "duplicate-scenario-id", severity: .error,
            summary: "Two scenarios share an id.",
            message: "scenario id `{id}` is already used by {first}",
            explanation: """
                Two files declare the same scenario `id`. Reported at the second file (in path order); the message names the
                first.
                """,
            fix: "Ids are global — English versions end in `-en` by convention."
        ),
        DiagnosticDescriptor(
            .undefinedMeter, name: "undefined-meter", severity: .error,
            summary: "A condition or effect names a meter the scenario does not define.",
            messages: [
                "": "effect on `{meter}`, which is not a meter of this scenario",
                "condition": "`{meter}` is not a meter of this scenario",
            ],
            explanation: """
                A condition or an effect names a meter the scenario does not declare under `meters:`, e.g. `when: patiense >=
                3` or `effects: {trust: 1}` without a `trust` meter.
                """,
            fix: "Declare the meter under `meters:` or correct its name."
        ),
        DiagnosticDescriptor(
            .noStartTurn, name: "no-start-turn", severity: .error,
            summary: "The scenario has no turn to start from.",
            messages: [
                "": "start turn `{start}` is not defined",
                "no-turns": "the scenario has no turns",
            ],
            explanation: "`start:` names no turn (`start: opener`), or the scenario has no turns at all.",
            fix: "Point `start:` at a turn id, or add a turn."
        ),
        DiagnosticDescriptor(
            .duplicateID, name: "duplicate-id", severity: .error,
            summary: "Two turns, endings, meters or tactics share an id.",
            messages: [
                "": "id `{id}` is used twice",
                "drill-item": "drill item id `{id}` is used twice",
                "tactic-across-playbooks": "tactic `{tactic}` is already defined in {first}",
                "tactic-in-playbook": "tactic `{tactic}` is defined twice",
            ],
            explanation: """
                Two turns or endings of one scenario share an id, a playbook defines a tactic twice, two playbooks of the same
                folder define the same tactic id, or a drill set repeats an item id. (A playbook in your own `--scenarios`
                folder with the same `type` as a shipped one replaces it; see scenario-format.md.)
                """,
            fix: "Rename one of them."
        ),
        DiagnosticDescriptor(
            .badCue, name: "bad-cue", severity: .error,
            summary: "A cue phrase uses an unknown slot or is malformed.",
            message: "{problem}",
            explanation: """
                A playbook cue is malformed: an unknown slot such as `{cash}` (slots are `{money}`, `{percent}`, `{number}`,
                `{duration}`, `{question}`), an unclosed `{`, or an empty part around ` ... `.
                """,
            fix: "Use a known slot and close every `{`."
        ),
        DiagnosticDescriptor(
            .noPlaybooks, name: "no-playbooks", severity: .error,
            summary: "No playbook was found, so tactic ids cannot be checked.",
            message: "no playbook was found, so tactic ids cannot be checked",
            explanation: """
                No playbook was found, so tactic ids cannot be checked. Reported once instead of once per tactic id. dojo
                normally loads the shipped playbooks under any `--scenarios` folder, so this appears only when the shipped
                share folder is missing (a binary copied away from its `share/salesdojo/`) and the folder has no `playbooks/`
                of its own.
                """,
            fix: """
                Reinstall with `make install PREFIX=…`, set `DOJO_SHARE` to the share folder, or keep playbooks in
                `playbooks/` inside your folder.
                """
        ),
        DiagnosticDescriptor(
            .duplicateDrillID, name: "duplicate-drill-id", severity: .error,
            summary: "Two drill sets share an id.",
            message: "drill id `{id}` is already used by {first}",
            explanation: """
                Two drill files (`drills/*.yaml`) declare the same `id`. Reported at the second file in path order; the
                message names the first. Drill ids are global like scenario ids: a track step names a drill by id, so two sets
                with one id would make the step ambiguous. (Until 2026-11 this was reported as DJ0014.)
                """,
            fix: "Give each drill set its own id, e.g. `objections-en` for the English set."
        ),
    ]
}
