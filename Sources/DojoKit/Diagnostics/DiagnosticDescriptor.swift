/// Everything about one diagnostic code, written once: the single source for the messages the loader
/// and linter print, for `dojo explain` and for `docs/diagnostics.md`.
public struct DiagnosticDescriptor: Sendable {
    /// The stable code.
    public let code: DiagnosticCode
    /// A short kebab-case name, e.g. `unknown-key`.
    public let name: String
    /// Error or warning unless a lint configuration overrides it.
    public let severity: Diagnostic.Severity
    /// One line saying what the check finds.
    public let summary: String
    /// Message templates by variant (`""` is the default). `{name}` is replaced by the argument of that
    /// name; a code has several variants when one meaning shows up in differently shaped places.
    public let messages: [String: String]
    /// A paragraph (Markdown) explaining the problem, with an example.
    public let explanation: String
    /// What to do about it.
    public let fix: String

    init(_ code: DiagnosticCode, name: String, severity: Diagnostic.Severity, summary: String, message: String,
         explanation: String, fix: String) {
        self.init(code, name: name, severity: severity, summary: summary, messages: ["": message], explanation: explanation, fix: fix)
    }

    init(_ code: DiagnosticCode, name: String, severity: Diagnostic.Severity, summary: String, messages: [String: String],
         explanation: String, fix: String) {
        self.code = code
        self.name = name
        self.severity = severity
        self.summary = summary
        self.messages = messages
        self.explanation = explanation
        self.fix = fix
    }

    /// The variants, sorted (the default `""` first).
    public var variants: [String] { messages.keys.sorted() }

    /// The names of the `{placeholders}` of a template, in order of appearance.
    public static func placeholders(in template: String) -> [String] {
        var names: [String] = []
        _ = fill(template) { name in names.append(name); return "" }
        return names
    }

    /// The message of `variant` with its placeholders filled from `arguments`. A placeholder without an
    /// argument stays as written (`{key}`), so a mistake shows instead of vanishing; a variant the
    /// descriptor lacks falls back to the summary.
    public func message(_ variant: String = "", _ arguments: [String: String] = [:]) -> String {
        guard let template = messages[variant] else {
            assertionFailure("\(code.rawValue) has no message variant '\(variant)'")
            return summary
        }
        return Self.fill(template) { arguments[$0] ?? "{\($0)}" }
    }

    /// Replaces each `{identifier}` in one pass (an argument's own braces are never expanded).
    static func fill(_ template: String, _ value: (String) -> String) -> String {
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), !after[..<close].isEmpty,
               after[..<close].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) {
                out += value(String(after[..<close]))
                rest = after[after.index(after: close)...]
            } else {
                out += "{"
                rest = after
            }
        }
        return out + rest
    }
}
