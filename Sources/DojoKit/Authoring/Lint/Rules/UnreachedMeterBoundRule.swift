/// DJ0115: a meter bound with an ending attached (`on_min`, `on_max`) that no path brings the meter to,
/// so that ending never fires from it.
public struct UnreachedMeterBoundRule: ScenarioLintRule {
    public var code: DiagnosticCode { .unreachedMeterBound }
    public init() {}

    public func check(_ scenario: Scenario, in context: LintContext) -> [Diagnostic] {
        let exploration = context.exploration(scenario)
        guard !exploration.visitedTurns.isEmpty else { return [] }
        var found: [Diagnostic] = []
        for meter in scenario.meters {
            let range = exploration.meterRanges[meter.name] ?? meter.start...meter.start
            if let ending = meter.onMin, range.lowerBound > meter.min {
                found.append(Diagnostic(code, ["meter": meter.name, "bound": String(meter.min), "reached": String(range.lowerBound), "ending": ending],
                                        at: scenario.location, help: "lower the start, raise min, or add effects that reach it"))
            }
            if let ending = meter.onMax, range.upperBound < meter.max {
                found.append(Diagnostic(code, ["meter": meter.name, "bound": String(meter.max), "reached": String(range.upperBound), "ending": ending], variant: "max",
                                        at: scenario.location, help: "lower max or add effects that reach it"))
            }
        }
        return found
    }
}
