/// DJ0114: a meter no branch effect moves (it stays at its start value), or one that nothing reads
/// and that ends nothing (it moves but changes no outcome).
public struct UnusedMeterRule: ScenarioLintRule {
    public var code: DiagnosticCode { .unusedMeter }
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        let effects = Set(scenario.turns.flatMap(\.branches).flatMap(\.effects).filter { $0.delta != 0 }.map(\.meter))
        var read: Set<String> = []
        for condition in scenario.turns.flatMap(\.branches).compactMap(\.condition) { read.formUnion(ConditionAtoms(condition).meters) }
        return scenario.meters.compactMap { meter in
            if !effects.contains(meter.name) {
                return Diagnostic(code, ["meter": meter.name], at: scenario.location,
                                  help: "add effects (e.g. `effects: {\(meter.name): -1}`) or remove the meter")
            }
            if !read.contains(meter.name) && meter.onMin == nil && meter.onMax == nil {
                return Diagnostic(code, ["meter": meter.name], variant: "unread",
                                  at: scenario.location, help: "read it in a `when`, or give it `on_min`/`on_max`")
            }
            return nil
        }
    }
}
