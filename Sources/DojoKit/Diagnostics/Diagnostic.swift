/// One problem found in a scenario or playbook file.
public struct Diagnostic: Sendable, Hashable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable, Codable {
        /// The file cannot be used.
        case error
        /// The file loads but something is probably wrong.
        case warning
        /// Worth knowing; never fails a run (lint severities may be lowered to this).
        case note
    }

    /// The stable code, e.g. `DJ0007`.
    public var code: DiagnosticCode
    /// Error or warning.
    public var severity: Severity
    /// One sentence saying what is wrong.
    public var message: String
    /// Where it is; nil when the problem is about the whole file and the file has no position.
    public var location: SourceLocation?
    /// What to do about it, when there is something more specific than the message.
    public var help: String?

    /// Creates a diagnostic whose message is the code's template (`variant`, default `""`) filled from
    /// `arguments`, with the code's default severity. Messages are written once, in the catalogue.
    public init(_ code: DiagnosticCode, _ arguments: [String: String] = [:], variant: String = "",
                at location: SourceLocation?, help: String? = nil) {
        let descriptor = code.descriptor
        self.code = code
        self.severity = descriptor.severity
        self.message = descriptor.message(variant, arguments)
        self.location = location
        self.help = help
    }

    /// Orders diagnostics by file, line, column, then code, so output never depends on discovery order.
    public static func sorted(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.sorted { a, b in
            let la = a.location ?? SourceLocation(file: "", line: 0, column: 0)
            let lb = b.location ?? SourceLocation(file: "", line: 0, column: 0)
            if la != lb { return la < lb }
            if a.code != b.code { return a.code < b.code }
            return a.message < b.message
        }
    }
}
