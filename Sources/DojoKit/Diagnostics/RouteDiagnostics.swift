// Diagnostics of one area: each code is declared once here, with its descriptor (severity, message
// templates, explanation, fix). Adding a code: one `DiagnosticCode` constant and one descriptor below.

extension DiagnosticCode {
    /// A turn that no path from the start reaches.
    public static let unreachableTurn = DiagnosticCode("DJ0101")
    /// A turn whose last branch has a condition, so the dialogue can get stuck.
    public static let noFallbackBranch = DiagnosticCode("DJ0102")
    /// A turn expects a tactic of another value type than the scenario's buyer.
    public static let offTypeExpectation = DiagnosticCode("DJ0103")
    /// A tactic is both expected and to be avoided in one turn.
    public static let expectAndAvoid = DiagnosticCode("DJ0104")
    /// No ending of kind `won` is defined, or none is reachable.
    public static let noWinningEnding = DiagnosticCode("DJ0105")
    /// A reaction states a figure (money, percent, duration) that the turn's buyer lines and the persona never established.
    public static let unestablishedFigure = DiagnosticCode("DJ0106")
    /// Every line of a reaction needs a placeholder, so a reply without that figure gets no reaction.
    public static let reactionWithoutFallback = DiagnosticCode("DJ0107")
    /// A turn has no `model_answer`, so `--autoplay model`, hints and lints cannot show a good reply.
    public static let noModelAnswer = DiagnosticCode("DJ0108")
}

/// The descriptors of the route area, in code order.
enum RouteDiagnostics {
    static let descriptors: [DiagnosticDescriptor] = [
        DiagnosticDescriptor(
            .unreachableTurn, name: "unreachable-turn", severity: .warning,
            summary: "A turn that no path from the start reaches.",
            message: "turn `{turn}` is never reached from the start",
            explanation: """
                No chain of `goto`s from the start reaches this turn. Example: every branch of the opening jumps straight to
                an ending.
                """,
            fix: "Link it or delete it."
        ),
        DiagnosticDescriptor(
            .noFallbackBranch, name: "no-fallback-branch", severity: .warning,
            summary: "A turn whose last branch has a condition, so the dialogue can get stuck.",
            message: "the last branch of {turn} has a condition, so no branch may apply",
            explanation: """
                The last branch of a turn has a `when`, so a reply may match no branch. At run time the dialogue then stays on
                the same turn, which feels stuck.
                """,
            fix: "End with a branch without `when`."
        ),
        DiagnosticDescriptor(
            .offTypeExpectation, name: "off-type-expectation", severity: .warning,
            summary: "A turn expects a tactic of another value type than the scenario's buyer.",
            message: "{turn} expects `{tactic}`, {what}, but the buyer is {type}",
            explanation: """
                A turn expects a tactic of another value type (or an anti-pattern), e.g. `team-value` for an intrinsic buyer.
                The seed's lesson is that off-type tactics fail; list them under `avoid`.
                """,
            fix: "Expect tactics of the buyer's type and list off-type tactics under `avoid`."
        ),
        DiagnosticDescriptor(
            .expectAndAvoid, name: "expect-and-avoid", severity: .warning,
            summary: "A tactic is both expected and to be avoided in one turn.",
            message: "{turn} both expects and avoids `{tactic}`",
            explanation: "One tactic is both expected and avoided in the same turn.",
            fix: "Remove it from one of the two lists."
        ),
        DiagnosticDescriptor(
            .noWinningEnding, name: "no-winning-ending", severity: .warning,
            summary: "No ending of kind `won` is defined, or none is reachable.",
            message: "no `won` ending can be reached",
            explanation: "No ending of kind `won` is defined or reachable, so the trainee cannot win.",
            fix: "Add a `won` ending and a branch that leads to it."
        ),
        DiagnosticDescriptor(
            .unestablishedFigure, name: "unestablished-figure", severity: .warning,
            summary: "A reaction states a figure (money, percent, duration) that the turn's buyer lines and the persona never established.",
            message: #"{what} of turn `{turn}` says "{figure}", which the turn's buyer lines and the persona never establish"#,
            explanation: """
                A reaction (a branch's `reaction` or a turn's `on:` reaction) states a literal amount, percentage or duration
                that neither the turn's buyer lines nor the persona established. Example: `reaction: "三十八块六……年度框架的事可以再谈。"`
                after a turn where the rep may quote any price — the buyer would "remember" a figure the rep never said.
                """,
            fix: """
                Quote the rep with `{money}`, `{percent}` or `{duration}` and end the list with a fallback line without the
                figure: `reaction: ["{money}……年度框架的事可以再谈。", "批量价我记下了，年度框架的事可以再谈。"]`, or drop the figure.
                """
        ),
        DiagnosticDescriptor(
            .reactionWithoutFallback, name: "reaction-without-fallback", severity: .warning,
            summary: "Every line of a reaction needs a placeholder, so a reply without that figure gets no reaction.",
            message: "every line of {what} needs something from the reply, so a reply without it gets no reaction",
            explanation: """
                Every line of a reaction uses a placeholder, so a reply without that figure (or without evidence for the
                tactic) gets no reaction at all. Example: `reaction: "{money}？写进报价单。"`.
                """,
            fix: "Add a last line without placeholders."
        ),
        DiagnosticDescriptor(
            .noModelAnswer, name: "no-model-answer", severity: .warning,
            summary: "A turn has no `model_answer`, so `--autoplay model`, hints and lints cannot show a good reply.",
            message: "{turn} has no `model_answer`",
            explanation: """
                A turn without `model_answer`. The model answer is what `dojo play --autoplay model` replies, what the
                scorecard shows as a better reply, and what `dojo lint` checks reaches the turn's best branch; without one,
                autoplay stops at that turn with a message instead of inventing a reply. A warning, so `dojo validate
                --strict` fails on it.
                """,
            fix: "Add `model_answer:` with a reply that uses the turn's expected tactics and scores at or above the pass mark."
        ),
    ]
}
