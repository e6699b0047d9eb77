import Yams

/// Reads the fields of one YAML mapping, recording a diagnostic for every unknown key, missing
/// required field and wrongly typed value, each at its own position.
struct MappingReader {
    let source: SourceText
    let node: Node
    /// How the mapping is named in messages, e.g. "turn `opening`".
    let context: String
    private(set) var entries: [String: (key: Node, value: Node)] = [:]
    private(set) var keyOrder: [String] = []

    /// Returns nil (after recording a diagnostic) when `node` is not a mapping.
    init?(_ node: Node, context: String, allowed: [String], required: [String], source: SourceText,
          into diagnostics: inout [Diagnostic]) {
        self.source = source
        self.node = node
        self.context = context
        guard case let .mapping(mapping) = node else {
            diagnostics.append(Diagnostic(.wrongType, ["context": context, "found": Self.kind(of: node)], variant: "mapping",
                                          at: Self.location(of: node, in: source)))
            return nil
        }
        for (key, value) in mapping {
            guard case let .scalar(scalar) = key else {
                diagnostics.append(Diagnostic(.wrongType, ["context": context], variant: "plain-keys",
                                              at: Self.location(of: key, in: source)))
                continue
            }
            let name = scalar.string
            guard allowed.contains(name) else {
                let help = Suggestion.didYouMean(name, among: allowed)
                    ?? "allowed keys: \(allowed.map { "`\($0)`" }.joined(separator: ", "))"
                diagnostics.append(Diagnostic(.unknownKey, ["key": name, "context": context],
                                              at: Self.location(of: key, in: source), help: help))
                continue
            }
            entries[name] = (key, value)
            keyOrder.append(name)
        }
        for name in required where entries[name] == nil {
            diagnostics.append(Diagnostic(.missingField, ["context": context, "field": name],
                                          at: Self.location(of: node, in: source), help: "add `\(name): ...`"))
        }
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            return DocumentLoader.isNull(node) ? "empty" : "the text `\(DisplayWidth.truncate(scalar.string, to: 30))`"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    static func location(of node: Node, in source: SourceText) -> SourceLocation {
        DocumentLoader.location(of: node, in: source)
    }

    func has(_ key: String) -> Bool { entries[key] != nil }

    func value(_ key: String) -> Node? { entries[key]?.value }

    func keyLocation(_ key: String) -> SourceLocation {
        entries[key].map { Self.location(of: $0.key, in: source) } ?? Self.location(of: node, in: source)
    }

    func valueLocation(_ key: String) -> SourceLocation {
        entries[key].map { Self.location(of: $0.value, in: source) } ?? Self.location(of: node, in: source)
    }

    var location: SourceLocation { Self.location(of: node, in: source) }

    /// A non-empty text value.
    func string(_ key: String, into diagnostics: inout [Diagnostic]) -> String? {
        guard let value = value(key) else { return nil }
        return Self.text(value, what: "`\(key)` in \(context)", source: source, into: &diagnostics)
    }

    static func text(_ value: Node, what: String, source: SourceText, into diagnostics: inout [Diagnostic]) -> String? {
        guard case let .scalar(scalar) = value, !DocumentLoader.isNull(value) else {
            diagnostics.append(Diagnostic(.wrongType, ["what": what, "found": kind(of: value)], variant: "text",
                                          at: location(of: value, in: source)))
            return nil
        }
        let text = scalar.string.trimmingWhitespace()
        if let bad = text.unicodeScalars.first(where: isForbiddenControl) {
            diagnostics.append(Diagnostic(.controlCharacter,
                ["what": what, "scalar": String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4)],
                at: location(of: value, in: source),
                help: "delete it: escapes, bells, carriage returns and bidi overrides can take over the trainee's terminal"))
            return nil
        }
        guard !text.isEmpty else {
            diagnostics.append(Diagnostic(.invalidValue, ["what": what], variant: "empty-text", at: location(of: value, in: source)))
            return nil
        }
        return text
    }

    /// Control characters no scenario text may hold, however written (YAML `"\e"` escapes included):
    /// C0 except tab and line feed, DEL, C1, and the bidi overrides and isolates that disguise text.
    static func isForbiddenControl(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v != 0x09 && v != 0x0A }
        return v == 0x7F || (0x80...0x9F).contains(v) || (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v)
            || v == 0x200E || v == 0x200F || v == 0x061C
    }

    /// A scenario language (`zh-Hans`, `zh-Hant`, `en`), with a suggestion for near misses.
    func language(_ key: String, into diagnostics: inout [Diagnostic]) -> ScenarioLanguage? {
        guard let raw = string(key, into: &diagnostics) else { return nil }
        guard let language = ScenarioLanguage(rawValue: raw) else {
            diagnostics.append(Diagnostic(.invalidValue, ["language": raw], variant: "unknown-language", at: valueLocation(key),
                help: Suggestion.didYouMean(raw, among: ScenarioLanguage.allCases.map(\.rawValue)) ?? "use zh-Hans, zh-Hant or en"))
            return nil
        }
        return language
    }

    /// An integer within `range`.
    func int(_ key: String, in range: ClosedRange<Int>? = nil, code: DiagnosticCode = .invalidValue,
             into diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = value(key) else { return nil }
        return Self.integer(value, what: "`\(key)` in \(context)", range: range, code: code, source: source, into: &diagnostics)
    }

    /// A whole number written as optional sign and decimal digits (`3`, `+2`, `-1`); anything else
    /// (`1+1`, `0x10`, `2.5`) is a wrong type, and a number outside `range` is reported with `code`.
    static func integer(_ value: Node, what: String, range: ClosedRange<Int>?, code: DiagnosticCode = .invalidValue,
                        source: SourceText, into diagnostics: inout [Diagnostic]) -> Int? {
        guard case let .scalar(scalar) = value, isWholeNumber(scalar.string) else {
            diagnostics.append(Diagnostic(.wrongType, ["what": what, "found": kind(of: value)], variant: "whole-number",
                                          at: location(of: value, in: source), help: "write digits with an optional sign, e.g. `2` or `-1`"))
            return nil
        }
        guard let number = Int(scalar.string), range.map({ $0.contains(number) }) ?? true else {
            let shown = DisplayWidth.truncate(scalar.string, to: 24)
            let bounds = range.map { "; it must be between \($0.lowerBound) and \($0.upperBound)" } ?? ""
            diagnostics.append(Diagnostic(range == nil ? .numberOutOfRange : code, ["what": what, "value": shown, "bounds": bounds],
                                          variant: range == nil || code == .numberOutOfRange ? "" : "out-of-range",
                                          at: location(of: value, in: source)))
            return nil
        }
        return number
    }

    static func isWholeNumber(_ text: String) -> Bool {
        let digits = text.utf8.first == UInt8(ascii: "+") || text.utf8.first == UInt8(ascii: "-") ? text.utf8.dropFirst() : text.utf8[...]
        return !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    /// A list of non-empty texts; a single text is not accepted in place of a list.
    func strings(_ key: String, into diagnostics: inout [Diagnostic]) -> [(String, SourceLocation)]? {
        guard let value = value(key) else { return nil }
        guard case let .sequence(sequence) = value else {
            diagnostics.append(Diagnostic(.wrongType, ["key": key, "context": context, "found": Self.kind(of: value)], variant: "list",
                                          at: Self.location(of: value, in: source),
                                          help: "write it as `[a, b]` or as lines starting with `- `"))
            return nil
        }
        var result: [(String, SourceLocation)] = []
        for item in sequence {
            if let text = Self.text(item, what: "an item of `\(key)` in \(context)", source: source, into: &diagnostics) {
                result.append((text, Self.location(of: item, in: source)))
            }
        }
        return result
    }

    /// A list of nodes.
    func sequence(_ key: String, into diagnostics: inout [Diagnostic]) -> [Node]? {
        guard let value = value(key) else { return nil }
        guard case let .sequence(sequence) = value else {
            diagnostics.append(Diagnostic(.wrongType, ["key": key, "context": context, "found": Self.kind(of: value)], variant: "list",
                                          at: Self.location(of: value, in: source)))
            return nil
        }
        return Array(sequence)
    }

    /// Where a scalar offset inside the value of `key` lies in the file, for errors inside expressions.
    func location(inValueOf key: String, offset: Int) -> SourceLocation {
        guard let value = value(key), case let .scalar(scalar) = value, let mark = value.mark else {
            return valueLocation(key)
        }
        switch scalar.style {
        case .literal, .folded:
            let text = Array(scalar.string.unicodeScalars.prefix(offset))
            let newlines = text.filter { $0 == "\n" }.count
            let lineStart = (text.lastIndex(of: "\n").map { $0 + 1 }) ?? 0
            let lineNumber = mark.line + 1 + newlines
            let indent = source.line(lineNumber).map { $0.unicodeScalars.prefix { $0 == " " }.count } ?? 0
            return source.location(line: lineNumber, column: indent + 1 + offset - lineStart)
        case .singleQuoted, .doubleQuoted:
            return source.location(line: mark.line, column: mark.column + 1 + offset)
        default:
            return source.location(line: mark.line, column: mark.column + offset)
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
