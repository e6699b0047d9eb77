import Foundation

/// Finds the code a user typed for `dojo explain` (like `rustc --explain`).
public enum DiagnosticDocumentation {
    /// The code a user typed: `DJ0007`, `dj0007`, `DJ7`, `0007`, `7` or the name `unknown-key`; nil when none matches.
    public static func code(for query: String) -> DiagnosticCode? {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        if let byName = DiagnosticCode.allCases.first(where: { $0.name == trimmed.lowercased() }) { return byName }
        var digits = Substring(trimmed.uppercased())
        if digits.hasPrefix("DJ") { digits = digits.dropFirst(2) }
        guard !digits.isEmpty, digits.count <= 4, digits.allSatisfy(\.isASCII), let number = Int(digits), number >= 0 else { return nil }
        let padded = String(repeating: "0", count: 4 - String(number).count) + String(number)
        return DiagnosticCode(rawValue: "DJ" + padded)
    }

    /// The closest code or name to a query that names none, for "did you mean".
    public static func suggestion(for query: String) -> String? {
        let candidates = DiagnosticCode.allCases.flatMap { [$0.rawValue, $0.name] }
        return Suggestion.closest(to: query, among: candidates).map { candidate in
            DiagnosticCode.allCases.first { $0.name == candidate }.map { "\($0.rawValue) \($0.name)" } ?? candidate
        }
    }
}
