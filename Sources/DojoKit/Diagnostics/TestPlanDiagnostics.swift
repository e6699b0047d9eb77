// Diagnostics of one area: each code is declared once here, with its descriptor (severity, message
// templates, explanation, fix). Adding a code: one `DiagnosticCode` constant and one descriptor below.

extension DiagnosticCode {
    /// A transcript test names a scenario that is not loaded.
    public static let unknownTestScenario = DiagnosticCode("DJ0029")
    /// A transcript test expects an ending or names a turn that its scenario does not define.
    public static let unknownTestTarget = DiagnosticCode("DJ0030")
}

/// The descriptors of the testplan area, in code order.
enum TestPlanDiagnostics {
    static let descriptors: [DiagnosticDescriptor] = [
        DiagnosticDescriptor(
            .unknownTestScenario, name: "unknown-test-scenario", severity: .error,
            summary: "A transcript test names a scenario that is not loaded.",
            message: "transcript test for `{scenario}`, which is not a scenario here",
            explanation: """
                A transcript test plan (`tests/*.yaml`) says `scenario: customer-a-lowest-quot`, but no loaded scenario has
                that id, so none of its plays can run. (Until 2026-11 this was reported as DJ0013.)
                """,
            fix: "Correct the id (the help line suggests the closest), or load the scenario too with `--scenarios`."
        ),
        DiagnosticDescriptor(
            .unknownTestTarget, name: "unknown-test-target", severity: .error,
            summary: "A transcript test expects an ending or names a turn that its scenario does not define.",
            messages: [
                "ending": "play `{play}` expects ending `{ending}`, which {scenario} does not define",
                "route": "the route of play `{play}` names `{turn}`, which is not a turn of {scenario}",
            ],
            explanation: """
                A play of a transcript test plan expects an ending id (`ending: won-deal`) or lists a `route` turn that the
                scenario does not have, so the test could never pass. Kinds (`won`, `lost`, `left`) are always allowed. (Until
                2026-11 this was reported as DJ0013.)
                """,
            fix: "Use an ending or turn id of the scenario; the help line suggests the closest."
        ),
    ]
}
