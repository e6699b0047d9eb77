/// The stable code of a check, e.g. `DJ0007`. Each code is declared as a constant next to its
/// descriptor in one area file (`LoaderDiagnostics.swift`, `RouteDiagnostics.swift`, …); never
/// renumber or reuse a code once released.
public struct DiagnosticCode: RawRepresentable, Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// `DJ` and four digits.
    public let rawValue: String

    /// A code that the catalogue describes; nil for any other text.
    public init?(rawValue: String) {
        guard DiagnosticCatalogue.descriptor(rawValue: rawValue) != nil else { return nil }
        self.rawValue = rawValue
    }

    /// Declares a code; only the area files do this.
    init(_ rawValue: String) { self.rawValue = rawValue }

    /// Every code in the catalogue, in code order.
    public static var allCases: [DiagnosticCode] { DiagnosticCatalogue.descriptors.map(\.code) }

    /// The code's descriptor: name, severity, message templates, explanation and fix.
    public var descriptor: DiagnosticDescriptor { DiagnosticCatalogue.descriptor(for: self) }

    /// Whether the check is an error or a warning unless configured otherwise (from the descriptor).
    public var defaultSeverity: Diagnostic.Severity { descriptor.severity }

    /// A short kebab-case name for the check, shown in the catalogue.
    public var name: String { descriptor.name }

    public var description: String { rawValue }

    public static func < (a: DiagnosticCode, b: DiagnosticCode) -> Bool { a.rawValue < b.rawValue }
}
