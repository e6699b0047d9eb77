// Diagnostics of `dojo lint` (DJ0110–DJ0199): each code is declared once here, with its descriptor.
// Adding a lint: one `DiagnosticCode` constant and one descriptor below; the catalogue, `dojo explain`
// and docs/diagnostics.md pick it up.

extension DiagnosticCode {}

/// The descriptors of the lint area, in code order.
enum LintDiagnostics {
    static let descriptors: [DiagnosticDescriptor] = []
}
