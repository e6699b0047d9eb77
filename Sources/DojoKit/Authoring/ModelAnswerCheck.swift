/// DJ0108: turns without a `model_answer`. `dojo validate` reports them as warnings (so `--strict`
/// fails); `--autoplay model` stops at such a turn instead of inventing a reply.
public enum ModelAnswerCheck {
    /// One warning per turn of `scenarios` that has no model answer, in scenario and turn order.
    public static func diagnostics(for scenarios: [Scenario]) -> [Diagnostic] {
        scenarios.flatMap { scenario in
            scenario.turns.filter { ($0.modelAnswer ?? "").isEmpty }.map { turn in
                Diagnostic(.noModelAnswer, ["turn": "turn `\(turn.id)`"], at: turn.location,
                           help: "add `model_answer:` with a reply that uses the turn's expected tactics and passes")
            }
        }
    }
}
