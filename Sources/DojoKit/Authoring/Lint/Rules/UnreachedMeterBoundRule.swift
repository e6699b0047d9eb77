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
                found.append(Diagnostic(code, "meter `\(meter.name)` never falls to its min \(meter.min) (lowest on any path: \(range.lowerBound)), so `on_min: \(ending)` never fires",
                                        at: scenario.location, help: "lower the start, raise min, or add effects that reach it"))
            }
            if let ending = meter.onMax, range.upperBound < meter.max {
                found.append(Diagnostic(code, "meter `\(meter.name)` never rises to its max \(meter.max) (highest on any path: \(range.upperBound)), so `on_max: \(ending)` never fires",
                                        at: scenario.location, help: "lower max or add effects that reach it"))
            }
        }
        return found
    }
}
