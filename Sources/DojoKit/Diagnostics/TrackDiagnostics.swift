// Diagnostics of one area: each code is declared once here, with its descriptor (severity, message
// templates, explanation, fix). Adding a code: one `DiagnosticCode` constant and one descriptor below.

extension DiagnosticCode {
    /// A track step names a scenario or drill that is not loaded.
    public static let unknownTrackStep = DiagnosticCode("DJ0040")
    /// A track step's pass mark can never be reached.
    public static let unreachablePassMark = DiagnosticCode("DJ0041")
}

/// The descriptors of the track area, in code order.
enum TrackDiagnostics {
    static let descriptors: [DiagnosticDescriptor] = [
        DiagnosticDescriptor(
            .unknownTrackStep, name: "unknown-track-step", severity: .error,
            summary: "A track step names a scenario or drill that is not loaded.",
            messages: [
                "drill": "step {step} names drill `{id}`, which is not loaded",
                "scenario": "step {step} names scenario `{id}`, which is not loaded",
            ],
            explanation: """
                A step of a track (`tracks/*.yaml`, see [tracks.md](tracks.md)) names a scenario or drill that is not loaded,
                e.g. `id: customer-a-lowest-quote-enn`. The help suggests the closest id.
                """,
            fix: "Correct the id, or load the scenario too."
        ),
        DiagnosticDescriptor(
            .unreachablePassMark, name: "unreachable-pass-mark", severity: .error,
            summary: "A track step's pass mark can never be reached.",
            message: "pass mark {mark} can never be reached: totals are 0–100",
            explanation: """
                A track step's pass mark can never be reached: totals and drill accuracy are 0–100, so `pass: 150` would keep
                the trainee on that step forever.
                """,
            fix: "Use a pass mark from 0 to 100."
        ),
    ]
}
