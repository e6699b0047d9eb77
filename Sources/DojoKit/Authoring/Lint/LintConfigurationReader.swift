import Yams

/// Reads `.dojo-lint.yaml`; every problem is a DJ0124 diagnostic with its position.
public enum LintConfigurationReader {
    /// The file name looked for in the scenario folder.
    public static let fileName = ".dojo-lint.yaml"

    /// Reads a lint file; problems go to `diagnostics` and the usable entries are kept.
    public static func read(path: String, loader: DocumentLoader = DocumentLoader(),
                            into diagnostics: inout [Diagnostic]) -> LintConfiguration {
        var configuration = LintConfiguration()
        let document: DocumentLoader.Document
        switch loader.load(path: path) {
        case let .failure(list):
            diagnostics += list.diagnostics
            return configuration
        case let .success(loaded):
            document = loaded
        }
        let source = document.source
        var found: [Diagnostic] = []
        defer { diagnostics += found.map { var d = $0; d.code = .badLintConfiguration; d.severity = .error; return d } }
        guard let top = MappingReader(document.root, context: "the lint file", allowed: ["severity", "exceptions"], required: [],
                                      source: source, into: &found) else { return configuration }
        if let node = top.value("severity") {
            if case let .mapping(mapping) = node {
                for (key, value) in mapping {
                    let location = DocumentLoader.location(of: key, in: source)
                    guard let code = code(key.scalar?.string ?? "", at: location, into: &found) else { continue }
                    let raw = value.scalar?.string ?? ""
                    guard let setting = LintConfiguration.Setting(rawValue: raw) else {
                        found.append(Diagnostic(.badLintConfiguration, ["value": raw], variant: "severity",
                            at: DocumentLoader.location(of: value, in: source), help: "use error, warning, note or off"))
                        continue
                    }
                    if code.defaultSeverity == .error && setting != .error && !code.rawValue.hasPrefix("DJ01") {
                        found.append(Diagnostic(.badLintConfiguration, ["code": code.rawValue, "name": code.name], variant: "load-error",
                            at: location, help: "fix the file instead"))
                        continue
                    }
                    configuration.severities[code] = setting
                }
            } else {
                found.append(Diagnostic(.badLintConfiguration, variant: "severity-map",
                                        at: top.valueLocation("severity")))
            }
        }
        for node in top.sequence("exceptions", into: &found) ?? [] {
            guard let reader = MappingReader(node, context: "an exception", allowed: ["code", "scenario", "tactic", "reason"],
                                             required: ["code", "reason"], source: source, into: &found),
                  let raw = reader.string("code", into: &found),
                  let code = code(raw, at: reader.valueLocation("code"), into: &found) else { continue }
            let reason = reader.string("reason", into: &found)?.trimmingWhitespace() ?? ""
            if reason.isEmpty {
                guard reader.has("reason") else { continue }  // reported as a missing field already
                found.append(Diagnostic(.badLintConfiguration, ["code": code.rawValue], variant: "no-reason",
                    at: reader.location, help: "say why the finding is acceptable in `reason:`"))
                continue
            }
            let subjects = ["scenario", "tactic"].filter(reader.has)
            guard subjects.count == 1, let key = subjects.first, let subject = reader.string(key, into: &found) else {
                found.append(Diagnostic(.badLintConfiguration, variant: "subject",
                                        at: reader.location))
                continue
            }
            configuration.exceptions.append(LintConfiguration.Exception(code: code, subject: subject, reason: reason,
                                                                        location: reader.location))
        }
        return configuration
    }

    /// A code written as `DJ0121` or as its name.
    static func code(_ text: String, at location: SourceLocation, into found: inout [Diagnostic]) -> DiagnosticCode? {
        if let code = DiagnosticCode(rawValue: text.uppercased()) ?? DiagnosticCode.allCases.first(where: { $0.name == text }) {
            return code
        }
        found.append(Diagnostic(.badLintConfiguration, ["code": text], at: location,
            help: DiagnosticDocumentation.suggestion(for: text).map { "did you mean `\($0)`?" } ?? "codes look like DJ0121 (see docs/diagnostics.md)"))
        return nil
    }
}
