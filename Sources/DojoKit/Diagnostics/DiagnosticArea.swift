/// A group of related codes in the catalogue: a heading and a short introduction in docs/diagnostics.md.
public struct DiagnosticArea: Sendable {
    /// The heading, e.g. "Files and YAML".
    public let title: String
    /// A paragraph (Markdown) introducing the codes; may be empty.
    public let introduction: String
    /// The area's codes, in code order.
    public let descriptors: [DiagnosticDescriptor]
}
