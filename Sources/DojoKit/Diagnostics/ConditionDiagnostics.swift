// Diagnostics of one area: each code is declared once here, with its descriptor (severity, message
// templates, explanation, fix). Adding a code: one `DiagnosticCode` constant and one descriptor below.

extension DiagnosticCode {
    /// A `when` condition does not parse or does not type-check.
    public static let badExpression = DiagnosticCode("DJ0016")
    /// A `when` condition nested too deeply or with too many terms.
    public static let conditionTooComplex = DiagnosticCode("DJ0024")
    /// A number outside the documented range for its field (meters, effects).
    public static let numberOutOfRange = DiagnosticCode("DJ0025")
}

/// The descriptors of the condition area, in code order.
enum ConditionDiagnostics {
    static let descriptors: [DiagnosticDescriptor] = [
        DiagnosticDescriptor(
            .badExpression, name: "bad-expression", severity: .error,
            summary: "A `when` condition does not parse or does not type-check.",
            messages: [
                "after-complete": "unexpected {token} after a complete condition",
                "ends-early": "the condition ends where a value was expected",
                "expected-value": "expected a value but found {token}",
                "needs-left-condition": "`{name}` needs a condition before it",
                "needs-left-value": "{token} needs a value on its left",
                "not-number": "`{text}` is not a number",
                "not-operator": "`{text}` is not an operator",
                "number-not-condition": "{what} is a number, not a condition",
                "unclosed": "`{text}` is never closed",
                "unexpected": "unexpected `{text}`",
                "unexpected-character": "unexpected character `{character}`",
                "used-id": "`used(...)` needs a tactic id",
                "used-parentheses": "`used` needs a tactic id in parentheses",
            ],
            explanation: """
                A `when` condition does not parse. The column points inside the expression, e.g. at the `=` of `score => 70`.
                Conditions use numbers, meter names, `score`, `turn`, `< <= > >= == !=`, `and`/`or`/`not`, parentheses,
                `used(tactic-id)` and `mismatch`; a bare number or meter (`when: trust`) is not a condition — compare it
                (`trust >= 2`).
                """,
            fix: "Rewrite the condition as the help line suggests, e.g. `score >= 70 and trust > 1`."
        ),
        DiagnosticDescriptor(
            .conditionTooComplex, name: "condition-too-complex", severity: .error,
            summary: "A `when` condition nested too deeply or with too many terms.",
            messages: [
                "depth": "the condition nests `(` and `not` more than {limit} levels deep",
                "tokens": "the condition has more than {limit} tokens",
            ],
            explanation: """
                A `when` condition nests parentheses or `not` more than 16 levels deep, or has more than 200 tokens (numbers,
                names, operators, parentheses). Real conditions are a line long, e.g. `score >= 70 and (trust > 1 or
                used(price-angle))`; the caps keep a hostile file from exhausting the stack of every command that loads the
                folder.
                """,
            fix: "Split the logic over several branches."
        ),
        DiagnosticDescriptor(
            .numberOutOfRange, name: "number-out-of-range", severity: .error,
            summary: "A number outside the documented range for its field (meters, effects).",
            messages: [
                "": "{what} is {value}{bounds}",
                "condition": "`{text}` is out of range for a condition",
            ],
            explanation: """
                A number lies outside its documented range: meter `start`, `min` and `max` must be within −1,000…1,000, and an
                effect (`effects: {trust: 5}`) within −1,000…1,000. Example: `effects: {trust: 9223372036854775807}`. A number
                in a `when` condition must lie within −1,000,000…1,000,000 with at most 4 decimals, so it always writes back
                as plain digits.
                """,
            fix: """
                Use the small whole numbers a meter is meant for. (`difficulty` 1–5 and `pass_mark` 0–100 are reported as
                DJ0010.)
                """
        ),
    ]
}
