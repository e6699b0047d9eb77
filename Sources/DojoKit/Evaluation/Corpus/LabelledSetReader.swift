import Foundation

/// Reads labelled replies from JSON Lines: blank lines and `#` comment lines are skipped, every other
/// line is one object (`id`, `lang`, `reply`, `orientation`, `tactics`, `anti_patterns`, optional `buyer`
/// and `note`). Unknown tactic ids and malformed lines are reported with `file:line`, never guessed at.
public struct LabelledSetReader: Sendable {
    /// Largest file read.
    public static let maxFileSize = 64 << 20
    /// Tactic ids and anti-pattern ids that labels may use.
    let tacticIDs: Set<String>
    let antiPatternIDs: Set<String>

    public init(catalog: TacticCatalog) {
        tacticIDs = Set(catalog.allTactics.filter { !$0.isAntiPattern }.map(\.id))
        antiPatternIDs = Set(catalog.allTactics.filter(\.isAntiPattern).map(\.id))
    }

    /// The replies of one file and the problems found in it.
    public func read(path: String) -> (replies: [LabelledReply], diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: path, line: 1, column: 1)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return ([], [Diagnostic(.unreadableFile, variant: "missing-file", at: start, help: "give a .jsonl file of labelled replies")])
        }
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= Self.maxFileSize else {
            return ([], [Diagnostic(.fileTooLarge, ["size": String(size), "limit": String(Self.maxFileSize)], variant: "labelled-set", at: start,
                                    help: "split it into smaller files")])
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            return ([], [Diagnostic(.unreadableFile, variant: "unreadable", at: start, help: "check its permissions")])
        }
        return read(bytes: [UInt8](data), file: path)
    }

    /// The replies in `bytes` (named `file` in diagnostics).
    public func read(bytes: [UInt8], file: String) -> (replies: [LabelledReply], diagnostics: [Diagnostic]) {
        var replies: [LabelledReply] = [], diagnostics: [Diagnostic] = []
        var seen: [String: Int] = [:]
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        for (offset, rawLine) in body.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            var line = rawLine
            if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
            let trimmed = line.drop { $0 == 0x20 || $0 == 0x09 }
            if trimmed.isEmpty || trimmed.first == UInt8(ascii: "#") { continue }
            let location = SourceLocation(file: file, line: lineNumber, column: 1)
            func problem(_ variant: String, _ arguments: [String: String] = [:], help: String) {
                diagnostics.append(Diagnostic(.invalidLabel, arguments, variant: variant, at: location, help: help))
            }
            guard String(validating: line, as: UTF8.self) != nil else {
                problem("not-utf8", help: "save the file as UTF-8"); continue
            }
            let value: JSONValue
            do { value = try JSONValue.parse(line) } catch {
                problem("json", ["problem": "\(error)"], help: "each line is one JSON object; see docs/labelling.md"); continue
            }
            guard case .object = value else { problem("not-object", help: "each line is one JSON object; see docs/labelling.md"); continue }
            guard let reply = value["reply"]?.stringValue, !reply.isEmpty else {
                problem("no-reply", help: "add the rep's words as \"reply\""); continue
            }
            let id = value["id"]?.stringValue ?? "\(URL(fileURLWithPath: file).lastPathComponent):\(lineNumber)"
            if let first = seen[id] { problem("repeated-id", ["id": id, "line": String(first)], help: "give every reply its own id"); continue }
            seen[id] = lineNumber
            func labels(_ key: String, allowed: Set<String>) -> [String]? {
                guard let field = value[key] else { return [] }
                guard case let .array(items) = field else { problem("not-list", ["key": key], help: "write `\(key)` as a list of ids"); return nil }
                var ids: [String] = []
                for item in items {
                    guard let id = item.stringValue, allowed.contains(id) else {
                        let shown = item.stringValue.map { "'\($0)'" } ?? "a non-string"
                        problem("unknown-id", ["id": shown, "key": key], help: "use the ids listed in docs/labelling.md")
                        return nil
                    }
                    if !ids.contains(id) { ids.append(id) }
                }
                return ids
            }
            guard let tactics = labels("tactics", allowed: tacticIDs), let anti = labels("anti_patterns", allowed: antiPatternIDs) else { continue }
            let orientationText = value["orientation"]?.stringValue ?? "none"
            let orientation = ValueType(rawValue: orientationText)
            guard orientation != nil || orientationText == "none" else {
                problem("orientation", ["orientation": orientationText], help: "fix the orientation"); continue
            }
            replies.append(LabelledReply(id: id, language: value["lang"]?.stringValue ?? "", buyer: value["buyer"]?.stringValue,
                                         reply: reply, orientation: orientation, tactics: tactics, antiPatterns: anti,
                                         note: value["note"]?.stringValue, location: location))
        }
        return (replies, diagnostics)
    }
}
