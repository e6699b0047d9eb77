/// The buyer the trainee talks to.
public struct Persona: Sendable, Hashable {
    /// The buyer's name.
    public var name: String
    /// Their job title.
    public var role: String
    /// Their company.
    public var company: String
    /// Who they are and what situation they are in.
    public var background: String

    /// Creates a persona.
    public init(name: String, role: String, company: String, background: String) {
        self.name = name
        self.role = role
        self.company = company
        self.background = background
    }
}
