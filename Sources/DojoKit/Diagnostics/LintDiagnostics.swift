// Diagnostics of `dojo lint` (DJ0110–DJ0199): each code is declared once here, with its descriptor.
// Adding a lint: one `DiagnosticCode` constant and one descriptor below, and one rule in
// Sources/DojoKit/Authoring/Lint/Rules/; the catalogue, `dojo explain` and docs/diagnostics.md pick it up.
// Checks marked *explored* read `Explorer.walk()`; *evaluator* ones score text as `dojo play` does.

extension DiagnosticCode {
    /// A reachable state where no branch applies to some reply, or from which no ending can follow.
    public static let deadEnd = DiagnosticCode("DJ0110")
    /// A branch condition that holds in no state the dialogue can be in at that turn.
    public static let conditionNeverHolds = DiagnosticCode("DJ0111")
    /// A branch that can hold but is never taken: an earlier branch always applies first.
    public static let shadowedBranch = DiagnosticCode("DJ0112")
    /// The score conditions of one turn leave a band of scores between them that none covers.
    public static let scoreBandGap = DiagnosticCode("DJ0113")
    /// A meter no effect moves, or that nothing reads and that ends nothing.
    public static let unusedMeter = DiagnosticCode("DJ0114")
    /// A meter bound with an ending attached that no path reaches.
    public static let unreachedMeterBound = DiagnosticCode("DJ0115")
    /// A model answer that scores below the pass mark or misses the turn's best branch.
    public static let weakModelAnswer = DiagnosticCode("DJ0117")
    /// A playbook example the evaluator does not credit with its own tactic (or a no-match one it does).
    public static let exampleMissesTactic = DiagnosticCode("DJ0118")
    /// A tactic's example the evaluator also credits with a tactic of another type or an anti-pattern.
    public static let exampleCaughtByOther = DiagnosticCode("DJ0119")
    /// An ending whose debrief says nothing (blank, a placeholder, or the title again).
    public static let endingWithoutDebrief = DiagnosticCode("DJ0120")
    /// No tactic changes the route: every rep meets the same turns in the same order.
    public static let routeIgnoresTactics = DiagnosticCode("DJ0121")
    /// A scenario without its counterpart in the other language.
    public static let missingTranslation = DiagnosticCode("DJ0122")
    /// A translation whose structure no longer matches its source.
    public static let staleTranslation = DiagnosticCode("DJ0123")
    /// An entry of the lint file (`.dojo-lint.yaml`) that cannot be used.
    public static let badLintConfiguration = DiagnosticCode("DJ0124")
    /// A lint exception that excuses nothing.
    public static let unusedLintException = DiagnosticCode("DJ0125")
}

/// The descriptors of the lint area, in code order.
enum LintDiagnostics {
    static let descriptors: [DiagnosticDescriptor] = [
        DiagnosticDescriptor(
            .deadEnd, name: "dead-end", severity: .warning,
            summary: "A reachable state where the dialogue gets stuck.",
            messages: [
                "": "no branch of turn `{turn}` applies to a reply with {reply}{state}: the buyer repeats the turn",
                "no-way-out": "from turn `{turn}`{state} no ending can be reached; only the {limit}-reply safety net ends the dialogue",
            ],
            explanation: """
                (Explored.) The dialogue gets stuck in a reachable state: no branch of a turn applies to some kind of reply
                (the buyer repeats the turn; e.g. a last branch `when: score < 40` after `score >= 50` leaves 40–49 to
                nobody), or from some turn no ending can follow at all (two turns that only lead to each other), so only the
                40-reply safety net ends the session.
                """,
            fix: "End every turn with a branch without `when`, and give every loop a way on to an ending."
        ),
        DiagnosticDescriptor(
            .conditionNeverHolds, name: "condition-never-holds", severity: .warning,
            summary: "A branch condition that holds in no state the dialogue can be in at that turn.",
            message: "the condition `{condition}` of branch {branch} of turn `{turn}` never holds on any path",
            explanation: """
                (Explored.) A branch of a reachable turn whose condition holds for no reply in any state the dialogue can be
                in there: `trust >= 9` with `max: 6`, `score > 100`, `patience < 0`.
                """,
            fix: "Check the numbers against the meters' ranges and 0–100 scores, or remove the branch."
        ),
        DiagnosticDescriptor(
            .shadowedBranch, name: "shadowed-branch", severity: .warning,
            summary: "A branch that can hold but is never taken: an earlier branch always applies first.",
            message: "branch {branch} of turn `{turn}` ({condition}) is never taken: an earlier branch always applies first",
            explanation: """
                (Explored.) Branches are tried in order and the first that holds wins, so a branch whose condition only holds
                when an earlier one holds too is dead: `score >= 70 and used(price-angle)` followed by
                `score >= 80 and used(price-angle)`.
                """,
            fix: "Move the narrower branch above the one that shadows it, or narrow the earlier condition."
        ),
        DiagnosticDescriptor(
            .scoreBandGap, name: "score-band-gap", severity: .warning,
            summary: "The score conditions of one turn leave a band of scores between them that none covers.",
            message: "no score condition of turn `{turn}` covers scores {from}–{to}, between its bands",
            explanation: """
                `score >= 70 and used(price-angle)` and `score < 40` leave 40–69 to whatever branch comes last, which is rarely
                what the author meant. A condition's band is every score for which it can hold (with some tactic use,
                mismatch or not, the meters at their start values).
                """,
            fix: "Close the gap (`score >= 40`), or write the branch that says what such a reply gets."
        ),
        DiagnosticDescriptor(
            .unusedMeter, name: "unused-meter", severity: .warning,
            summary: "A meter no effect moves, or that nothing reads and that ends nothing.",
            messages: [
                "": "meter `{meter}` never moves: no branch effect changes it",
                "unread": "meter `{meter}` changes nothing: no condition reads it and no bound ends the dialogue",
            ],
            explanation: """
                A meter that no branch effect moves stays at its start value; one that moves but that no `when` reads and that
                has no `on_min`/`on_max` changes no outcome. Either way the trainee watches a gauge that means nothing.
                """,
            fix: "Add effects, read it in a condition, attach an ending to a bound, or remove the meter."
        ),
        DiagnosticDescriptor(
            .unreachedMeterBound, name: "unreached-meter-bound", severity: .warning,
            summary: "A meter bound with an ending attached that no path reaches.",
            messages: [
                "": "meter `{meter}` never falls to its min {bound} (lowest on any path: {reached}), so `on_min: {ending}` never fires",
                "max": "meter `{meter}` never rises to its max {bound} (highest on any path: {reached}), so `on_max: {ending}` never fires",
            ],
            explanation: """
                (Explored.) An `on_min`/`on_max` ending that no path can trigger, e.g. `patience: {start: 3, min: 0}` where only
                one branch costs a point: the buyer can never run out of patience.
                """,
            fix: "Lower the start, move the bound, or add effects that reach it."
        ),
        DiagnosticDescriptor(
            .weakModelAnswer, name: "weak-model-answer", severity: .warning,
            summary: "A model answer that scores below the pass mark or misses the turn's best branch.",
            messages: [
                "": "the model answer of turn `{turn}` scores {score}, below the pass mark {pass-mark}",
                "branch": "the model answer of turn `{turn}` takes {taken}, not the best branch {best}",
            ],
            explanation: """
                (Evaluator.) The turn's model answer, scored as `dojo play` scores a reply to that turn (trained model
                included), stays below the scenario's pass mark, or takes another branch than the turn's best one: the first
                branch that holds for an ideal reply (score 100, every expected tactic used, no mismatch) with the meters at
                their start values. A model answer must model the lesson.
                """,
            fix: "Make it use the expected tactics plainly (a checkable figure for an intrinsic buyer), or fix the conditions."
        ),
        DiagnosticDescriptor(
            .exampleMissesTactic, name: "example-misses-tactic", severity: .warning,
            summary: "A playbook example the evaluator does not credit with its own tactic (or a no-match one it does).",
            messages: [
                "": "the example \"{example}\" of `{tactic}` is not credited with `{tactic}`",
                "no-match": "the no-match example \"{example}\" of `{tactic}` is credited with `{tactic}`",
            ],
            explanation: """
                (Evaluator.) A playbook `examples.match` reply that the evaluator does not credit with its own tactic, or an
                `examples.no_match` reply that it does: the playbook promises what the evaluator does not do.
                """,
            fix: "Add the cue the example needs, rewrite the example, or retrain the model (`dojo train`)."
        ),
        DiagnosticDescriptor(
            .exampleCaughtByOther, name: "example-caught-by-other", severity: .warning,
            summary: "A tactic's example the evaluator also credits with a tactic of another type or an anti-pattern.",
            message: "the example \"{example}\" of `{tactic}` is also credited with {others}",
            explanation: """
                (Evaluator.) A trainee writing the example would be told of a type mismatch or a fault. Tactics of one type
                together are normal (volume-offer with price-angle); anti-pattern examples are not checked (a premature
                discount names a price by nature).
                """,
            fix: "Rewrite the example so only its own tactic shows, or move it to the tactic it shows."
        ),
        DiagnosticDescriptor(
            .endingWithoutDebrief, name: "ending-without-debrief", severity: .warning,
            summary: "An ending whose debrief says nothing.",
            message: "ending `{ending}` has no debrief (\"{debrief}\")",
            explanation: """
                The debrief is blank, a placeholder (`TODO`, `TBD`, `…`, `待定`, `待补充`) or only the title again: the trainee
                reaches the ending and learns nothing. (A missing `debrief:` key is a load error, DJ0008.)
                """,
            fix: "Say in `debrief:` what the trainee should take away."
        ),
        DiagnosticDescriptor(
            .routeIgnoresTactics, name: "route-ignores-tactics", severity: .warning,
            summary: "No tactic changes the route: every rep meets the same turns in the same order.",
            message: "no tactic changes the route: every rep meets {route}",
            explanation: """
                (Explored.) No reachable turn leads on to two different turns, not counting warning detours: turns no good
                reply (no mismatch, no anti-pattern, a score of 70 or more) is ever sent to, such as a last warning after a
                mismatch or a squeeze after a premature discount. Score and tactics then only move meters and pick the
                ending, and the scenario teaches less than a branching one could.
                """,
            fix: """
                Let a turn lead to different turns depending on the tactic used (`when: used(inside-coach)` → a turn with the \
                coach), or accept it in the lint file with a reason.
                """
        ),
        DiagnosticDescriptor(
            .missingTranslation, name: "missing-translation", severity: .note,
            summary: "A scenario without its counterpart in the other language.",
            messages: [
                "": "scenario `{scenario}` has no counterpart `{other}` in the other language",
                "source": "scenario `{scenario}` has no Chinese source `{other}`",
            ],
            explanation: """
                A Chinese scenario `X` is translated as `X-en`, and an English `X-en` is translated from `X`. A note, so a
                one-language library still lints clean.
                """,
            fix: "Write the translation (same turns, branches and endings), or set DJ0122 to `off` in the lint file."
        ),
        DiagnosticDescriptor(
            .staleTranslation, name: "stale-translation", severity: .warning,
            summary: "A translation whose structure no longer matches its source.",
            message: "translation `{scenario}` is out of step with `{source}`: {difference}",
            explanation: """
                The English translation has other turns, expectations, branches (conditions, effects, targets), endings,
                meters, type, difficulty or pass mark than its Chinese source: the source changed and the translation was not
                brought along. Wording is not compared (it cannot be, across languages); structure is.
                """,
            fix: "Carry the source's change over to the translation."
        ),
        DiagnosticDescriptor(
            .badLintConfiguration, name: "bad-lint-configuration", severity: .error,
            summary: "An entry of the lint file (`.dojo-lint.yaml`) that cannot be used.",
            messages: [
                "": "`{code}` is not a diagnostic code",
                "severity": "`{value}` is not a severity",
                "severity-map": "`severity` must map codes to error, warning, note or off",
                "load-error": "{code} {name} is a load error: the file cannot be used, so it cannot be lowered",
                "no-reason": "the exception for {code} gives no reason",
                "subject": "an exception names exactly one `scenario:` or `tactic:`",
            ],
            explanation: """
                An unknown code or name, a severity other than `error`, `warning`, `note`, `off`, a load error set below
                `error`, an exception without `reason:`, or one naming neither or both of `scenario:` and `tactic:`. Unknown
                keys and wrong types in the lint file are reported with this code too.
                """,
            fix: "As the help line says; the format is in docs/authoring.md."
        ),
        DiagnosticDescriptor(
            .unusedLintException, name: "unused-lint-exception", severity: .warning,
            summary: "A lint exception that excuses nothing.",
            message: "the exception for {code} {name} in `{subject}` excuses nothing",
            explanation: """
                The finding the exception was written for is gone (fixed, or the scenario changed). Only exceptions about
                scenarios and tactics that were linted are checked, so linting one file does not flag the rest.
                """,
            fix: "Delete the exception."
        ),
    ]
}
