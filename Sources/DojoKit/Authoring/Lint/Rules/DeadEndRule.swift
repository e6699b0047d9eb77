/// DJ0110: a reachable state where the dialogue gets stuck: no branch applies to some kind of
/// reply (the buyer repeats the turn), or no ending can follow but the reply-count safety net.
public struct DeadEndRule: ScenarioLintRule {
    public var code: DiagnosticCode { .deadEnd }
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        context.exploration(scenario).deadEnds.compactMap { deadEnd in
            guard let turn = scenario.turn(deadEnd.turn) else { return nil }
            let meters = zip(scenario.meters, deadEnd.meters).map { "\($0.name) \($1)" }.joined(separator: ", ")
            let state = meters.isEmpty ? "" : " (\(meters))"
            switch deadEnd.reason {
            case let .noBranchApplies(replyClass):
                return Diagnostic(code, ["turn": turn.id, "reply": replyClass.description, "state": state],
                                  at: turn.location, help: "end the branches with one without `when`")
            case .noWayOut:
                return Diagnostic(code, ["turn": turn.id, "state": state, "limit": String(Session.maxReplies)], variant: "no-way-out",
                                  at: turn.location, help: "give the loop a branch that leads on to an ending")
            }
        }
    }
}
